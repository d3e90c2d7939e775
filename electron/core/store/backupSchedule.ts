/**
 * When to back up: once at start, and `delayMs` after the last write (debounced, so a burst of
 * typing is one backup, not fifty). Runs never overlap: work is queued one after another, which
 * also lets a restore wait for an in-flight backup instead of closing the database under it.
 * Clock and timers are injected so tests drive time by hand.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** milliseconds clock; Date.now when absent */
  now?(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending backup must not keep the CLI or a test process alive.
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface BackupSchedulerOptions {
  /** makes one backup; rejects on failure */
  backup: () => Promise<unknown>;
  delayMs?: number;
  /** during non-stop writing, back up at least this often anyway (default 5 min) */
  maxWaitMs?: number;
  timers?: Timers;
  /** where failures of scheduled backups go (they have no caller to reject) */
  onError?: (e: unknown) => void;
}

export class BackupScheduler {
  private timer: unknown = null;
  /** when the first write not yet covered by a backup happened */
  private dirtySince: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  readonly delayMs: number;
  readonly maxWaitMs: number;
  private readonly timers: Timers;

  constructor(private readonly opts: BackupSchedulerOptions) {
    this.delayMs = opts.delayMs ?? 30_000;
    this.maxWaitMs = opts.maxWaitMs ?? 5 * 60_000;
    this.timers = opts.timers ?? realTimers;
  }

  /** A write happened: (re)start the countdown to the next backup. */
  notifyWrite(): void {
    if (this.disposed) return;
    const now = this.now();
    this.dirtySince ??= now;
    // debounce, but never past maxWait: an afternoon of non-stop typing still gets backups
    this.schedule(Math.max(0, Math.min(this.delayMs, this.dirtySince + this.maxWaitMs - now)));
  }

  private now(): number {
    return this.timers.now?.() ?? Date.now();
  }

  /** Backup in `ms` (replacing a pending countdown). */
  schedule(ms: number): void {
    if (this.disposed) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      // after dispose the database is closing under the backup: that failure is expected
      void this.backupNow().catch((e) => this.disposed || this.opts.onError?.(e));
    }, ms);
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  /**
   * Back up now (cancelling a pending one: this backup covers those writes); `backup` stands in
   * for the usual one when this backup is made differently (a manual one, labelled as such).
   */
  backupNow(backup: () => Promise<unknown> = this.opts.backup): Promise<unknown> {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    // writes from here on are covered only by the next backup
    return this.exclusive(() => {
      this.dirtySince = null;
      return backup();
    });
  }

  /** Runs `work` after any backup in progress, and holds the next one until it is done. */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for queued work; used before closing the database. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
