/**
 * Main-side runner for the jobs in ./jobs.ts: each runs in a worker thread, so the Electron main
 * process or the web host keeps answering while a file is parsed or a report checked. One worker
 * is kept warm between jobs (OpenCC tables and parsers stay loaded); a second starts when a job
 * arrives while the first is busy. A job that exceeds its time limit, is cancelled, or whose
 * worker dies rejects with a JobError (a ReviewDeskError with a Chinese message) and that worker
 * is terminated and replaced by the next job that needs one.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { ReviewDeskError } from '../errors';
import type { ErrorCode } from '../common/errorCodes';
import type { JobName, JobPayload, JobResult } from './jobs';
import { DEFAULT_TIMEOUT_MS, JOB_WORDING, secondsText } from './messages';
import { WORKER_ROLE, type JobErrorData, type JobReply, type JobRequest } from './protocol';

export type JobFailure = 'timeout' | 'crashed' | 'cancelled';

/** Why a job did not finish, in the job's own domain: import/timeout, review/worker-crashed, … */
export class JobError extends ReviewDeskError {
  constructor(
    readonly job: JobName,
    readonly reason: JobFailure,
    limitMs = 0,
  ) {
    const w = JOB_WORDING[job];
    // a type error if ERROR_CODES misses one of `${JobDomain}/${timeout | worker-crashed | cancelled}`
    const code: ErrorCode = `${w.domain}/${reason === 'crashed' ? 'worker-crashed' : reason}`;
    super(code, reason === 'timeout' ? w.timeout(secondsText(limitMs)) : reason === 'crashed' ? w.crashed : w.cancelled);
  }
}

export interface RunOptions {
  /** this call's limit (default: the runner's for this job) */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** buffers in the payload to move to the worker instead of copying (the caller loses them) */
  transfer?: TransferListItem[];
}

export interface JobRunnerOptions {
  /** the worker entry: a built .cjs, or worker.ts from source (default: found by defaultWorkerFile) */
  workerFile?: string | URL;
  /** one limit for every job, or per job; unset jobs keep DEFAULT_TIMEOUT_MS */
  timeoutMs?: number | Partial<Record<JobName, number>>;
  /** workers running at once (default 2); more jobs wait their turn */
  maxWorkers?: number;
  /** idle workers kept loaded for the next job (default 1) */
  warmWorkers?: number;
  /** a worker that has not loaded within this is given up (default 30 s) */
  startupTimeoutMs?: number;
  resourceLimits?: ResourceLimits;
  /** where a worker's crash details go (the user sees only the Chinese message) */
  log?: (e: unknown) => void;
}

export interface JobRunner {
  run<N extends JobName>(name: N, payload: JobPayload<N>, opts?: RunOptions): Promise<JobResult<N>>;
  /** the time limit `run` applies to this job when the call gives none */
  timeoutOf(name: JobName): number;
  /** Terminates every worker; pending jobs reject as cancelled. */
  close(): Promise<void>;
}

/** This module's own file: the source path under tsx/vitest, the host or main bundle when built. */
function ownFile(): string {
  if (typeof __filename !== 'undefined') return __filename;
  return fileURLToPath(import.meta.url);
}

/**
 * The worker entry beside the running code. From source: ./worker.ts. Built: core is bundled into
 * out/host/index.cjs or out/main/index.cjs, and the entry is out/worker/jobs.cjs next to them. In a
 * packaged app an unpacked copy is preferred when present (older Electron could not start workers
 * from app.asar).
 */
export function defaultWorkerFile(): string {
  const self = ownFile();
  if (/\.[cm]?ts$/.test(self)) return join(dirname(self), 'worker.ts');
  const file = join(dirname(self), '..', 'worker', 'jobs.cjs');
  const unpacked = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== file && existsSync(unpacked) ? unpacked : file;
}

/**
 * Start a worker. A TypeScript entry (tests, tsx) needs a loader inside the worker — loader flags
 * of the parent do not reach worker threads — so a small CommonJS bootstrap registers tsx before
 * loading it. A built .cjs entry starts directly.
 */
function startWorker(path: string, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData: { role: WORKER_ROLE }, resourceLimits };
  if (!/\.[cm]?ts$/.test(path)) return new Worker(path, options);
  const tsx = createRequire(path).resolve('tsx/cjs/api');
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(path)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}

function errorFrom(data: JobErrorData): Error {
  if (data.typed) return new ReviewDeskError(data.code, data.message);
  // A bug, not a user's situation: a plain Error, which the API logs and reports generically.
  const e = new Error(data.message);
  e.name = data.name;
  if (data.stack) e.stack = data.stack;
  return e;
}

interface Pending {
  id: number;
  name: JobName;
  payload: unknown;
  limitMs: number;
  transfer?: TransferListItem[];
  signal?: AbortSignal;
  onAbort?: () => void;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Pending;
  timer?: ReturnType<typeof setTimeout>;
}

