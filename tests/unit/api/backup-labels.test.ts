/**
 * Each backup says what made it (自动 / 手动 / 恢复前 / 导入), recorded in a labels file beside
 * the backups — never inside them, where it would change their write count.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_LABELS, labelBackup, readBackupLabels } from '../../../electron/core/store/backup';
import type { Timers } from '../../../electron/core/store/backupSchedule';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-backup-labels-', () => ({ backupTimers: manualTimers(), log: () => {} }));
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

const folder = () => env.backend.ctx.backups!.folder;

describe('backup labels', () => {
  it('labels automatic, manual, safety and imported backups', async () => {
    fire(); // the start backup
    await env.backend.ctx.backups!.scheduler.idle();
    const [auto] = await call('backups.list');
    expect(auto.kind).toBe('auto');

    const manual = await call('backups.create');
    expect(manual.kind).toBe('manual');

    const r = await call('backups.restore', { name: auto.name });
    const imported = await call('backups.importFile', {
      fileName: 'carried.sqlite3',
      dataBase64: readFileSync(join(folder(), manual.name)).toString('base64'),
    });
    expect(imported.kind).toBe('import');

    const kinds = Object.fromEntries((await call<{ name: string; kind: string }[]>('backups.list')).map((b) => [b.name, b.kind]));
    expect(kinds).toEqual({ [auto.name]: 'auto', [manual.name]: 'manual', [r.safetyBackup!]: 'safety', [imported.name]: 'import' });
    // 'auto' is what a missing entry means: only the others are written down
    expect(readBackupLabels(folder())).toEqual({ [manual.name]: 'manual', [r.safetyBackup!]: 'safety', [imported.name]: 'import' });
  });

  it('drops the labels of backups that are gone, and reads a damaged labels file as all automatic', async () => {
    const manual = await call('backups.create');
    const file = join(folder(), BACKUP_LABELS);
    const stale = 'reviewdesk-20200101-000000.sqlite3';
    writeFileSync(file, JSON.stringify({ [manual.name]: 'manual', [stale]: 'manual', 'not-a-backup.txt': 'manual', [`x${manual.name}`]: 'bogus' }));
    expect(readBackupLabels(folder())).toEqual({ [manual.name]: 'manual', [stale]: 'manual' });
    labelBackup(folder(), null);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ [manual.name]: 'manual' });
    expect(existsSync(`${file}.partial`)).toBe(false);

    writeFileSync(file, '{not json');
    expect((await call<{ kind: string }[]>('backups.list')).map((b) => b.kind)).toEqual(['auto']);
  });

  it('leaves the backup itself as it was made (no label inside it)', async () => {
    const manual = await call('backups.create');
    const before = readFileSync(join(folder(), manual.name));
    labelBackup(folder(), manual.name, 'safety');
    expect(readFileSync(join(folder(), manual.name)).equals(before)).toBe(true);
    expect((await call('backups.list'))[0].kind).toBe('safety');
  });
});
