/**
 * Re-anchoring off the UI thread: the `reanchor` job of core/jobs, run by the job runner's
 * worker. Only what re-anchoring reads is sent (ids, offsets, quotes, block texts).
 */
import { sharedJobRunner, type JobRunner } from '../jobs/runner';
import type { Alignment } from './align';
import type { AnchorBlock } from './prepared';
import type { ReanchorTarget } from './reanchor';
import type { ReanchorResult } from './types';

export interface ReanchorWorkerOptions {
  /** default: the process's shared runner */
  runner?: JobRunner;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Run `reanchor` in a worker thread; resolves with the same results as the synchronous call. */
export function reanchorInWorker(
  targets: readonly ReanchorTarget[],
  oldBlocks: readonly AnchorBlock[],
  newBlocks: readonly AnchorBlock[],
  alignment?: Alignment,
  opts: ReanchorWorkerOptions = {},
): Promise<ReanchorResult[]> {
  const runner = opts.runner ?? sharedJobRunner();
  return runner.run(
    'reanchor',
    {
      targets: targets.map((t) => ({ id: t.id, blockId: t.blockId, start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix })),
      oldBlocks: oldBlocks.map((b) => ({ id: b.id, text: b.text })),
      newBlocks: newBlocks.map((b) => ({ id: b.id, text: b.text })),
      alignment,
    },
    { timeoutMs: opts.timeoutMs, signal: opts.signal },
  );
}
