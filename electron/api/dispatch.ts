/**
 * The single entry every transport goes through: look the method up, validate the argument
 * against its schema, run the handler, and turn any failure into an ApiError.
 */
import { z } from 'zod';
import { contract, type ApiError, type Handlers, type Method } from './contract';
import type { MethodSpec } from './contract/define';
import { isReviewDeskError } from '../core/errors';
import { describeFailure } from './failures';

// Validation messages in Chinese, like the rest of the UI.
z.config(z.locales.zhCN());

export class ApiFailure extends Error {
  constructor(
    public readonly error: ApiError,
    public readonly status: number,
  ) {
    super(error.message);
  }
}

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

export async function dispatch(handlers: Handlers, name: string, raw: unknown, log: (e: unknown) => void = console.error): Promise<unknown> {
  return dispatchIn(contract, handlers as Record<string, (a: unknown) => unknown>, name, raw, log);
}

/**
 * dispatch over any table of methods: the app's contract, or a test's fixture domain (the
 * "how to add an API method" check). Names are looked up as own properties only.
 */
export async function dispatchIn(
  table: Readonly<Record<string, MethodSpec>>,
  handlers: Readonly<Record<string, (a: unknown) => unknown>>,
  name: string,
  raw: unknown,
  log: (e: unknown) => void = console.error,
): Promise<unknown> {
  // the table is looked up as an own property (a name from outside must not find Object's own);
  // handlers are only read for a name the table has
  const handler = Object.hasOwn(table, name) ? handlers[name] : undefined;
  if (typeof handler !== 'function') throw new ApiFailure({ code: 'unknown-method', message: `没有这个功能：${name.slice(0, 80)}` }, 404);
  let parsed: ReturnType<MethodSpec['args']['safeParse']>;
  try {
    parsed = table[name].args.safeParse(raw ?? {});
  } catch (e) {
    // a pathological argument (e.g. nesting that exhausts the stack) is the caller's fault
    const failure = describeFailure(e);
    throw new ApiFailure(failure.status === 500 ? { code: 'invalid-argument', message: '参数无效：无法解析请求内容。' } : failure.error, 400);
  }
  if (!parsed.success) throw new ApiFailure({ code: 'invalid-argument', message: `参数无效：${describeIssues(parsed.error)}` }, 400);
  try {
    return await handler(parsed.data);
  } catch (e) {
    if (isReviewDeskError(e)) throw new ApiFailure({ code: e.code, message: e.message }, 422);
    if (e instanceof ApiFailure) throw e;
    const failure = describeFailure(e);
    // Expected situations (full disk, read-only folder, a record deleted meanwhile) are the
    // user's to act on; anything else is a bug and goes to the log with its stack.
    if (failure.unexpected) log(e);
    throw new ApiFailure(failure.error, failure.status);
  }
}
