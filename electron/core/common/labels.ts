/**
 * Chinese names of vocabulary values that both the back end (exports, the CLI) and the UI print.
 * Written once here so a report printed by `cli check` and the 审校 panel say the same word.
 */
import type { DraftKind, LEDGER_KINDS, LEDGER_TYPES, Severity } from './vocabulary';

/** error 错误 · warning 警告 · info 提示 */
export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const satisfies Record<Severity, string>;

/** 修改意见 · 审议意见 · 代表建议 · 政协提案: the form names deputies and members know. */
export const DRAFT_KIND_LABELS = {
  amendment: '修改意见',
  opinion: '审议意见',
  suggestion: '代表建议',
  proposal: '政协提案',
} as const satisfies Record<DraftKind, string>;

/** 承诺台账 columns: 绝对量 · 增速 · 占比 · 比率, and 目标 · 上年完成 · 远期目标 (the export and the view say the same). */
export const LEDGER_TYPE_LABELS = { absolute: '绝对量', growth: '增速', share: '占比', ratio: '比率' } as const satisfies Record<
  (typeof LEDGER_TYPES)[number],
  string
>;
export const LEDGER_KIND_LABELS = { target: '目标', result: '上年完成', goal: '远期目标' } as const satisfies Record<(typeof LEDGER_KINDS)[number], string>;
