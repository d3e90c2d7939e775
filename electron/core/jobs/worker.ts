/**
 * The job worker's entry (bundled as out/worker/jobs.cjs; from source it is loaded through a tsx
 * bootstrap, see ./runner.ts). Says `ready` once its modules are loaded, then answers one job at a
 * time (the runner sends the next only after the reply, so an awaited job still runs alone). A
 * thrown ReviewDeskError goes back as code + message, so the user reads the same Chinese
 * text as if the job had run on the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ReviewDeskError } from '../errors';
import { jobs } from './jobs';
import { WORKER_ROLE, type JobReply, type JobRequest } from './protocol';

/** Runs one job, awaiting it when it is asynchronous (reading a PDF), and wraps its outcome. */
async function reply(req: JobRequest): Promise<JobReply> {
  try {
    if (!Object.hasOwn(jobs, req.name)) throw new Error(`unknown job: ${String(req.name)}`);
    const run = jobs[req.name] as (p: unknown) => unknown;
    return { id: req.id, ok: true, result: await run(req.payload) };
  } catch (e) {
    if (e instanceof ReviewDeskError) return { id: req.id, ok: false, error: { typed: true, code: e.code, message: e.message } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { id: req.id, ok: false, error: { typed: false, name: err.name, message: err.message, stack: err.stack } };
  }
}

// Only as the runner's worker: a test runner's own worker thread that imports this file stays untouched.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  const port = parentPort;
  port.on('message', (req: JobRequest) => void reply(req).then((r) => port.postMessage(r)));
  port.postMessage({ ready: true });
}
