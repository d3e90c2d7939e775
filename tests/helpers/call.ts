/**
 * Calls typed by the contract: `call('reports.get', { versionId })` checks the arguments against
 * `Args<'reports.get'>` and answers a `Result<'reports.get'>`. Tests that send ill-typed values on
 * purpose (to see them refused) use the untyped paths instead (`failure`, `raw`).
 */
import type { Args, Method, Result } from '../../electron/api/contract';
import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/contract';

/** The argument may be left out where `{}` is a valid one (app.info, reports.list…). */
export type CallArgs<M extends Method> = Record<string, never> extends Args<M> ? [args?: Args<M>] : [args: Args<M>];
export type Call = <M extends Method>(method: M, ...args: CallArgs<M>) => Promise<Result<M>>;

/** A `Call` through dispatch (argument validation and error mapping included), as IPC and the host do. */
export function dispatchCall(handlers: () => Handlers, log: (e: unknown) => void = () => {}): Call {
  return <M extends Method>(method: M, ...[args]: CallArgs<M>) => dispatch(handlers(), method, args ?? {}, log) as Promise<Result<M>>;
}
