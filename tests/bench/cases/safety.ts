/**
 * Backups and exchange bundles on a realistic library: the bundled report with 2,000 annotations
 * and 200 drafts (a busy delegation's week). Online backup (with verification), bundle export,
 * and importing that bundle into a machine that already has the same content (the idempotent path).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../electron/core/store';
import { importReportBytes } from '../../../electron/core/report';
import { backupFolder, createBackup, pruneBackups } from '../../../electron/core/store/backup';
import { readBundle, writeBundle } from '../../../electron/core/bundle/format';
import type { BenchCase } from '../types';

interface Ctx {
  dir: string;
  store: Store;
  bundle: Uint8Array;
}

function setup(): Ctx {
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-safety-'));
  const store = openStore(join(dir, 'reviewdesk.sqlite3'));
  const bytes = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'xianning-2024-gov-work-report.txt'));
  const { versionId } = store.reports.importVersion({ parsed: importReportBytes(bytes, 'x.txt'), sourceName: 'x.txt', sourceBytes: bytes });
  const blocks = store.reports.blocksOf(versionId).filter((b) => b.text.length > 20);
  store.db.transaction(() => {
    for (let i = 0; i < 2000; i++) {
      const b = blocks[i % blocks.length];
      store.annotations.create({
        versionId,
        color: 'yellow',
        note: `第${i}条批注，关于这一段的具体意见`,
        tags: [`标签${i % 9}`],
        author: `代表${i % 12}`,
        targets: [{ blockId: b.id, start: 0, end: 10, exact: b.text.slice(0, 10), prefix: '', suffix: '' }],
      });
    }
    for (let i = 0; i < 200; i++) {
      const b = blocks[i % blocks.length];
      store.drafts.create({
        versionId,
        kind: 'amendment',
        author: `代表${i % 12}`,
        fields: { op: 'modify', original: b.text.slice(0, 8), proposed: '新的表述', reason: '理由' },
        targets: [{ blockId: b.id, start: 0, end: 8, exact: b.text.slice(0, 8), prefix: '', suffix: '' }],
      });
    }
  })();
  const bundle = writeBundle({ createdAt: new Date().toISOString(), appVersion: 'bench', author: '', reportId: null, ...store.bundles.collect() });
  return { dir, store, bundle };
}

function teardown(ctx: Ctx) {
  ctx.store.close();
  rmSync(ctx.dir, { recursive: true, force: true });
}

export const cases: BenchCase[] = [
  {
    name: 'safety: online backup + verify + rotate (2,000 marks)',
    target: '< 1 s (runs in the background 30 s after a write)',
    iterations: 10,
    setup,
    teardown,
    fn: async (ctx: Ctx) => {
      await createBackup(ctx.store.db, backupFolder(ctx.dir));
      pruneBackups(backupFolder(ctx.dir), new Date());
    },
  },
  {
    name: 'safety: export bundle (2,000 annotations, 200 drafts)',
    target: '< 1 s',
    iterations: 10,
    setup,
    teardown,
    fn: (ctx: Ctx) => writeBundle({ createdAt: new Date().toISOString(), appVersion: 'bench', author: '', reportId: null, ...ctx.store.bundles.collect() }),
  },
  {
    name: 'safety: validate + import the same bundle again (all unchanged)',
    target: '< 2 s',
    iterations: 10,
    setup,
    teardown,
    fn: (ctx: Ctx) => ctx.store.bundles.import(readBundle(ctx.bundle)),
  },
];
