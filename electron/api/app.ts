/**
 * Starting the app's back end, shared by Electron main and the web host: open the data folder's
 * database, import the bundled report on first start, build the handler table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../core/store';
import { importReportBytes } from '../core/report';
import { createHandlers } from './handlers';
import type { AppContext } from './context';
import type { Handlers } from './contract';

export const DATABASE_FILE = 'reviewdesk.sqlite3';
export const BUNDLED_REPORT = 'xianning-2024-gov-work-report.txt';

export interface BackendOptions {
  dataDir: string;
  /** folder holding reports/ (resources/ in the repo, process.resourcesPath when packaged) */
  resourcesDir: string;
  platform: AppContext['platform'];
  version: string;
  nativeBinding?: string;
}

export interface Backend {
  ctx: AppContext;
  handlers: Handlers;
  close(): void;
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
  const store = openStore(join(opts.dataDir, DATABASE_FILE), { nativeBinding: opts.nativeBinding });
  seedBundledReport(store, opts.resourcesDir);
  const ctx: AppContext = { store, dataDir: opts.dataDir, platform: opts.platform, version: opts.version };
  return { ctx, handlers: createHandlers(ctx), close: () => store.close() };
}
