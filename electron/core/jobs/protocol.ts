/** Messages between the runner (main side) and the job worker. Types only, plus the role tag. */
import type { JobName } from './jobs';
import type { ErrorCode } from '../common/errorCodes';

/** workerData.role of a job worker, so the entry never acts inside some other worker thread. */
export const WORKER_ROLE = 'reviewdesk-jobs';

export interface JobRequest {
  id: number;
  name: JobName;
  payload: unknown;
}

export type JobErrorData = { typed: true; code: ErrorCode; message: string } | { typed: false; name: string; message: string; stack?: string };

export type JobReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: JobErrorData };

/** Sent once by the worker when its modules are loaded: the job clock starts after it. */
export interface ReadyMessage {
  ready: true;
}
