/**
 * Issue 4's figures: the reader with 5,000 annotations in headless Chromium, search over the
 * report and 10,000 notes, and creating an annotation through the host API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { BenchCase } from '../types';
import { startHost, type RunningHost } from '../../helpers/host';
import { launch, chromiumAvailable } from '../../helpers/browser';
import { FIXTURES, importBundled } from '../../helpers/tempdb';
import { importReportBytes } from '../../../electron/core/report';
import { openStore, type Store } from '../../../electron/core/store';
import { DATABASE_FILE } from '../../../electron/api/app';
import type { Block } from '../../../electron/core/report/types';

/** Deterministic pseudo-random numbers so every run measures the same data. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

const COLORS = ['yellow', 'blue', 'orange', 'red', 'green', 'purple'];
const WORDS = ['就业', '养老', '数据待核实', '投资', '营商环境', '教育', '医疗', '乡村振兴', '生态', '财政'];

function seedAnnotations(store: Store, versionId: string, blocks: Block[], n: number, withNotes: boolean) {
  const r = rng(42);
  const body = blocks.filter((b) => b.text.length > 20);
  store.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const b = body[Math.floor(r() * body.length)];
      const start = Math.floor(r() * (b.text.length - 10));
      const end = Math.min(b.text.length, start + 2 + Math.floor(r() * 30));
      store.annotations.create({
        id: randomUUID(),
        versionId,
        color: COLORS[i % COLORS.length],
        note: withNotes ? `第${i}条：${WORDS[i % WORDS.length]}方面的意见，需要进一步核实和补充说明。` : '',
        targets: [
          {
            blockId: b.id,
            start,
            end,
            exact: b.text.slice(start, end),
            prefix: b.text.slice(Math.max(0, start - 32), start),
            suffix: b.text.slice(end, end + 32),
          },
        ],
      });
    }
  })();
}

interface ReaderCtx {
  host: RunningHost;
  browser: Browser;
  page: Page;
  dir: string;
  /** two reports with 5,000 annotations each; every iteration opens the other one */
  versions: [string, string];
  turn: number;
}

async function readerSetup(): Promise<ReaderCtx | null> {
  if (!chromiumAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-reader-'));
  const store = openStore(join(dir, DATABASE_FILE));
  const a = importBundled(store, '大会印发稿').versionId;
  const bytes = readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'));
  const b = store.reports.importVersion({ parsed: importReportBytes(bytes, 'sc.txt'), sourceName: 'sc.txt', sourceBytes: bytes }).versionId;
  store.settings.set('library.seeded', '1');
  store.settings.set('reader.lastVersionId', a);
  const n = Number(process.env.BENCH_READER_ANNOTATIONS ?? 5000); // 0: the same path without marks, for comparison
  seedAnnotations(store, a, store.reports.blocksOf(a), n, true);
  seedAnnotations(store, b, store.reports.blocksOf(b), n, true);
  store.close();
  const host = await startHost({ dataDir: dir });
  const browser = await launch();
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(host.url);
  await page.waitForSelector('body[data-reader-ready]');
  return { host, browser, page, dir, versions: [a, b], turn: 0 };
}

async function readerTeardown(ctx: ReaderCtx | null) {
  if (!ctx) return;
  await ctx.browser.close();
  await ctx.host.stop();
  rmSync(ctx.dir, { recursive: true, force: true });
}

/**
 * Opening a report in the running app (a click on 阅读 in the library) until every visible
 * paragraph is painted with its highlights. Each iteration opens the other report, so neither
 * the text nor the 5,000 marks come from a cache.
 */
const readerOpen: BenchCase = {
  name: 'reader ready: open report with 5,000 annotations (Chromium)',
  target: '< 500 ms',
  iterations: 15,
  setup: readerSetup,
  // untimed: go to the library (where a deputy picks the report)
  async before(ctx: ReaderCtx | null) {
    if (!ctx) return;
    await ctx.page.click('.topbar nav button:has-text("报告库")');
    await ctx.page.waitForSelector('.report-card');
  },
  async fn(ctx: ReaderCtx | null) {
    if (!ctx) return;
    const which = ++ctx.turn % 2; // report cards are listed in import order: versions[0], versions[1]
    const versionId = ctx.versions[which];
    await ctx.page.locator('.report-card').nth(which).locator('.versions button', { hasText: '阅读' }).click();
    await ctx.page.waitForSelector(`body[data-reader-ready="${versionId}"]${process.env.BENCH_READER_ANNOTATIONS === '0' ? '' : ' .hl'}`);
  },
  teardown: readerTeardown,
};

/** The whole app starting (page load, bundle, first API calls) until the reader is painted. */
const readerCold: BenchCase = {
  name: 'app start → reader ready, 5,000 annotations (page reload)',
  iterations: 15,
  setup: readerSetup,
  async fn(ctx: ReaderCtx | null) {
    if (!ctx) return;
    await ctx.page.reload();
    await ctx.page.waitForSelector('body[data-reader-ready] .hl');
  },
  teardown: readerTeardown,
};

interface SearchCtx {
  store: Store;
  dir: string;
  versionId: string;
  reportId: string;
}

function searchSetup(): SearchCtx {
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-search-'));
  const store = openStore(join(dir, DATABASE_FILE));
  const { versionId, reportId } = importBundled(store);
  seedAnnotations(store, versionId, store.reports.blocksOf(versionId), 10_000, true);
  return { store, dir, versionId, reportId };
}
const searchTeardown = (c: SearchCtx) => {
  c.store.close();
  rmSync(c.dir, { recursive: true, force: true });
};

const search3: BenchCase = {
  name: 'search report + 10,000 notes, 4 chars (FTS5)',
  target: '< 10 ms',
  iterations: 50,
  setup: searchSetup,
  fn: (c: SearchCtx) => c.store.search.query('营商环境', { versionId: c.versionId, reportId: c.reportId, limit: 200 }),
  teardown: searchTeardown,
};

const search2: BenchCase = {
  name: 'search report + 10,000 notes, 2 chars (LIKE)',
  target: '< 10 ms',
  iterations: 50,
  setup: searchSetup,
  fn: (c: SearchCtx) => c.store.search.query('养老', { versionId: c.versionId, reportId: c.reportId, limit: 200 }),
  teardown: searchTeardown,
};

interface CreateCtx {
  host: RunningHost;
  versionId: string;
  block: Block;
}

const createViaHost: BenchCase = {
  name: 'annotations.create through the host API',
  target: '< 5 ms',
  iterations: 200,
  async setup(): Promise<CreateCtx> {
    const host = await startHost();
    const versionId = (await host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const { blocks } = await host.call<{ blocks: Block[] }>('reports.get', { versionId });
    return { host, versionId, block: blocks.find((b) => b.text.length > 60)! };
  },
  fn: (c: CreateCtx) =>
    c.host.call('annotations.create', {
      versionId: c.versionId,
      color: 'yellow',
      note: '批注',
      targets: [{ blockId: c.block.id, start: 0, end: 10, exact: c.block.text.slice(0, 10), prefix: '', suffix: c.block.text.slice(10, 42) }],
    }),
  teardown: (c: CreateCtx) => c.host.stop(),
};

export const cases: BenchCase[] = [readerOpen, readerCold, search3, search2, createViaHost];
