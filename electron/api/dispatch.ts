/**
 * The single entry every transport goes through: look the method up, validate the argument
 * against its schema, run the handler, and turn any failure into an ApiError.
 */
import { z } from 'zod';
import { contract, type ApiError, type Handlers, type Method } from './contract';
import { isReviewDeskError } from '../core/errors';

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
  return Object.prototype.hasOwnProperty.call(contract, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

export async function dispatch(handlers: Handlers, name: string, raw: unknown, log: (e: unknown) => void = console.error): Promise<unknown> {
  if (!isMethod(name)) throw new ApiFailure({ code: 'unknown-method', message: `没有这个功能：${name.slice(0, 80)}` }, 404);
  const parsed = contract[name].args.safeParse(raw ?? {});
  if (!parsed.success) throw new ApiFailure({ code: 'invalid-argument', message: `参数无效：${describeIssues(parsed.error)}` }, 400);
  try {
    const handler = handlers[name] as (a: unknown) => unknown;
    return await handler(parsed.data);
  } catch (e) {
    if (isReviewDeskError(e)) throw new ApiFailure({ code: e.code, message: e.message }, 422);
    if (e instanceof ApiFailure) throw e;
    log(e);
    const full = /SQLITE_FULL|ENOSPC/.test(String((e as { code?: string }).code ?? e));
    throw new ApiFailure(
      full
        ? { code: 'disk-full', message: '磁盘空间不足，本次操作未保存。请清理磁盘后重试，之前保存的内容不受影响。' }
        : { code: 'internal', message: '操作未完成：程序内部出错。之前保存的内容不受影响。' },
      500,
    );
  }
}
