/**
 * The real back end in a fresh temporary data folder for each test, as the API tests use it:
 * the bundled report seeded into SQLite, every call through dispatch (argument validation and
 * error mapping included). Registers its own beforeEach/afterEach; call it at the top of a file,
 * before the file's own beforeEach hooks, which then see a started back end.
 */
import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, type Backend, type BackendOptions } from '../../electron/api/app';
import { dispatch, type ApiFailure } from '../../electron/api/dispatch';
import { dialogDestinations } from '../../electron/api/destinations';
import type { Method, Result } from '../../electron/api/contract';
import type { CallArgs } from './call';

export const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');

/** The argument may be left out where `{}` is a valid one (it is what is sent then). */
type ArgsOf<M extends Method> = CallArgs<M>;

type ExtraOptions = Partial<Omit<BackendOptions, 'dataDir'>>;

export interface BackendUnderTest {
  /** the data folder of the current test */
  readonly dir: string;
  readonly backend: Backend;
  /** A call typed by the contract: the arguments are checked against `Args<M>`, the answer is a `Result<M>`. */
  call<M extends Method>(method: M, ...args: ArgsOf<M>): Promise<Result<M>>;
  /** An untyped call (a hostile or unknown argument, or a method name the test builds): say what it answers. */
  call<T = unknown>(method: string, args?: unknown): Promise<T>;
  /** The failure a call must end in; throws if it succeeds. */
  failure(method: string, args: unknown): Promise<ApiFailure>;
  /** As the desktop app's save dialog does: the user chose these paths, so one export each may write there. */
  chosen(...paths: string[]): void;
  /** Closes the back end and starts it again on the same folder, as relaunching the app does; `whileClosed` runs in between. */
  restart(whileClosed?: () => void): Backend;
}

/**
 * `options` is called at every start, so a test can hand each start its own timers;
 * `prefix` names the temporary folder, to tell leftovers apart.
 */
export function useBackend(prefix: string, options: () => ExtraOptions = () => ({})): BackendUnderTest {
  let dir = '';
  let backend: Backend | undefined;
  const start = () => (backend = startBackend({ resourcesDir: RESOURCES, platform: 'web', version: 'test', ...options(), dataDir: dir }));
  const current = () => {
    if (!backend) throw new Error('useBackend: no back end outside a test');
    return backend;
  };
  const call: BackendUnderTest['call'] = (method: string, args: unknown = {}) => dispatch(current().handlers, method, args, () => {}) as Promise<never>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    start();
  });
  afterEach(() => {
    backend?.close();
    backend = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    get dir() {
      return dir;
    },
    get backend() {
      return current();
    },
    call,
    async failure(method, args) {
      try {
        await call(method, args);
      } catch (e) {
        return e as ApiFailure;
      }
      throw new Error('expected a failure');
    },
    chosen(...paths) {
      const ctx = current().ctx;
      ctx.destinations ??= dialogDestinations();
      for (const p of paths) ctx.destinations.grant(p);
    },
    restart(whileClosed) {
      current().close();
      whileClosed?.();
      return start();
    },
  };
}
