/** Choice lists more than one kind's form offers. */
import { AMENDMENT_OPS, PROPOSAL_SOURCES, SUGGESTION_SESSIONS, type AmendmentOp } from '../../common/vocabulary';
import type { FieldOption } from '../kindModule';

/** Subject areas used by NPC and CPPCC handling systems; the list is open (其他 / free text). */
export const CATEGORY_OPTIONS: readonly FieldOption[] = ['经济', '政治', '文化', '社会', '生态文明', '其他'].map((v) => ({
  value: v,
  label: v,
}));

/** 修改 · 增加 · 删去 */
export const AMENDMENT_OP_LABELS = { modify: '修改', add: '增加', delete: '删去' } as const satisfies Record<AmendmentOp, string>;

export const AMENDMENT_OP_OPTIONS: readonly FieldOption[] = AMENDMENT_OPS.map((op) => ({ value: op, label: AMENDMENT_OP_LABELS[op] }));

const valueOptions = (values: readonly string[]): readonly FieldOption[] => values.map((v) => ({ value: v, label: v }));

/** 会议期间 · 闭会期间 */
export const SUGGESTION_SESSION_OPTIONS = valueOptions(SUGGESTION_SESSIONS);

/** 个人 · 联名 · 界别 · 小组 · 组织 */
export const PROPOSAL_SOURCE_OPTIONS = valueOptions(PROPOSAL_SOURCES);
