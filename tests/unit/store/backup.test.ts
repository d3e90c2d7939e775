import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempStore, importBundled } from '../../helpers/tempdb';
import {
  backupFolder,
  backupsToKeep,
  createBackup,
  listBackups,
  pruneBackups,
  timestamp,
  verifyBackupFile,
} from '../../../electron/core/store/backup';
import { BackupScheduler, type Timers } from '../../../electron/core/store/backupSchedule';

let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

function annotate(note: string) {
  const { versionId } = t.store.reports.list()[0]?.versions[0] ? { versionId: t.store.reports.list()[0].versions[0].id } : importBundled(t.store);
  const b = t.store.reports.blocksOf(versionId)[4];
  return t.store.annotations.create({ versionId, color: 'yellow', note, targets: [{ blockId: b.id, start: 0, end: 4, exact: b.text.slice(0, 4), prefix: '', suffix: '' }] });
}

describe('a backup', () => {
  it('is a verified, self-contained copy with the counts the user will see, including uncheckpointed writes', async () => {
    annotate('第一条');
    annotate('第二条');
    const dir = backupFolder(t.dir);
    const info = await createBackup(t.store.db, dir, { now: new Date(2025, 2, 5, 14, 22, 10) });
    expect(info.name).toBe('reviewdesk-20250305-142210.sqlite3');
    expect(info.counts).toEqual({ reports: 1, annotations: 2, drafts: 0 });
    // no -wal / -shm / .partial beside it: one file that can be copied anywhere
    expect(readdirSync(dir)).toEqual([info.name]);
    expect(verifyBackupFile(join(dir, info.name))).toMatchObject({ annotations: 2 });
    // two backups in the same second get distinct names
    const again = await createBackup(t.store.db, dir, { now: new Date(2025, 2, 5, 14, 22, 10) });
    expect(again.name).toBe('reviewdesk-20250305-142210-1.sqlite3');
    expect(listBackups(dir).map((b) => b.name)).toEqual([again.name, info.name]);
  });

  it('never leaves a half-made file when the database goes away mid-backup, and older backups stay', async () => {
    importBundled(t.store);
    const dir = backupFolder(t.dir);
    const good = await createBackup(t.store.db, dir);
    const failing = createBackup(t.store.db, dir, { now: new Date(Date.now() + 2000) });
    t.store.close();
    await expect(failing).rejects.toThrow(/备份未完成/);
    expect(readdirSync(dir)).toEqual([good.name]);
  });

  it('is refused by verification when the file is damaged', async () => {
    importBundled(t.store);
    const dir = backupFolder(t.dir);
    const info = await createBackup(t.store.db, dir);
    writeFileSync(join(dir, info.name), 'garbage'.repeat(1000));
    expect(() => verifyBackupFile(join(dir, info.name))).toThrow(/损坏|不是审议台/);
    expect(listBackups(dir)[0].counts).toBeNull();
  });
});

describe('rotation', () => {
  const name = (d: Date) => `reviewdesk-${timestamp(d)}.sqlite3`;
  const now = new Date(2025, 2, 10, 18, 0, 0);

  it('keeps the last ten plus the newest of each of the last seven days', () => {
    const names: string[] = [];
    // a busy day: 15 backups today
    for (let i = 0; i < 15; i++) names.push(name(new Date(2025, 2, 10, 9, i)));
    // two a day for the previous 9 days
    for (let d = 1; d <= 9; d++) {
      names.push(name(new Date(2025, 2, 10 - d, 10, 0)));
      names.push(name(new Date(2025, 2, 10 - d, 17, 30)));
    }
    const keep = backupsToKeep(names, now);
    const todays = names.slice(0, 15).sort().reverse();
    for (const n of todays.slice(0, 10)) expect(keep.has(n)).toBe(true);
    for (const n of todays.slice(10)) expect(keep.has(n)).toBe(false);
    // days 1..6 back: the evening backup survives, the morning one does not
    for (let d = 1; d <= 6; d++) {
      expect(keep.has(name(new Date(2025, 2, 10 - d, 17, 30)))).toBe(true);
      expect(keep.has(name(new Date(2025, 2, 10 - d, 10, 0)))).toBe(false);
    }
    // older than a week: gone
    expect(keep.has(name(new Date(2025, 2, 2, 17, 30)))).toBe(false);
    expect(keep.size).toBe(16);
  });

  it('prunes files on disk but never a protected one, and ignores files that are not backups', async () => {
    importBundled(t.store);
    const dir = backupFolder(t.dir);
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await createBackup(t.store.db, dir, { now: new Date(2025, 2, 10, 9, i) })).name);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const removed = pruneBackups(dir, now, [made[0]]);
    expect(removed).toEqual([made[1]]);
    expect(existsSync(join(dir, made[0]))).toBe(true);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });
});

describe('the backup scheduler', () => {
  function fakeTimers() {
    let seq = 0;
    const pending = new Map<number, { fn: () => void; at: number }>();
    let clock = 0;
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        pending.set(++seq, { fn, at: clock + ms });
        return seq;
      },
      clearTimeout: (h) => pending.delete(h as number),
      now: () => clock,
    };
    return {
      timers,
      advance(ms: number) {
        clock += ms;
        for (const [id, p] of [...pending]) {
          if (p.at <= clock) {
            pending.delete(id);
            p.fn();
          }
        }
      },
    };
  }

  it('makes one backup 30 s after the last of a burst of writes', async () => {
    const clock = fakeTimers();
    let runs = 0;
    const s = new BackupScheduler({ backup: async () => void runs++, timers: clock.timers });
    for (let i = 0; i < 5; i++) {
      s.notifyWrite();
      clock.advance(10_000);
    }
    expect(runs).toBe(0);
    clock.advance(29_000);
    expect(runs).toBe(0);
    clock.advance(1_000);
    await s.idle();
    expect(runs).toBe(1);
    expect(s.pending).toBe(false);
  });

  it('still backs up every 5 minutes while writes never pause', async () => {
    const clock = fakeTimers();
    let runs = 0;
    const s = new BackupScheduler({ backup: async () => void runs++, timers: clock.timers });
    for (let i = 0; i < 60; i++) {
      s.notifyWrite();
      clock.advance(10_000); // a write every 10 s for 10 minutes: the 30 s pause never comes
      await Promise.resolve();
    }
    await s.idle();
    expect(runs).toBe(2);
  });

  it('runs work one at a time, and a manual backup replaces the pending one', async () => {
    const clock = fakeTimers();
    const log: string[] = [];
    let release!: () => void;
    const s = new BackupScheduler({
      backup: () => new Promise<void>((r) => (release = () => (log.push('backup'), r()))),
      timers: clock.timers,
    });
    s.notifyWrite();
    const manual = s.backupNow();
    expect(s.pending).toBe(false);
    const restore = s.exclusive(() => void log.push('restore'));
    await Promise.resolve();
    expect(log).toEqual([]);
    release();
    await manual;
    await restore;
    expect(log).toEqual(['backup', 'restore']);
    s.dispose();
    s.notifyWrite();
    expect(s.pending).toBe(false);
  });
});
