import { z } from 'zod';
import type { BackupCounts, BackupInfo } from '../../core/store/backup';
import { method } from './define';

export type { BackupCounts, BackupInfo };

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

/** A backup file name exactly as backups.list shows it; the handler also checks it is listed. */
const BackupName = z
  .string()
  .max(100)
  .regex(/^reviewdesk-\d{8}-\d{6}(-\d{1,3})?\.sqlite3$/, '备份名称格式不正确');

export const backupContract = {
  'backups.list': method<BackupInfo[]>()(z.strictObject({})),
  'backups.create': method<BackupInfo>()(z.strictObject({})),
  'backups.restore': method<RestoreResult>()(z.strictObject({ name: BackupName })),
  /** 以空白数据继续: leave the recovery state, keep the empty database. */
  'recovery.dismiss': method<{ ok: true }>()(z.strictObject({})),
};
