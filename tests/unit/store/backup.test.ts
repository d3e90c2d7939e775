import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempStore, importBundled } from '../../helpers/tempdb';
import {
  backupFolder,
  backupsToKeep,
  createBackup,
  durableWriteCount,
  findLostWrites,
  installStagedDatabase,
  listBackups,
  pruneBackups,
  stageRestore,
  timestamp,
  userDataWeight,
  verifyBackupFile,
} from '../../../electron/core/store/backup';
import { openStore } from '../../../electron/core/store';
import { BackupScheduler, type Timers } from '../../../electron/core/store/backupSchedule';

let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

function annotate(note: string) {
  const { versionId } = t.store.reports.list()[0]?.versions[0] ? { versionId: t.store.reports.list()[0].versions[0].id } : importBundled(t.store);
  const b = t.store.reports.blocksOf(versionId)[4];
  return t.store.annotations.create({
    versionId,
    color: 'yellow',
    note,
    targets: [{ blockId: b.id, start: 0, end: 4, exact: b.text.slice(0, 4), prefix: '', suffix: '' }],
  });
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

describe('rotation never loses the work to lighter backups', () => {
  const at = (minute: number) => new Date(2025, 2, 10, 9, minute);

  /** `n` backups of `store`, one a minute from `from`, each followed by rotation as the app does it */
  async function backupsOf(store: typeof t.store, dir: string, from: number, n: number): Promise<string[]> {
    const made: string[] = [];
    for (let i = 0; i < n; i++) {
      made.push((await createBackup(store.db, dir, { now: at(from + i) })).name);
      pruneBackups(dir, at(from + i), [made[made.length - 1]]);
    }
    return made;
  }

  it('keeps the newest backup that holds annotations while an empty library is backed up again and again', async () => {
    annotate('唯一的一条');
    const dir = backupFolder(t.dir);
    const [good] = await backupsOf(t.store, dir, 0, 1);
    // the file was lost; the app continued with a fresh, empty library (its own file)
    const empty = openStore(join(t.dir, 'fresh.sqlite3'));
    try {
      expect(userDataWeight(empty.db)).toBe(0);
      const later = await backupsOf(empty, dir, 1, 15);
      const names = listBackups(dir).map((b) => b.name);
      expect(names).toContain(good);
      expect(names).toEqual([...later.slice(-10).reverse(), good]);
    } finally {
      empty.close();
    }
  });

  it('keeps the heaviest backup while a much lighter database is backed up, and the seeded report alone is no work', async () => {
    for (let i = 0; i < 5; i++) annotate(`第 ${i} 条`);
    const dir = backupFolder(t.dir);
    const [heavy] = await backupsOf(t.store, dir, 0, 1);
    const light = openStore(join(t.dir, 'light.sqlite3'));
    try {
      const { versionId } = importBundled(light);
      light.settings.set('library.seeded', versionId);
      expect(userDataWeight(light.db)).toBe(0);
      const b = light.reports.blocksOf(versionId)[4];
      light.annotations.create({
        versionId,
        color: 'red',
        note: '只剩一条',
        targets: [{ blockId: b.id, start: 0, end: 4, exact: b.text.slice(0, 4), prefix: '', suffix: '' }],
      });
      expect(userDataWeight(light.db)).toBe(1);
      await backupsOf(light, dir, 1, 15);
      const names = listBackups(dir).map((x) => x.name);
      expect(names).toContain(heavy);
      expect(names).toHaveLength(11);
    } finally {
      light.close();
    }
  });
});

describe('the durable write count', () => {
  it('grows with every write in the same transaction, travels into backups, and exposes a live file older than its backup', async () => {
    const start = durableWriteCount(t.store.db)!;
    expect(start.lineage).toMatch(/^[0-9a-f]{32}$/);
    annotate('一');
    const afterOne = durableWriteCount(t.store.db)!;
    expect(afterOne.writes).toBeGreaterThan(start.writes);
    t.store.settings.set('author.name', '张代表');
    expect(durableWriteCount(t.store.db)!.writes).toBe(afterOne.writes + 1);

    const dir = backupFolder(t.dir);
    const backup = await createBackup(t.store.db, dir, { now: new Date(2025, 2, 10, 9, 0) });
    // the live file is ahead of (or level with) its backups: nothing lost
    expect(findLostWrites(t.store.db, dir)).toBeNull();
    annotate('二');
    expect(findLostWrites(t.store.db, dir)).toBeNull();

    // the live file as it was before the backup (what a lost -wal leaves): lost writes
    const older = openStore(join(t.dir, 'older.sqlite3'));
    try {
      const copy = await stageRestore(join(dir, backup.name), join(t.dir, 'older.sqlite3'));
      older.close();
      installStagedDatabase(copy, join(t.dir, 'older.sqlite3'));
    } catch (e) {
      older.close();
      throw e;
    }
    // a restored file starts a lineage of its own: the backups before it are not "lost writes"
    const restored = openStore(join(t.dir, 'older.sqlite3'));
    try {
      expect(durableWriteCount(restored.db)!.lineage).not.toBe(start.lineage);
      expect(findLostWrites(restored.db, dir)).toBeNull();
      // …but the same lineage with fewer writes than a backup is exactly a loss
      restored.db.prepare('UPDATE write_counter SET lineage = ?, writes = ?').run(start.lineage, afterOne.writes);
      expect(findLostWrites(restored.db, dir)).toMatchObject({ backup: backup.name, liveWrites: afterOne.writes, backupWrites: afterOne.writes + 1 });
    } finally {
      restored.close();
    }
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
