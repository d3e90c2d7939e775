/**
 * Starting the app's back end, shared by Electron main and the web host: open the data folder's
 * database, import the bundled report on first start, build the handler table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../core/store';
import { importReportBytes } from '../core/report';
import { isReviewDeskError } from '../core/errors';
import { backupFolder, lastWriteTime, moveAsideDamaged, newestUsableBackup, writeCounter } from '../core/store/backup';
import type { Timers } from '../core/store/backupSchedule';
import { createHandlers } from './handlers';
import { createBackupService } from './backups';
import type { AppContext } from './context';
import type { Handlers } from './contract';
import type { RecoveryInfo } from './contract/backups';

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

function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Opens the live database. A damaged file is never silently replaced by an empty start: it is
 * moved aside (kept), the app runs on an empty database in a recovery state, and app.info tells
 * the renderer, which asks the user to restore the newest backup or continue with empty data.
 */
function openLive(file: string, dataDir: string, nativeBinding?: string): { store: Store; recovery: RecoveryInfo | null } {
  try {
    return { store: openStore(file, { nativeBinding }), recovery: null };
  } catch (e) {
    if (!isReviewDeskError(e) || e.code !== 'store/corrupt') throw e;
    const damagedFile = moveAsideDamaged(file);
    const store = openStore(file, { nativeBinding });
    const newest = newestUsableBackup(backupFolder(dataDir), { nativeBinding });
    const message =
      `数据文件已损坏，无法打开。损坏的文件没有删除，已移到 ${damagedFile}。` +
      (newest ? `可以从最近的备份（${localTime(newest.time)}）恢复。` : '没有找到可用的备份，只能以空白数据继续。');
    return { store, recovery: { damagedFile, message, newestBackup: newest && { name: newest.name, time: newest.time, counts: newest.counts } } };
  }
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
  store.reports.importVersion({ parsed: importReportBytes(bytes, BUNDLED_REPORT), sourceName: BUNDLED_REPORT, sourceBytes: bytes, label: '大会印发稿' });
  // Seed once only: a user who deletes the bundled report does not get it back on every start.
  store.settings.set('library.seeded', '1');
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
    seed: () => seedBundledReport(store, opts.resourcesDir),
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
