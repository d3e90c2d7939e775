/**
 * Backups as the running app uses them: a backup at start and after writes (debounced), the
 * backups list, and restore — which replaces the live database, so it lives here where the
 * AppContext's store can be swapped, not in core.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../core/store';
import {
  backupFolder,
  createBackup,
  installStagedDatabase,
  listBackupNames,
  listBackups,
  parseBackupName,
  pruneBackups,
  removeStalePartials,
  resolveBackup,
  stageRestore,
  userDataWeight,
  type BackupInfo,
  type BackupKind,
} from '../core/store/backup';
import { BackupScheduler, type Timers } from '../core/store/backupSchedule';
import { ReviewDeskError } from '../core/errors';
import type { RestoreResult } from './contract/backups';

export interface BackupServiceOptions {
  dataDir: string;
  liveFile: string;
  nativeBinding?: string;
  /** the open store, read at call time (a restore replaces it) */
  getStore: () => Store;
  /** install a newly opened store as the app's store */
  setStore: (store: Store) => void;
  /**
   * True while the app is in the recovery state (running on a stand-in for a lost or damaged
   * file): nothing is backed up then, so a stand-in never takes a good backup's place.
   */
  inRecovery?: () => boolean;
  delayMs?: number;
  timers?: Timers;
  now?: () => Date;
  log?: (e: unknown) => void;
}

export interface BackupService {
  readonly scheduler: BackupScheduler;
  readonly folder: string;
  /** how this process opens database files (the desktop app's Electron build of better-sqlite3) */
  readonly fileOptions: { nativeBinding?: string };
  list(): BackupInfo[];
  create(): Promise<BackupInfo>;
  restore(name: string): Promise<RestoreResult>;
  /**
   * Backup shortly after start (not during it: the first paint comes first, and a process that
   * exits at once leaves no half-made backup), skipped when nothing was written since the
   * newest backup. Returns whether one was scheduled.
   */
  atStart(lastWrite: number | null, delayMs?: number): boolean;
  close(): void;
}

export function createBackupService(opts: BackupServiceOptions): BackupService {
  const folder = backupFolder(opts.dataDir);
  const now = opts.now ?? (() => new Date());
  const fileOpts = { nativeBinding: opts.nativeBinding };
  const inRecovery = opts.inRecovery ?? (() => false);

  // Backup, then rotation — pruning only after the new one was verified (createBackup throws
  // before it gets its name otherwise). `protect` keeps a backup a restore is about to use.
  async function backupAndRotate(kind: BackupKind, protect: string[] = []): Promise<BackupInfo> {
    const at = now();
    removeStalePartials(folder, at);
    const info = await createBackup(opts.getStore().db, folder, { ...fileOpts, now: at, kind });
    pruneBackups(folder, at, [info.name, ...protect], fileOpts);
    return info;
  }

  const scheduler = new BackupScheduler({
    // a countdown started before the recovery state began (none does today) simply lapses
    backup: () => (inRecovery() ? Promise.resolve(null) : backupAndRotate('auto')),
    delayMs: opts.delayMs,
    timers: opts.timers,
    onError: opts.log,
  });

  function reopen(): void {
    opts.setStore(openStore(opts.liveFile, fileOpts));
  }

  return {
    scheduler,
    folder,
    fileOptions: fileOpts,
    list: () => listBackups(folder, fileOpts),
    create: () => {
      if (inRecovery()) {
        return Promise.reject(new ReviewDeskError('backup/in-recovery', '数据文件需要先恢复：请从备份恢复，或选择以空白数据继续，之后才能备份。'));
      }
      return scheduler.backupNow(() => backupAndRotate('manual')) as Promise<BackupInfo>;
    },

    restore: (name) =>
      scheduler.exclusive(async () => {
        const source = resolveBackup(folder, name);
        // 1. copy + verify while the app keeps running on the current data
        const staged = await stageRestore(source, opts.liveFile, { ...fileOpts, now: now() });
        // 2. the current state is backed up first, so a restore can itself be undone — except the
        //    empty stand-in of the recovery state: nothing to keep, and it must not rotate anything out
        const standIn = inRecovery() && userDataWeight(opts.getStore().db) === 0;
        const safety = standIn ? null : await backupAndRotate('safety', [name]);
        // 3. close, swap the file in atomically, reopen (migrations bring an older backup up to date)
        opts.getStore().close();
        installStagedDatabase(staged, opts.liveFile);
        try {
          reopen();
        } catch (e) {
          // The restored file would not open: put the state from step 2 back.
          opts.log?.(e);
          if (safety) {
            const back = await stageRestore(join(folder, safety.name), opts.liveFile, { ...fileOpts, now: now() });
            installStagedDatabase(back, opts.liveFile);
          } else {
            // an empty stand-in again; at the next start the empty file leads back to recovery
            for (const f of [opts.liveFile, `${opts.liveFile}-wal`, `${opts.liveFile}-shm`]) rmSync(f, { force: true });
          }
          reopen();
          throw new ReviewDeskError('backup/restore-failed', '恢复未完成：备份无法打开，已回到恢复前的数据。');
        }
        return { restored: name, safetyBackup: safety?.name ?? null };
      }),

    atStart: (lastWrite, delayMs = 3000) => {
      const newest = listBackupNames(folder)[0];
      const newestTime = newest ? parseBackupName(newest)!.time.getTime() : null;
      if (newestTime !== null && lastWrite !== null && lastWrite < newestTime) return false;
      scheduler.schedule(delayMs);
      return true;
    },

    close: () => scheduler.dispose(),
  };
}
