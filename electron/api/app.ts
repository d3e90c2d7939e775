/**
 * Starting the app's back end, shared by Electron main and the web host: open the data folder's
 * database, import the bundled report on first start, build the handler table.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../core/store';
import { importReportBytes } from '../core/report';
import { isReviewDeskError } from '../core/errors';
import {
  RECOVERY_PENDING,
  backupFolder,
  findLostWrites,
  isBlankDatabase,
  lastWriteTime,
  listBackupNames,
  moveAsideDamaged,
  newestUsableBackup,
  preserveWal,
  writeCounter,
} from '../core/store/backup';
import type { Timers } from '../core/store/backupSchedule';
import { createHandlers } from './handlers';
import { createBackupService } from './backups';
import type { AppContext } from './context';
import type { Handlers } from './contract';
import type { RecoveryInfo } from './contract/backups';
import { chineseDateTime } from '../core/common/localTime';

export const DATABASE_FILE = 'reviewdesk.sqlite3';
export const BUNDLED_REPORT = 'xianning-2024-gov-work-report.txt';

export interface BackendOptions {
  dataDir: string;
  /** folder holding reports/ (resources/ in the repo, process.resourcesPath when packaged) */
  resourcesDir: string;
  platform: AppContext['platform'];
  version: string;
  nativeBinding?: string;
  /** debounce after the last write before a backup (default 30 s); tests pass their own timers */
  backupDelayMs?: number;
  backupTimers?: Timers;
  /** delay of the backup at start (default 3 s); false: none (tests that count backups) */
  backupAtStart?: number | false;
  log?: (e: unknown) => void;
}

export interface Backend {
  ctx: AppContext;
  handlers: Handlers;
  close(): void;
}

/** What went wrong with the data file, as the recovery prompt says it, and where the file went. */
interface RecoveryCause {
  /** where the file was moved ('' when there was no file to keep) */
  damagedFile: string;
  /** the first sentences of the message; the offer of a backup is added to it */
  what: string;
}

function recoveryInfo(cause: RecoveryCause, dataDir: string, nativeBinding?: string): RecoveryInfo {
  const newest = newestUsableBackup(backupFolder(dataDir), { nativeBinding });
  const offer = newest ? `可以从最近的备份（${chineseDateTime(newest.time)}）恢复。` : '没有找到可用的备份，只能以空白数据继续。';
  return {
    damagedFile: cause.damagedFile,
    message: cause.what + offer,
    newestBackup: newest && { name: newest.name, time: newest.time, counts: newest.counts },
  };
}

const kept = (damagedFile: string) => `这个文件没有删除，已移到 ${damagedFile}。`;

/**
 * What a database that opened fine has lost, in the prompt's words; null when nothing was. A blank
 * file (SQLite makes an empty database of a file whose content is gone) while backups exist, or a
 * file with fewer writes than a backup made from it (a damaged or deleted -wal).
 */
function whatWasLost(store: Store, dataDir: string, nativeBinding?: string): string | null {
  const folder = backupFolder(dataDir);
  if (isBlankDatabase(store.db) && listBackupNames(folder).length > 0) {
    return '数据文件里什么也没有（内容已经丢失），但备份文件夹里有以前的备份。';
  }
  const lost = findLostWrites(store.db, folder, { nativeBinding });
  if (!lost) return null;
  const when = chineseDateTime(lost.backupTime);
  return `数据文件缺少已经保存过的修改：它比自己 ${when} 的备份还旧，多半是上次非正常关闭后写入日志（-wal 文件）损坏或丢失了。`;
}

function pendingCause(value: string): RecoveryCause {
  try {
    const cause = JSON.parse(value) as Partial<RecoveryCause>;
    if (typeof cause.damagedFile === 'string' && typeof cause.what === 'string') return { damagedFile: cause.damagedFile, what: cause.what };
  } catch {}
  return { damagedFile: '', what: '上次启动时数据文件出了问题，还没有选择如何处理。' };
}

/**
 * Opens the live database. Nothing that was saved is silently replaced by an empty start: a
 * damaged, zero-byte, blank or missing file, or one that lost writes its own backups hold, puts the
 * app in a recovery state — the file is moved aside (kept), the app runs on an empty stand-in
 * that records the pending question, and app.info tells the renderer, which asks the user to
 * restore the newest backup or continue with empty data. Only a true first start (no file, no
 * backups) starts empty without asking.
 */
