/**
 * A user-facing error: a stable code plus a Chinese message the UI shows as is.
 * Core throws it; the API carries it unchanged to the renderer (never a stack trace).
 * Its code is one of ERROR_CODES (core/common/errorCodes.ts).
 */
import type { ErrorCode } from './common/errorCodes';

export class ReviewDeskError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewDeskError';
  }
}

export function isReviewDeskError(e: unknown): e is ReviewDeskError {
  return e instanceof ReviewDeskError;
}
