/**
 * 带过来 as the user waits for it: versions.carry sent to the real host over HTTP, marks read from
 * SQLite, re-anchored in the job worker, written back in one transaction with their history —
 * at 1k, 10k and 50k marks. Warm: the host has carried before (worker up). Cold: a fresh host
 * process for every carry, as the first carry after starting the app. Runs alternate direction
 * between the two versions. Issue #17's goal: 50k in under 3 s, the host answering meanwhile —
 * the last case times an app.info sent while a 50k carry runs.
 *
 * The marks are written straight into the data folder before the host starts (50k API calls
 * would take minutes of set-up and measure nothing the carry does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend } from '../../../electron/api/app';
import { dispatch } from '../../../electron/api/dispatch';
import { makeTarget } from '../../../electron/core/anchor/selectors';
import { seededRandom } from '../../helpers/anchor-revision';
import { startHost, type RunningHost } from '../../helpers/host';
import { revisedReportText } from '../../helpers/revised-report';
import type { BenchCase } from '../types';

interface Ctx {
  dir: string;
  host: RunningHost;
  at: string;
  other: string;
  /** a carry started by `before` (the responsiveness case), awaited before the next one */
  pending?: Promise<unknown>;
}

/** A data folder with the bundled report, `marks` annotations on it, and a revised version beside it. */
async function seed(marks: number): Promise<Omit<Ctx, 'host'>> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-bench-carry-'));
  const resources = join(import.meta.dirname, '../../../resources');
  const backend = startBackend({ dataDir: dir, resourcesDir: resources, platform: 'web', version: 'bench', backupAtStart: false, log: () => {} });
  try {
    const call = <T>(m: string, a: unknown) => dispatch(backend.handlers, m, a, () => {}) as Promise<T>;
    const v1 = (await call<{ startVersionId: string }>('app.info', {})).startVersionId;
    const store = backend.ctx.store;
    const blocks = store.reports.blocksOf(v1).filter((b) => b.text.length >= 20);
    const rng = seededRandom(11);
    store.db.transaction(() => {
      for (let i = 0; i < marks; i++) {
        const b = blocks[Math.floor(rng() * blocks.length)];
        const len = Math.min(b.text.length, 4 + Math.floor(rng() * 30));
        const start = Math.floor(rng() * (b.text.length - len + 1));
        store.annotations.create({ versionId: v1, color: 'yellow', targets: [makeTarget(b, start, start + len)] });
      }
    })();
    const { reportId } = store.reports.getVersionInfo(v1);
    const { versionId: v2 } = await call<{ versionId: string }>('reports.import', {
      fileName: 'rev.txt',
      dataBase64: Buffer.from(revisedReportText()).toString('base64'),
      reportId,
    });
    return { dir, at: v1, other: v2 };
  } finally {
    backend.close();
  }
}

const label = (marks: number) => `${marks / 1000}k`;

async function carry(c: Ctx): Promise<void> {
  await c.host.call('versions.carry', { fromVersionId: c.at, toVersionId: c.other });
  [c.at, c.other] = [c.other, c.at];
}

function carryCase(marks: number, opts: { cold?: boolean; iterations: number }): BenchCase<Ctx> {
  return {
    name: `carry ${label(marks)} marks through the host${opts.cold ? ', cold (fresh host each time)' : ''}`,
    target: marks >= 50_000 ? '< 3 s (#17)' : undefined,
    iterations: opts.iterations,
    setup: async () => {
      const seeded = await seed(marks);
      const host = await startHost({ dataDir: seeded.dir });
      return { ...seeded, host };
    },
    // untimed: a fresh host process (and so a fresh job worker) before each cold carry
    before: opts.cold
      ? async (c: Ctx) => {
          await c.host.stop();
          c.host = await startHost({ dataDir: c.dir });
        }
      : undefined,
    fn: carry,
    teardown: async (c: Ctx) => {
      await c.host.stop();
      rmSync(c.dir, { recursive: true, force: true });
    },
  };
}

/** The host answering while it carries: app.info sent 100 ms into a 50k carry, timed alone. */
const answersDuringCarry: BenchCase<Ctx> = {
  name: 'app.info answered while the host carries 50k marks',
  target: 'a few ms (#17: the host answers other calls meanwhile)',
  iterations: 3,
  setup: async () => {
    const seeded = await seed(50_000);
    return { ...seeded, host: await startHost({ dataDir: seeded.dir }) };
  },
  before: async (c: Ctx) => {
    await c.pending;
    c.pending = carry(c);
    await new Promise((r) => setTimeout(r, 100));
  },
  fn: (c: Ctx) => c.host.call('app.info', {}),
  teardown: async (c: Ctx) => {
    await c.pending;
    await c.host.stop();
    rmSync(c.dir, { recursive: true, force: true });
  },
};

export const cases: BenchCase[] = [
  carryCase(1000, { iterations: 6 }),
  carryCase(10_000, { iterations: 6 }),
  carryCase(50_000, { iterations: 3 }),
  carryCase(10_000, { cold: true, iterations: 3 }),
  carryCase(50_000, { cold: true, iterations: 3 }),
  answersDuringCarry,
] as BenchCase[];