function openLive(file: string, dataDir: string, nativeBinding?: string): { store: Store; recovery: RecoveryInfo | null } {
  const opts = { nativeBinding };
  const standIn = (cause: RecoveryCause) => {
    const store = openStore(file, opts);
    store.settings.set(RECOVERY_PENDING, JSON.stringify(cause));
    return { store, recovery: recoveryInfo(cause, dataDir, nativeBinding) };
  };

  if (!existsSync(file)) {
    const hasBackups = listBackupNames(backupFolder(dataDir)).length > 0;
    // a -wal or -shm without its database would be replayed onto the new file: keep them aside
    const leftovers = existsSync(`${file}-wal`) || existsSync(`${file}-shm`) ? moveAsideDamaged(file) : null;
    if (!hasBackups) return { store: openStore(file, opts), recovery: null };
    return standIn({
      damagedFile: '',
      what:
        `数据文件 ${file} 不见了（可能被删除、移走，或没有从别处拷回来），但备份文件夹里有以前的备份。` +
        (leftovers ? `留在原处的写入日志没有删除，已移到 ${leftovers}-wal。` : ''),
    });
  }
  if (statSync(file).size === 0) {
    const damagedFile = moveAsideDamaged(file);
    return standIn({ damagedFile, what: `数据文件是空的（0 字节），里面的内容已经丢失。${kept(damagedFile)}` });
  }

  const walCopy = preserveWal(file);
  let store: Store;
  try {
    store = openStore(file, opts);
  } catch (e) {
    if (!isReviewDeskError(e) || e.code !== 'store/corrupt') {
      if (walCopy) rmSync(walCopy, { force: true });
      throw e;
    }
    const damagedFile = moveAsideDamaged(file, new Date(), walCopy);
    return standIn({ damagedFile, what: `数据文件已损坏，无法打开。损坏的文件没有删除，已移到 ${damagedFile}。` });
  }
  let lost: string | null;
  let pending: string | null;
  try {
    pending = store.settings.get(RECOVERY_PENDING);
    lost = pending ? null : whatWasLost(store, dataDir, nativeBinding);
  } catch (e) {
    store.close();
    throw e;
  }
  if (!lost) {
    if (walCopy) rmSync(walCopy, { force: true });
    // the stand-in of an earlier start (the app was closed at the prompt): the same question again
    return { store, recovery: pending ? recoveryInfo(pendingCause(pending), dataDir, nativeBinding) : null };
  }
  store.close();
  const damagedFile = moveAsideDamaged(file, new Date(), walCopy);
  return standIn({ damagedFile, what: lost + kept(damagedFile) });
}

/**
 * Wraps every handler so a call that wrote to the database (SQLite's change counter moved)
 * schedules a backup. One seam for all methods, present and future: no list of write methods.
 */
function notifyingWrites(handlers: Handlers, ctx: AppContext, onWrite: () => void): Handlers {
  const wrapped: Record<string, (a: unknown) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (a: unknown) => unknown][]) {
    wrapped[name] = (args) => {
      const store = ctx.store;
      const before = writeCounter(store.db);
      const check = () => {
        // a restore swapped the store: its own backups cover it
        if (ctx.store === store && store.db.open && writeCounter(store.db) !== before) onWrite();
      };
      let result: unknown;
      try {
        result = handler(args);
      } catch (e) {
        check();
        throw e;
      }
      if (result instanceof Promise) return result.finally(check);
      check();
      return result;
    };
  }
  return wrapped as Handlers;
}

export function seedBundledReport(store: Store, resourcesDir: string): void {
  if (store.reports.count() > 0 || store.settings.get('library.seeded')) return;
  const file = join(resourcesDir, 'reports', BUNDLED_REPORT);
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  const parsed = importReportBytes(bytes, BUNDLED_REPORT);
  store.db.transaction(() => {
    const { versionId } = store.reports.importVersion({ parsed, sourceName: BUNDLED_REPORT, sourceBytes: bytes, label: '大会印发稿' });
    // Seed once only: a user who deletes the bundled report does not get it back on every start.
    // The value names the seeded version, which backups do not count as the user's own work.
    store.settings.set('library.seeded', versionId);
  })();
}

/** 以空白数据继续: the question is answered (recorded, so an empty library is not asked about again), then the usual seed. */
function continueWithEmptyData(store: Store, resourcesDir: string): void {
  store.settings.delete(RECOVERY_PENDING);
  store.settings.set('recovery.declinedAt', new Date().toISOString());
  seedBundledReport(store, resourcesDir);
}

export function startBackend(opts: BackendOptions): Backend {
  const liveFile = join(opts.dataDir, DATABASE_FILE);
  const log = opts.log ?? console.error;
  const lastWrite = lastWriteTime(liveFile);
  const opened = openLive(liveFile, opts.dataDir, opts.nativeBinding);
  let store = opened.store;
  // No seeding in recovery: the user chooses between a backup and empty data first.
  if (!opened.recovery) seedBundledReport(store, opts.resourcesDir);
  const backups = createBackupService({
    dataDir: opts.dataDir,
    liveFile,
    nativeBinding: opts.nativeBinding,
    getStore: () => store,
    setStore: (next) => (store = next),
    inRecovery: () => !!ctx.recovery,
    delayMs: opts.backupDelayMs,
    timers: opts.backupTimers,
    log,
  });
  const ctx: AppContext = {
    get store() {
      return store;
    },
    dataDir: opts.dataDir,
    platform: opts.platform,
    version: opts.version,
    backups,
    recovery: opened.recovery,
    seed: () => continueWithEmptyData(store, opts.resourcesDir),
  };
  // A backup of an empty recovery database would only push good backups out of rotation.
  if (!opened.recovery && opts.backupAtStart !== false) backups.atStart(lastWrite, opts.backupAtStart);
  const handlers = notifyingWrites(createHandlers(ctx), ctx, () => {
    if (!ctx.recovery) backups.scheduler.notifyWrite();
  });
  return {
    ctx,
    handlers,
    close: () => {
      backups.close();
      store.close();
    },
  };
}
