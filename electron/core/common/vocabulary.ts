/**
 * The app's closed vocabularies, each written once. The contract and the bundle format validate
 * with `z.enum(TUPLE)`, the types are derived from the tuples, and every label map in the UI is
 * `satisfies Record<Type, string>` — so a new value without a label is a type error, not a blank.
 *
 * This file is in `core/common`: pure data, no Node, no DOM; the renderer may import it.
 */

/** 修改意见 · 审议意见 · 代表建议 · 政协提案 */
export const DRAFT_KINDS = ['amendment', 'opinion', 'suggestion', 'proposal'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** 草稿 · 定稿 · 已提交 */
export const DRAFT_STATUSES = ['draft', 'final', 'submitted'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** 修改 · 增加 · 删去 */
export const AMENDMENT_OPS = ['modify', 'add', 'delete'] as const;
export type AmendmentOp = (typeof AMENDMENT_OPS)[number];

/** Who hands a form in: 人大代表 or 政协委员. */
/** When a 代表建议 is handed in; the handling systems file them apart. */
export const SUGGESTION_SESSIONS = ['会议期间', '闭会期间'] as const;

/** Who a 政协提案 comes from (FORMATS.md); 界别 and 小组 proposals are made during the session. */
export const PROPOSAL_SOURCES = ['个人', '联名', '界别', '小组', '组织'] as const;

export const ROLES = ['deputy', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Who the user is (署名 band): a role, or 工作人员 of a delegation's secretariat. */
export const IDENTITIES = [...ROLES, 'staff'] as const;
export type Identity = (typeof IDENTITIES)[number];

/** The formats a report is imported from (html: a web page saved from a browser). */
export const SOURCE_FORMATS = ['txt', 'md', 'docx', 'html', 'pdf'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
/**
 * File name endings per import format (lower case, no dot; the first is the one users are told
 * about). The importer's registry and the renderer's open dialog and file picker all read this.
 */
export const SOURCE_EXTENSIONS = {
  txt: ['txt', 'text'],
  md: ['md', 'markdown'],
  docx: ['docx'],
  html: ['html', 'htm', 'xhtml'],
  pdf: ['pdf'],
} as const satisfies Record<SourceFormat, readonly string[]>;

/** Highlight colours, in the order the selection toolbar offers them. */
export const COLORS = ['yellow', 'blue', 'orange', 'red', 'green', 'purple'] as const;
export type Color = (typeof COLORS)[number];

/** Where a carried mark stands in its version. */
export const ANCHOR_STATUSES = ['unchanged', 'moved', 'edited', 'orphaned'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** What one step of a mark's history did: a carry's status, or a hand re-attachment. */
export const ANCHOR_OUTCOMES = [...ANCHOR_STATUSES, 'reattached'] as const;
export type AnchorOutcome = (typeof ANCHOR_OUTCOMES)[number];

/** Proofreading severities, most serious first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What an export writes: one draft, a 汇总表 of one kind, the digest of marks, the marks, or the 承诺台账. */
export const EXPORT_WHATS = ['draft', 'amendments', 'opinions', 'suggestions', 'proposals', 'digest', 'annotations', 'ledger'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];

/** zip: each draft of a collection as its own .docx, named after its title; xlsx: a spreadsheet with typed number cells */
export const EXPORT_FORMATS = ['docx', 'markdown', 'csv', 'webAnnotation', 'zip', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** 承诺台账: what kind of figure an entry is, and whether it is promised, done or aimed at. */
export const LEDGER_TYPES = ['absolute', 'growth', 'share', 'ratio'] as const;
export const LEDGER_KINDS = ['target', 'result', 'goal'] as const;

/** A deputy's mark on a row of the 承诺台账. */
export const LEDGER_FLAGS = ['关注', '存疑'] as const;
export type LedgerFlag = (typeof LEDGER_FLAGS)[number];

/** A 承诺台账 entry's key: the extractor's id (a hash of block, offset and figure), stable across extractions. */
export const LEDGER_KEY = /^[0-9a-f]{16}$/;

/** What made a backup: 自动 · 手动 · 恢复前 · 导入. */
export const BACKUP_KINDS = ['auto', 'manual', 'safety', 'import'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The kinds of record a search hit points at. */
export const SEARCH_HIT_KINDS = ['block', 'note', 'draft'] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];

/** Marks that live in a version: annotations and drafts. */
export const MARK_KINDS = ['annotation', 'draft'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** Whether a draft's wording seems taken up in a revision (a hint, never a verdict). */
export const ADOPTION_VERDICTS = ['yes', 'partly', 'no', 'unknown'] as const;
export type AdoptionVerdict = (typeof ADOPTION_VERDICTS)[number];

/** Why an import stops to ask before it writes. */
export const IMPORT_QUESTIONS = ['different-report', 'same-text'] as const;
export type ImportQuestionKind = (typeof IMPORT_QUESTIONS)[number];

export function isOneOf<T extends string>(tuple: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (tuple as readonly string[]).includes(value);
}

/**
 * How an import repair is named (Repair.key): its kind and the source line, `join:19`. The API and
 * the bundle format accept only this shape.
 */
export const REPAIR_KEY = /^[a-z]+:\d+$/;
