import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../electron/core/store';
import { importReportBytes } from '../../electron/core/report';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const BUNDLED = join(FIXTURES, 'xianning-2024-gov-work-report.txt');

/** A real SQLite file in a fresh temporary folder. */
export function tempStore(): { store: Store; dir: string; file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'reviewdesk-test-'));
  const file = join(dir, 'reviewdesk.sqlite3');
  const store = openStore(file);
  return {
    store,
    dir,
    file,
    cleanup() {
      try {
        store.close();
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function importBundled(store: Store, label = '征求意见稿') {
  const bytes = readFileSync(BUNDLED);
  return store.reports.importVersion({ parsed: importReportBytes(bytes, 'xianning.txt'), sourceName: 'xianning.txt', sourceBytes: bytes, label });
}