export function createJobRunner(opts: JobRunnerOptions = {}): JobRunner {
  const maxWorkers = Math.max(1, opts.maxWorkers ?? 2);
  const warmWorkers = Math.max(0, opts.warmWorkers ?? 1);
  const startupMs = opts.startupTimeoutMs ?? 30_000;
  const log = opts.log ?? (() => {});
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function timeoutOf(name: JobName): number {
    const t = opts.timeoutMs;
    const own = typeof t === 'number' ? t : t?.[name];
    return own !== undefined && own > 0 ? own : DEFAULT_TIMEOUT_MS[name];
  }

  function settle(job: Pending, fn: () => void): void {
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    fn();
  }

  /** Stop a worker and forget it. */
  function retire(slot: Slot): Pending | undefined {
    if (!slots.delete(slot)) return undefined;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    return job;
  }

  /** A worker that timed out, was cancelled or died: its job rejects, waiting jobs get a new worker. */
  function drop(slot: Slot, reason: JobFailure): void {
    const job = retire(slot);
    if (job) settle(job, () => job.reject(new JobError(job.name, reason, job.limitMs)));
    pump();
  }

  function spawn(): void {
    const path = opts.workerFile instanceof URL ? fileURLToPath(opts.workerFile) : (opts.workerFile ?? defaultWorkerFile());
    if (!existsSync(path)) {
      const missing = new ReviewDeskError('jobs/worker-missing', '找不到后台处理程序（worker/jobs.cjs），请重新安装审议台。');
      for (const job of queue.splice(0)) settle(job, () => job.reject(missing));
      return;
    }
    const slot: Slot = { worker: startWorker(path, opts.resourceLimits), ready: false };
    slots.add(slot);
    slot.timer = setTimeout(() => startFailed(slot, new Error(`job worker did not start within ${startupMs} ms`)), startupMs).unref();
    slot.worker.on('message', (msg: JobReply | { ready: true }) => {
      if ('ready' in msg) {
        clearTimeout(slot.timer);
        slot.ready = true;
        pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      settle(job, () => (msg.ok ? job.resolve(msg.result) : job.reject(errorFrom(msg.error))));
      pump();
    });
    slot.worker.on('error', (e) => {
      log(e);
      if (!slot.ready) startFailed(slot, e);
      else drop(slot, 'crashed');
    });
    slot.worker.on('exit', (code) => (slot.ready ? drop(slot, 'crashed') : startFailed(slot, new Error(`job worker exited while starting (code ${code})`))));
  }

  /**
   * A worker that never became ready: its entry is broken, so another would fail the same way.
   * Waiting jobs fail now instead of starting workers forever — unless a working one can serve them.
   */
  function startFailed(slot: Slot, e: unknown): void {
    if (!slots.has(slot)) return;
    log(e);
    slots.delete(slot);
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    if ([...slots].some((s) => s.ready)) return pump();
    for (const job of queue.splice(0)) settle(job, () => job.reject(new JobError(job.name, 'crashed')));
  }

  /** Hand waiting jobs to ready idle workers; start workers while there are fewer than needed. */
  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      // The clock starts once the worker has loaded: a cold start is not the job's time.
      slot.timer = setTimeout(() => drop(slot, 'timeout'), job.limitMs).unref();
      const req: JobRequest = { id: job.id, name: job.name, payload: job.payload };
      job.payload = undefined; // the worker has it now; do not keep a copy alive
      try {
        slot.worker.postMessage(req, job.transfer ?? []);
      } catch (e) {
        // a payload that cannot be cloned is a programming error: that job fails, the worker stays
        clearTimeout(slot.timer);
        slot.job = undefined;
        settle(job, () => job.reject(e));
      }
    }
    const starting = [...slots].filter((s) => !s.ready).length;
    for (let n = queue.length - starting; n > 0 && slots.size < maxWorkers; n--) spawn();
    // Idle workers beyond the warm ones are terminated; idle workers never hold the process open.
    const idle = [...slots].filter((s) => s.ready && !s.job);
    for (const slot of idle.slice(warmWorkers)) retire(slot);
    for (const slot of idle.slice(0, warmWorkers)) slot.worker.unref();
  }

  return {
    timeoutOf,
    run<N extends JobName>(name: N, payload: JobPayload<N>, run: RunOptions = {}): Promise<JobResult<N>> {
      if (closed) return Promise.reject(new JobError(name, 'cancelled'));
      if (run.signal?.aborted) return Promise.reject(new JobError(name, 'cancelled'));
      return new Promise<JobResult<N>>((resolve, reject) => {
        const job: Pending = {
          id: nextId++,
          name,
          payload,
          limitMs: run.timeoutMs ?? timeoutOf(name),
          transfer: run.transfer,
          signal: run.signal,
          resolve: resolve,
          reject,
        };
        if (run.signal) {
          job.onAbort = () => {
            const waiting = queue.indexOf(job);
            if (waiting >= 0) {
              queue.splice(waiting, 1);
              settle(job, () => reject(new JobError(name, 'cancelled')));
              return;
            }
            const slot = [...slots].find((s) => s.job === job);
            if (slot) drop(slot, 'cancelled');
          };
          run.signal.addEventListener('abort', job.onAbort, { once: true });
        }
        queue.push(job);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) settle(job, () => job.reject(new JobError(job.name, 'cancelled')));
      const all = [...slots];
      slots.clear();
      for (const slot of all) {
        clearTimeout(slot.timer);
        const job = slot.job;
        if (job) settle(job, () => job.reject(new JobError(job.name, 'cancelled')));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

/** REVIEWDESK_JOB_TIMEOUT_MS: one time limit for every job (tests use a small one). */
export function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const ms = Number(env.REVIEWDESK_JOB_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

let shared: JobRunner | undefined;

/** The process's runner (Electron main or the web host): one warm worker for the whole app. */
export function sharedJobRunner(): JobRunner {
  return (shared ??= createJobRunner({ timeoutMs: timeoutFromEnv(), log: (e) => console.error('[jobs]', e) }));
}

/** Run a job on the process's runner. */
export function runJob<N extends JobName>(name: N, payload: JobPayload<N>, opts?: RunOptions): Promise<JobResult<N>> {
  return sharedJobRunner().run(name, payload, opts);
}
