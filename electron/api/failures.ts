/**
 * What the user reads when something below the domain fails: SQLite's and the system's error
 * codes turned into Chinese sentences that say what happened and that nothing saved was lost.
 * One table for both transports and for start-up, so a read-only data folder or a full disk
 * reads the same wherever it is met. Anything not listed is "internal" (stack to the log only).
 */
import type { ApiError } from './contract';
import { INTERNAL_ERROR } from '../core/common/errorCodes';

export interface Failure {
  error: ApiError;
  status: number;
  /** worth a line in the log (a bug or an unknown condition), not an expected user situation */
  unexpected: boolean;
}

const KEPT = '之前保存的内容不受影响。';

/** SQLite extended codes first (more specific), then their primary codes, then system codes. */
const BY_CODE = new Map<string, ApiError & { status: number }>([
  ['SQLITE_FULL', { code: 'disk-full', status: 507, message: `磁盘空间不足，本次操作未保存。请清理磁盘后重试，${KEPT}` }],
  ['ENOSPC', { code: 'disk-full', status: 507, message: `磁盘空间不足，本次操作未保存。请清理磁盘后重试，${KEPT}` }],
  ['EDQUOT', { code: 'disk-full', status: 507, message: `磁盘配额已用完，本次操作未保存。${KEPT}` }],
  ['SQLITE_READONLY', { code: 'data-readonly', status: 503, message: `数据文件夹是只读的（可能是权限不足或磁盘被设为只读），本次操作未保存。${KEPT}` }],
  ['SQLITE_CANTOPEN', { code: 'data-unavailable', status: 503, message: `无法打开数据文件：数据文件夹不存在、不可写或磁盘已移除。${KEPT}` }],
  ['EROFS', { code: 'data-readonly', status: 503, message: `磁盘是只读的，本次操作未保存。${KEPT}` }],
  ['EACCES', { code: 'data-readonly', status: 503, message: `没有写入数据文件夹的权限，本次操作未保存。${KEPT}` }],
  ['EPERM', { code: 'data-readonly', status: 503, message: `没有写入数据文件夹的权限，本次操作未保存。${KEPT}` }],
  ['SQLITE_BUSY', { code: 'data-busy', status: 503, message: `数据文件正被另一个审议台窗口使用，请稍后重试。${KEPT}` }],
  ['SQLITE_IOERR', { code: 'data-io', status: 503, message: `读写数据文件时出错（磁盘或 U 盘可能已断开）。${KEPT}` }],
  ['SQLITE_CORRUPT', { code: 'store/corrupt', status: 503, message: '数据文件已损坏。请重新启动审议台，按提示从备份恢复。' }],
  ['SQLITE_NOTADB', { code: 'store/corrupt', status: 503, message: '数据文件已损坏。请重新启动审议台，按提示从备份恢复。' }],
  [
    'SQLITE_CONSTRAINT_FOREIGNKEY',
    { code: 'conflict/missing-reference', status: 409, message: `操作未完成：它引用的报告、版本或段落已不存在（可能刚被删除）。${KEPT}` },
  ],
  ['SQLITE_CONSTRAINT_UNIQUE', { code: 'conflict/duplicate', status: 409, message: `操作未完成：同样的记录已经存在。${KEPT}` }],
  ['SQLITE_CONSTRAINT_PRIMARYKEY', { code: 'conflict/duplicate', status: 409, message: `操作未完成：同样的记录已经存在。${KEPT}` }],
  ['SQLITE_CONSTRAINT', { code: 'conflict/constraint', status: 409, message: `操作未完成：内容不符合数据规则。${KEPT}` }],
]);

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The table entry for an error, trying SQLITE_X_Y, then SQLITE_X. */
function lookup(code: string): (ApiError & { status: number }) | undefined {
  if (!code) return undefined;
  const exact = BY_CODE.get(code);
  if (exact) return exact;
  const primary = /^(SQLITE_[A-Z]+)_/.exec(code)?.[1];
  return primary ? BY_CODE.get(primary) : undefined;
}

/** A failure the user can act on, or the generic internal one. Never carries a stack or a path the user did not choose. */
export function describeFailure(e: unknown): Failure {
  const known = lookup(codeOf(e));
  if (known) {
    const { status, ...error } = known;
    return { error, status, unexpected: status === 503 && error.code !== 'data-readonly' && error.code !== 'data-busy' };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { error: { code: 'too-complex', message: `请求内容结构过于复杂，已拒绝处理。${KEPT}` }, status: 400, unexpected: false };
  }
  return { error: INTERNAL_ERROR, status: 500, unexpected: true };
}

/** One line for a console: the Chinese message and the code, never a stack. */
export function consoleLine(e: unknown): string {
  const f = describeFailure(e);
  const code = codeOf(e);
  return `审议台：${f.error.message}${code ? `（${code}）` : ''}`;
}
