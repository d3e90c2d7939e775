import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ReviewDeskError } from '../../core/errors';
import { isSealed, seal, unseal } from '../../core/seal/seal';
import { createBackup, resolveBackup, verifyBackupFile, type BackupInfo } from '../../core/store/backup';
import { openPlainDatabase } from '../../core/store/db';
import type { AppContext } from '../context';
import type { Handlers } from '../contract';
import { safeFileName, writeAtomically } from './exportFile';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore' | 'backups.export' | 'backups.importFile' | 'recovery.dismiss'>;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const notABackup = () => new ReviewDeskError('backup/not-a-backup', '这个文件不是审议台的备份，未导入。当前数据没有改动。');

/** The carried file's name: the backup's own time, so two exports of one backup look alike. */
function exportName(backupName: string, sealed: boolean): string {
  const stamp = /^reviewdesk-(.+)\.sqlite3$/.exec(backupName)?.[1] ?? backupName;
  return safeFileName(`审议台备份-${stamp}`, sealed ? '.rdbackup' : '.sqlite3');
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

/**
 * An exported backup coming back: checked and copied into the backups folder through the same
 * createBackup every backup goes through (online copy, self-contained, verified, then named) —
 * so it is listed like any other and backups.restore takes it from there. The live database is
 * not opened, read or changed. The incoming bytes wait in a `.partial` file, which the
 * backup rotation sweeps away should the app stop in the middle.
 */
async function importBackupBytes(folder: string, bytes: Uint8Array, fileOpts: { nativeBinding?: string }): Promise<BackupInfo> {
  if (bytes.length < 512 || !SQLITE_MAGIC.equals(Buffer.from(bytes.buffer, bytes.byteOffset, SQLITE_MAGIC.length))) throw notABackup();
  mkdirSync(folder, { recursive: true });
  const incoming = join(folder, `import-${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(incoming, bytes, { flag: 'wx' });
    try {
      verifyBackupFile(incoming, fileOpts); // read-only: integrity_check, schema version, counts
    } catch (e) {
      if (e instanceof ReviewDeskError && e.code === 'store/too-new') throw e;
      throw notABackup();
    }
    const source = openPlainDatabase(incoming, { readonly: true, ...fileOpts });
    try {
      return await createBackup(source, folder, { ...fileOpts, kind: 'import' });
    } finally {
      source.close();
    }
  } finally {
    removeWithSidecars(incoming);
  }
}

export function backupHandlers(ctx: AppContext): BackupHandlers {
  const service = () => {
    if (!ctx.backups) throw new ReviewDeskError('backup/unavailable', '这里不能使用备份功能。');
    return ctx.backups;
  };
  return {
    'backups.list': () => service().list(),
    'backups.create': () => service().create(),
    'backups.restore': async ({ name }) => {
      const result = await service().restore(name);
      ctx.recovery = null;
      return result;
    },
    'backups.export': async ({ name, passphrase, destination }) => {
      const backups = service();
      // read between backups: rotation cannot delete the file halfway through
      const plain = await backups.scheduler.exclusive(() => readFile(resolveBackup(backups.folder, name)));
      const bytes = passphrase ? await seal(plain, passphrase) : plain;
      const sealed = !!passphrase;
      const mime = sealed ? 'application/octet-stream' : 'application/vnd.sqlite3';
      if (destination) {
        try {
          await writeAtomically(destination, bytes);
        } catch (e) {
          throw new ReviewDeskError(
            'backup/write-failed',
            `无法写入“${destination}”（${(e as { code?: string }).code ?? '写入失败'}）。请换一个位置或检查 U 盘后重试。`,
          );
        }
        return { fileName: basename(destination), path: destination, mime, sealed };
      }
      return { fileName: exportName(name, sealed), mime, dataBase64: Buffer.from(bytes).toString('base64'), sealed };
    },
    'backups.importFile': async ({ dataBase64, passphrase }) => {
      const backups = service();
      let bytes: Uint8Array = Buffer.from(dataBase64, 'base64');
      if (isSealed(bytes)) {
        if (!passphrase) throw new ReviewDeskError('backup/passphrase-required', '这个备份文件设置了口令，请输入口令后再导入。');
        bytes = await unseal(bytes, passphrase);
      }
      // one backup at a time: createBackup picks a free name, which a concurrent one could take
      return backups.scheduler.exclusive(() => importBackupBytes(backups.folder, bytes, backups.fileOptions));
    },
    'recovery.dismiss': () => {
      if (ctx.recovery) {
        ctx.recovery = null;
        ctx.seed?.();
      }
      return { ok: true as const };
    },
  };
}
