/**
 * One benchmark case. `npm run bench` runs every case exported from tests/bench/cases/*.ts.
 * `C` is the context `setup` returns and the other hooks receive.
 */
export interface BenchCase<C = unknown> {
  /** Shown in the table, e.g. "parse 1 MB report" */
  name: string;
  /** Name of the case this one is compared against (printed side by side), if any. */
  baseline?: string;
  /** What the issue asks for, e.g. "< 100 ms" — printed, never asserted. */
  target?: string;
  /** Runs once before timing; may return a context handed to fn. */
  setup?: () => C | Promise<C>;
  // Method syntax on purpose: a case declares the context its setup returns (`fn(ctx: Ctx)`),
  // and such a case still fits a plain `BenchCase[]` (methods compare their parameters bivariantly).
  /** Runs before every iteration, untimed (e.g. navigate to where the timed action starts). */
  before?(ctx: C): unknown;
  fn(ctx: C): unknown;
  teardown?(ctx: C): unknown;
  /** Minimum iterations (default 20). */
  iterations?: number;
}
