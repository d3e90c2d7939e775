/**
 * Checks a draft against the rules the receiving office applies (FORMATS.md): required fields,
 * the `关于……的建议/提案` title form, one matter per suggestion/proposal, proposal length, and
 * for amendments that the quoted original really is in the report.
 * Errors block export as a final form; warnings and infos are advice the user may ignore.
 */
import { DRAFT_KINDS, fieldLabel, type FieldSpec } from './kinds';
import type { AmendmentFields, Draft, DraftFields, DraftKind, OpinionFields, ProposalFields, SuggestionFields } from './types';

export interface ValidationIssue {
  /** Field key in `draft.fields` (e.g. 'title', 'original'), or 'targets'. */
  field: string;
  message: string;
  /** A ready replacement value the UI can offer as a one-click fix. */
  fix?: { field: string; value: string };
}

export interface ValidationResult {
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  /** Gentle hints (one matter per proposal, reason missing…). */
  infos: ValidationIssue[];
}

export interface ValidationContext {
  /** Text of a block of the draft's version, to check that a quoted original is really there. */
  blockText?: (blockId: string) => string | undefined;
}

/** About 800 characters is usual; the CPPCC guidance caps a proposal at 1,500. */
export const PROPOSAL_MAX_CHARS = 1500;
/** Below this a suggestion cannot state facts and a concrete opinion. */
export const SUGGESTION_MIN_CHARS = 50;

