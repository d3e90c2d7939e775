import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../electron/api/app';
import { ApiFailure } from '../../../electron/api/dispatch';
import type { Timers } from '../../../electron/core/store/backupSchedule';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-backup-api-', () => ({ backupTimers: manualTimers(), log: () => {} }));
const { call } = env;

let fire: () => void;

function manualTimers(): Timers {
  const pending = new Map<number, () => void>();
  let seq = 0;
  fire = () => {
    const fns = [...pending.values()];
    pending.clear();
    fns.forEach((f) => f());
  };
  return { setTimeout: (fn) => (pending.set(++seq, fn), seq), clearTimeout: (h) => void pending.delete(h as number) };
}

async function annotate(note: string) {
  const info = await call('app.info');
  const doc = await call('reports.get', { versionId: info.startVersionId! });
  const b = doc.blocks[6];
  return call('annotations.create', {
    versionId: doc.version.id,
    color: 'blue',
    note,
    tags: ['核实'],
    targets: [{ blockId: b.id, start: 0, end: 5, exact: b.text.slice(0, 5), prefix: '', suffix: '' }],
  });
}
async function notes(): Promise<string[]> {
  const info = await call('app.info');
  return ((await call('annotations.list', { versionId: info.startVersionId! })) as { note: string }[]).map((a) => a.note).sort();
}

describe('backups through the API', () => {
  it('backs up shortly after start and again after a write, not on reads', async () => {
    fire(); // the start backup
    await env.backend.ctx.backups!.scheduler.idle();
    expect(await call('backups.list')).toHaveLength(1);
    await call('reports.list');
    expect(env.backend.ctx.backups!.scheduler.pending).toBe(false);
    await annotate('要备份的批注');
    expect(env.backend.ctx.backups!.scheduler.pending).toBe(true);
    fire();
    await env.backend.ctx.backups!.scheduler.idle();
    const list = await call('backups.list');
    expect(list).toHaveLength(2);
    expect(list[0].counts).toEqual({ reports: 1, annotations: 1, drafts: 0 });
  });

  it('restores a backup: the later change is gone, the earlier state is back, and everything keeps working', async () => {
    await annotate('备份前的批注');
    const backup = await call('backups.create');
    await annotate('备份后的批注');
    expect(await notes()).toEqual(['备份前的批注', '备份后的批注'].sort());
    const r = await call('backups.restore', { name: backup.name });
    expect(r.restored).toBe(backup.name);
    expect(await notes()).toEqual(['备份前的批注']);
    // the replaced state was backed up first, so the restore can be undone
    const safety = (await call('backups.list')).find((b: { name: string }) => b.name === r.safetyBackup);
    expect(safety!.counts!.annotations).toBe(2);
    // handlers use the reopened database: reads and writes work, and a restart sees the same data
    await annotate('恢复后的批注');
    expect(await notes()).toEqual(['备份前的批注', '恢复后的批注'].sort());
    // every handler module reads the reopened database, not the closed one
    const versionId = (await call('app.info')).startVersionId!;
    await expect(call('drafts.list', { versionId })).resolves.toEqual([]);
    await expect(call('delegation.summary', { versionId })).resolves.toMatchObject({ versionId });
    env.restart();
    expect(await notes()).toEqual(['备份前的批注', '恢复后的批注'].sort());
  });

  it('accepts only names from the backups folder listing', async () => {
    await call('backups.create');
    for (const name of ['../reviewdesk.sqlite3', '../../etc/passwd', '/etc/passwd', 'reviewdesk-20250101-000000.sqlite3\u0000.txt']) {
      const e = await call('backups.restore', { name }).catch((x: ApiFailure) => x);
      expect(e).toBeInstanceOf(ApiFailure);
      expect((e as ApiFailure).status).toBe(400);
    }
    const missing = await call('backups.restore', { name: 'reviewdesk-20000101-000000.sqlite3' }).catch((x: ApiFailure) => x);
    expect((missing as ApiFailure).status).toBe(422);
    expect((missing as ApiFailure).error.message).toMatch(/没有这个备份/);
  });
});

describe('a damaged database at start', () => {
  it('is moved aside, the app starts empty in a recovery state, and restoring brings the data back', async () => {
    await annotate('损坏前的批注');
    const backup = await call('backups.create');
    env.restart(() => writeFileSync(join(env.dir, DATABASE_FILE), Buffer.alloc(64 * 1024, 0x5a)));
    const info = await call('app.info');
    expect(info.recovery!.message).toMatch(/数据文件已损坏.*已移到.*可以从最近的备份/);
    expect(info.recovery!.damagedFile).toMatch(/reviewdesk\.sqlite3\.damaged-\d{8}-\d{6}$/);
    expect(existsSync(info.recovery!.damagedFile)).toBe(true);
    expect(info.recovery!.newestBackup).toMatchObject({ name: backup.name, counts: { annotations: 1 } });
    // no silent fresh start: the bundled report was NOT seeded, and no backup of the empty data was made
    expect(await call('reports.list')).toEqual([]);
    fire();
    expect((await call('backups.list')).map((b: { name: string }) => b.name)).toEqual([backup.name]);
    await call('backups.restore', { name: info.recovery!.newestBackup!.name });
    expect((await call('app.info')).recovery).toBeNull();
    expect(await notes()).toEqual(['损坏前的批注']);
  });

  it('can continue with empty data, which then gets the bundled report', async () => {
    env.restart(() => {
      rmSync(join(env.dir, 'backups'), { recursive: true, force: true });
      writeFileSync(join(env.dir, DATABASE_FILE), 'not a database at all '.repeat(500));
    });
    const info = await call('app.info');
    expect(info.recovery!.newestBackup).toBeNull();
    expect(info.recovery!.message).toMatch(/没有找到可用的备份/);
    await call('recovery.dismiss');
    expect((await call('app.info')).recovery).toBeNull();
    expect(await call('reports.list')).toHaveLength(1);
    expect(readdirSync(env.dir).some((f) => f.startsWith(`${DATABASE_FILE}.damaged-`))).toBe(true);
  });
});
