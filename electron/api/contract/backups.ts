import { z } from 'zod';
import type { BackupCounts, BackupInfo, BackupKind } from '../../core/store/backup';
import { Base64, FilePath, method } from './define';
import { GivenPassphrase, NewPassphrase } from './bundles';

export type { BackupCounts, BackupInfo, BackupKind };

/** Set by app.info when the data file was damaged at start (the app runs on an empty one). */
export interface RecoveryInfo {
  /** where the damaged file was moved (kept, never deleted) */
  damagedFile: string;
  /** plain-words explanation for the prompt */
  message: string;
  /** newest backup that passes its integrity check, or null when there is none */
  newestBackup: Pick<BackupInfo, 'name' | 'time' | 'counts'> | null;
}

export interface RestoreResult {
  restored: string;
  /** the backup of the state just replaced (null when there was nothing worth keeping) */
  safetyBackup: string | null;
}

/** A backup carried off the machine; without a destination the bytes come back (the browser downloads them). */
export interface BackupExportResult {
  /** e.g. 审议台备份-20250305-142210.sqlite3 (.rdbackup when sealed: it is no longer an SQLite file) */
  fileName: string;
  mime: string;
  dataBase64?: string;
  path?: string;
  sealed: boolean;
}

/** Extensions of exported backups: a plain SQLite file, or a sealed one. */
export const BACKUP_FILE_EXTENSIONS = ['.sqlite3', '.rdbackup'] as const;

/** A backup file name exactly as backups.list shows it; the handler also checks it is listed. */
const BackupName = z
  .string()
  .max(100)
  .regex(/^reviewdesk-\d{8}-\d{6}(-\d{1,3})?\.sqlite3$/, '备份名称格式不正确');

export const backupContract = {
  'backups.list': method<BackupInfo[]>()(z.strictObject({})),
  'backups.create': method<BackupInfo>()(z.strictObject({})),
  'backups.restore': method<RestoreResult>()(z.strictObject({ name: BackupName })),
  /** A listed backup as a file to carry, sealed when a passphrase is given. */
  'backups.export': method<BackupExportResult>()(
    z.strictObject({
      name: BackupName,
      passphrase: NewPassphrase.optional(),
      destination: FilePath.refine(
        (p) => BACKUP_FILE_EXTENSIONS.some((ext) => p.toLowerCase().endsWith(ext)),
        '备份文件名应以 .sqlite3 或 .rdbackup 结尾',
      ).optional(),
    }),
  ),
  /**
   * An exported backup brought back: checked to be a ReviewDesk database and added to the
   * backups list under a new name (the live data is not touched; backups.restore does that).
   * Sealed without `passphrase` → `backup/passphrase-required`; wrong → `seal/wrong-passphrase`.
   */
  'backups.importFile': method<BackupInfo>()(
    z.strictObject({ fileName: z.string().min(1).max(255), dataBase64: Base64, passphrase: GivenPassphrase.optional() }),
  ),
  /** 以空白数据继续: leave the recovery state, keep the empty database. */
  'recovery.dismiss': method<{ ok: true }>()(z.strictObject({})),
};