/** Characters as the reader counts them: code points, whitespace excluded. */
export function countChars(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

/** Width- and space-insensitive form for comparing quotes with report text (newspaper copies mix ,/，). */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

const TITLE_SUFFIX = { suggestion: '的建议', proposal: '的提案' } as const;

/**
 * The title rewritten into the `关于……的建议/提案` form, or null when there is nothing to keep.
 * Strips stray end punctuation and book-title marks, and swaps a wrong ending (的提案 on a suggestion).
 */
export function fixTitle(title: string, kind: 'suggestion' | 'proposal'): string | null {
  let core = title.trim().replace(/[。．.，,；;：:！!\s]+$/u, '');
  core = core.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
  core = core.replace(/^关于/u, '');
  core = core.replace(/(的)?(建议|提案|意见|议案)$/u, '').trim();
  if (!core) return null;
  return `关于${core}${TITLE_SUFFIX[kind]}`;
}

// Conjunctions that often join two matters in one title. Many single-matter titles use them
// too (加强生态保护和修复), hence only a hint.
const JOINERS = ['以及', '和', '及', '与', '并'];

function splitNames(list: string): string[] {
  return list
    .split(/[、，,；;\s]+/u)
    .map((n) => n.trim())
    .filter(Boolean);
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

class Collector {
  readonly result: ValidationResult = { errors: [], warnings: [], infos: [] };
  error(field: string, message: string, fix?: ValidationIssue['fix']) {
    this.result.errors.push(fix ? { field, message, fix } : { field, message });
  }
  warn(field: string, message: string) {
    this.result.warnings.push({ field, message });
  }
  info(field: string, message: string) {
    this.result.infos.push({ field, message });
  }
}

function checkRequired(kind: DraftKind, fields: Record<string, unknown>, out: Collector, skip: string[] = []) {
  for (const spec of DRAFT_KINDS[kind].fields as FieldSpec[]) {
    if (!spec.required || skip.includes(spec.key)) continue;
    const v = fields[spec.key];
    if (typeof v !== 'string' || !v.trim()) out.error(spec.key, `请填写${spec.label}`);
  }
}

function checkTitle(kind: 'suggestion' | 'proposal', title: string, out: Collector) {
  const t = title.trim();
  if (!t) return; // reported as a missing required field
  const suffix = TITLE_SUFFIX[kind];
  const label = fieldLabel(kind, 'title');
  if (!(t.startsWith('关于') && t.endsWith(suffix) && t.length > 2 + suffix.length)) {
    const fixed = fixTitle(t, kind);
    const message = `${label}应写成“关于……${suffix}”的形式` + (fixed ? `，如：${fixed}` : '');
    out.error('title', message, fixed ? { field: 'title', value: fixed } : undefined);
    return;
  }
  const core = t.slice(2, t.length - suffix.length);
  const joiner = JOINERS.find((j) => core.includes(j));
  if (joiner) {
    const rule = kind === 'suggestion' ? '一事一议' : '一事一案';
    out.info('title', `${label}中有“${joiner}”：如果涉及两件事，建议分开提出（${rule}）`);
  }
}

function checkAmendment(draft: Draft, f: AmendmentFields, ctx: ValidationContext, out: Collector) {
  if (!['modify', 'add', 'delete'].includes(f.op)) {
    out.error('op', '请选择修改方式：修改、增加或删去');
    return;
  }
  const original = f.original.trim();
  const proposed = f.proposed.trim();
  const located = draft.targets.some((t) => t.path?.trim());
  if (!original) {
    if (f.op === 'add' && !located) out.error('original', '请填写新增内容插入位置之前的原文，或在报告中选定要增加内容的段落');
    else if (f.op !== 'add') out.error('original', '请填写原文');
  }
  if (!proposed) {
    if (f.op === 'modify') out.error('proposed', '请填写修改后的文字；如要整句删去，请选择“删去”');
    if (f.op === 'add') out.error('proposed', '请填写要增加的内容');
  }
  if (f.op === 'modify' && original && proposed && normalizeForMatch(original) === normalizeForMatch(proposed)) {
    out.error('proposed', '修改后的文字与原文相同');
  }
  if (f.op === 'delete' && proposed && normalizeForMatch(proposed) !== normalizeForMatch(original)) {
    out.warn('proposed', '“删去”不需要填写修改后的文字，导出时将不包含该内容');
  }
  if (!f.reason.trim()) out.info('reason', '写明理由，便于起草组研究采纳');
  if (original && ctx.blockText) checkQuoteInReport(draft, original, ctx.blockText, out);
}

/** The quote must be in one of the passages the draft points at, and once only there, or the wording is ambiguous. */
function checkQuoteInReport(draft: Draft, original: string, blockText: (id: string) => string | undefined, out: Collector) {
  const texts = draft.targets.map((t) => blockText(t.blockId)).filter((t): t is string => typeof t === 'string');
  if (texts.length === 0) return; // nothing to compare against (no selection, or version not loaded)
  const needle = normalizeForMatch(original);
  const counts = texts.map((t) => occurrences(normalizeForMatch(t), needle));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) {
    out.warn('original', '原文与报告中所选段落的文字不一致，请核对引文');
  } else if (total > 1) {
    out.warn('original', `“${original}”在所选段落中出现${total}次，请多引几个字，使修改位置唯一`);
  }
}

function checkOpinion(f: OpinionFields, out: Collector) {
  checkRequired('opinion', f as unknown as Record<string, unknown>, out);
  if (f.date && !/^\d{4}-\d{2}-\d{2}$/.test(f.date.trim())) out.warn('date', '日期格式应为 YYYY-MM-DD');
}

function checkSuggestion(f: SuggestionFields, out: Collector) {
  checkRequired('suggestion', f as unknown as Record<string, unknown>, out);
  checkTitle('suggestion', f.title, out);
  const n = countChars(f.content);
  if (n > 0 && n < SUGGESTION_MIN_CHARS) {
    out.warn('content', `内容只有${n}字，代表建议应事实清楚、意见具体，请写明问题和具体建议`);
  }
  if (f.leadDeputy.trim() && splitNames(f.coDeputies).includes(f.leadDeputy.trim())) {
    out.warn('coDeputies', '领衔代表不必再列为附议代表');
  }
}

function checkProposal(f: ProposalFields, out: Collector) {
  checkRequired('proposal', f as unknown as Record<string, unknown>, out);
  checkTitle('proposal', f.title, out);
  const n = countChars(f.analysis) + countChars(f.suggestions);
  if (n > PROPOSAL_MAX_CHARS) {
    out.warn('suggestions', `情况分析和具体建议共${n}字，超过${PROPOSAL_MAX_CHARS}字，建议精简到800字左右`);
  }
  if (!f.contact.trim()) out.warn('contact', '请填写通讯方式，便于承办单位联系和答复');
  if (f.proposer.trim() && splitNames(f.coProposers).includes(f.proposer.trim())) {
    out.warn('coProposers', '提案人不必再列为联名提案人');
  }
}

export function validateDraft(draft: Draft, ctx: ValidationContext = {}): ValidationResult {
  const out = new Collector();
  const fields = draft.fields as DraftFields[DraftKind];
  switch (draft.kind) {
    case 'amendment':
      checkAmendment(draft, fields as AmendmentFields, ctx, out);
      break;
    case 'opinion':
      checkOpinion(fields as OpinionFields, out);
      break;
    case 'suggestion':
      checkSuggestion(fields as SuggestionFields, out);
      break;
    case 'proposal':
      checkProposal(fields as ProposalFields, out);
      break;
    default:
      out.error('kind', '未知的稿件类型');
  }
  return out.result;
}
