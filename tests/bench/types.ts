/** One benchmark case. `npm run bench` runs every case exported from tests/bench/cases/*.ts. */
export interface BenchCase {
  /** Shown in the table, e.g. "parse 1 MB report" */
  name: string;
  /** Name of the case this one is compared against (printed side by side), if any. */
  baseline?: string;
  /** What the issue asks for, e.g. "< 100 ms" — printed, never asserted. */
  target?: string;
  /** Runs once before timing; may return a context handed to fn. */
  setup?: () => unknown | Promise<unknown>;
  /** Runs before every iteration, untimed (e.g. navigate to where the timed action starts). */
  before?: (ctx: any) => unknown | Promise<unknown>;
  fn: (ctx: any) => unknown | Promise<unknown>;
  teardown?: (ctx: any) => unknown | Promise<unknown>;
  /** Minimum iterations (default 20). */
  iterations?: number;
}
