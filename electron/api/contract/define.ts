import { z } from 'zod';
import { COLORS } from '../../core/common/vocabulary';

/**
 * A contract entry: a zod schema for the argument and the result type (type only).
 * `method<Result>()(schema)` keeps the result type without a runtime value.
 */
export interface MethodSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  args: A;
  result: R;
}

export function method<R>() {
  return <A extends z.ZodType>(args: A): MethodSpec<A, R> => ({ args, result: undefined as unknown as R });
}

// Shared argument pieces. Limits keep a hostile caller from making the app do unbounded work.
export const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export const Uuid = z.uuid();
export const ShortText = z.string().max(500);
export const LongText = z.string().max(100_000);
/** A file path from a save dialog: absolute, no NUL, no parent-directory segments. */
export const FilePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), '路径含有非法字符')
  .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p), '必须是绝对路径')
  .refine((p) => !p.split(/[\\/]/).includes('..'), '路径不能包含“..”');
/** File contents travel as base64 (JSON transport); 20 MB source limit → ~27 MB base64. */
export const Base64 = z
  .string()
  .max(28_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确');
export const Color = z.enum(COLORS);

/**
 * Where a mark goes: a position in a paragraph. The back end takes the quote and its context from
 * the text (resolveTargetsWith, the one target check); a quote or context sent along is accepted
 * for older clients and ignored.
 */
export const Target = z.strictObject({
  blockId: Id,
  start: z.number().int().min(0).max(1_000_000),
  end: z.number().int().min(0).max(1_000_000),
  exact: z.string().min(1).max(20_000).optional(),
  prefix: z.string().max(200).optional(),
  suffix: z.string().max(200).optional(),
});
