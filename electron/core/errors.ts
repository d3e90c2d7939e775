/**
 * A user-facing error: a stable code plus a Chinese message the UI shows as is.
 * Core throws it; the API carries it unchanged to the renderer (never a stack trace).
 */
export class ReviewDeskError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewDeskError';
  }
}

export function isReviewDeskError(e: unknown): e is ReviewDeskError {
  return e instanceof ReviewDeskError;
}
