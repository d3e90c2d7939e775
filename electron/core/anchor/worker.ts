/**
 * Re-anchoring off the UI thread. This file is both the worker entry (it answers one job when
 * started with workerData.role === 'reanchor') and the main-side helper `reanchorInWorker`.
 * It imports only from core so it can be bundled on its own as a worker entry.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ReviewDeskError } from '../errors';
import type { Alignment } from './align';
import type { AnchorBlock } from './prepared';
import { reanchor, type ReanchorTarget } from './reanchor';
import type { ReanchorResult } from './types';

export interface ReanchorJob {
  targets: ReanchorTarget[];
  oldBlocks: AnchorBlock[];
  newBlocks: AnchorBlock[];
  alignment?: Alignment;
}

export type ReanchorReply = { ok: true; results: ReanchorResult[] } | { ok: false; code: string; message: string };

const ROLE = 'reanchor';

/** Run one job; never throws, so the reply always reaches the caller. */
export function runJob(job: ReanchorJob): ReanchorReply {
  try {
    return { ok: true, results: reanchor(job.targets, job.oldBlocks, job.newBlocks, job.alignment) };
  } catch (e) {
    const code = e instanceof ReviewDeskError ? e.code : 'anchor.failed';
    return { ok: false, code, message: e instanceof Error ? e.message : String(e) };
  }
}

if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort;
  port.on('message', (job: ReanchorJob) => port.postMessage(runJob(job)));
}

/** This module's own file: right when running from source (tsx, vitest); bundles pass `workerFile`. */
function ownFile(): string {
  if (typeof __filename !== 'undefined') return __filename;
  return fileURLToPath(import.meta.url);
}

export interface WorkerOptions {
  /** Built worker entry (bundled app); default this source file. */
  workerFile?: string | URL;
}

/**
 * Start the worker. A TypeScript source (tests, tsx) needs a loader inside the worker — loader
 * flags inherited from the parent do not reach worker threads — so a small CommonJS bootstrap
 * registers tsx before loading the file. A built .js/.cjs entry starts directly.
 */
function startWorker(path: string): Worker {
  if (!/\.[cm]?ts$/.test(path)) return new Worker(path, { workerData: { role: ROLE } });
  const tsx = createRequire(path).resolve('tsx/cjs/api');
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(path)});`;
  return new Worker(bootstrap, { eval: true, workerData: { role: ROLE } });
}

/** Run `reanchor` in a worker thread; resolves with the same results as the synchronous call. */
export function reanchorInWorker(
  targets: readonly ReanchorTarget[],
  oldBlocks: readonly AnchorBlock[],
  newBlocks: readonly AnchorBlock[],
  alignment?: Alignment,
  opts: WorkerOptions = {},
): Promise<ReanchorResult[]> {
  const file = opts.workerFile ?? ownFile();
  const path = file instanceof URL ? fileURLToPath(file) : file;
  const worker = startWorker(path);
  const job: ReanchorJob = {
    targets: targets.map((t) => ({ id: t.id, blockId: t.blockId, start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix })),
    oldBlocks: oldBlocks.map((b) => ({ id: b.id, text: b.text })),
    newBlocks: newBlocks.map((b) => ({ id: b.id, text: b.text })),
    alignment,
  };
  return new Promise<ReanchorResult[]>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.once('message', (reply: ReanchorReply) =>
      finish(() => (reply.ok ? resolve(reply.results) : reject(new ReviewDeskError(reply.code, `重新定位批注失败：${reply.message}`)))),
    );
    worker.once('error', (e) => finish(() => reject(new ReviewDeskError('anchor.worker-failed', `后台重新定位批注失败：${e.message}`))));
    worker.once('exit', (code) => finish(() => reject(new ReviewDeskError('anchor.worker-failed', `后台重新定位批注意外中止（退出码 ${code}）`))));
    worker.postMessage(job);
  });
}
