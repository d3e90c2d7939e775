/** Choice lists more than one kind's form offers. */
import { AMENDMENT_OPS, type AmendmentOp } from '../../common/vocabulary';
import type { FieldOption } from '../kindModule';

/** Subject areas used by NPC and CPPCC handling systems; the list is open (其他 / free text). */
export const CATEGORY_OPTIONS: readonly FieldOption[] = ['经济', '政治', '文化', '社会', '生态文明', '其他'].map((v) => ({
  value: v,
  label: v,
}));

/** 修改 · 增加 · 删去 */
export const AMENDMENT_OP_LABELS = { modify: '修改', add: '增加', delete: '删去' } as const satisfies Record<AmendmentOp, string>;

export const AMENDMENT_OP_OPTIONS: readonly FieldOption[] = AMENDMENT_OPS.map((op) => ({ value: op, label: AMENDMENT_OP_LABELS[op] }));
