/**
 * 修改意见: a concrete change to the report's words (修改、增加、删去), worded as the State
 * Council's own amendment list words it (FORMATS.md) and exported as rows of the 修改意见汇总表.
 */
import { DRAFT_KIND_LABELS } from '../../common/labels';
import { assertNever } from '../../common/assertNever';
import { isOneOf, AMENDMENT_OPS } from '../../common/vocabulary';
import type { DraftKindModule, IssueSink, TitledDraft } from '../kindModule';
import type { AmendmentFields, Draft } from '../types';
import type { AmendmentTableRow } from '../export/types';
import { normalizeForMatch, occurrences, quote, shortPath, shorten } from '../text';
import { AMENDMENT_OP_LABELS, AMENDMENT_OP_OPTIONS } from './shared';

export interface WordingOptions {
  /** Where the passage is, e.g. 第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段. Omit for the bare form. */
  path?: string;
}

/**
 * The amendment sentence, located as the State Council's list words it
 * (`在第X部分“小标题”中“段首语”一段，…`, see position.ts for the path):
 * - modify: `将“A”修改为“B”`            · located: `在{path}，将“A”修改为“B”`
 * - delete: `删去“A”`                     · located: `在{path}，删去“A”`
 * - add after a quote: `在“A”后增加“B”`  · located: `在{path}，“A”后增加“B”`
 * - add with no quote (appends to the passage): located `在{path}，增加“B”`; bare `增加“B”`
 */
export function amendmentWording(fields: Pick<AmendmentFields, 'op' | 'original' | 'proposed'>, opts: WordingOptions = {}): string {
  const path = opts.path?.trim() ?? '';
  const original = fields.original.trim();
  const proposed = fields.proposed.trim();
  switch (fields.op) {
    case 'modify': {
      const core = `将${quote(original)}修改为${quote(proposed)}`;
      return path ? `在${path}，${core}` : core;
    }
    case 'delete': {
      const core = `删去${quote(original)}`;
      return path ? `在${path}，${core}` : core;
    }
    case 'add': {
      if (!original) return path ? `在${path}，增加${quote(proposed)}` : `增加${quote(proposed)}`;
      return path ? `在${path}，${quote(original)}后增加${quote(proposed)}` : `在${quote(original)}后增加${quote(proposed)}`;
    }
    default:
      return assertNever(fields.op, 'amendment op');
  }
}

/** One row of the 修改意见汇总表. */
export function amendmentRow(d: Draft<'amendment'>, affiliation?: string): AmendmentTableRow {
  const f = d.fields;
  return {
    path: d.targets[0]?.path ?? '',
    op: f.op,
    original: f.original,
    proposed: f.op === 'delete' ? '' : f.proposed,
    reason: f.reason,
    author: d.author,
    affiliation,
  };
}

/** The quote must be in one of the passages the draft points at, and once only there, or the wording is ambiguous. */
function checkQuoteInReport(draft: Draft<'amendment'>, original: string, blockText: (id: string) => string | undefined, out: IssueSink) {
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

function title(draft: TitledDraft<'amendment'>): string {
  const path = draft.targets[0]?.path?.trim() ?? '';
  const f = draft.fields;
  const verb = AMENDMENT_OP_LABELS[f.op] ?? AMENDMENT_OP_LABELS.add;
  const subject = f.op === 'add' ? f.proposed || f.original : f.original;
  const what = subject.trim() ? `${verb}${quote(shorten(subject, 16))}` : DRAFT_KIND_LABELS.amendment;
  return path ? `${shortPath(path)}：${what}` : what;
}

export const amendmentKind: DraftKindModule<'amendment'> = {
  spec: {
    kind: 'amendment',
    name: DRAFT_KIND_LABELS.amendment,
    audience: 'both',
    description: '对报告文字提出的具体修改：修改、增加或删去',
    fields: [
      { key: 'op', label: '修改方式', required: true, multiline: false, options: AMENDMENT_OP_OPTIONS },
      {
        key: 'original',
        label: '原文',
        required: true,
        multiline: true,
        hint: '照录报告原文；“增加”时填写新内容插入位置之前的原文',
      },
      { key: 'proposed', label: '修改为', required: true, multiline: true, hint: '“删去”时不填' },
      { key: 'reason', label: '理由', required: false, multiline: true, hint: '简要说明修改理由，便于起草组采纳' },
    ],
  },
  menuRank: { deputy: 0, member: 1 },
  authorship: {},

  emptyFields(ctx) {
    const quoteText = ctx.selection?.quote.trim() ?? '';
    const op = ctx.op ?? 'modify';
    // 修改为 starts as the quote so the user edits the words in place, as on a marked-up copy.
    return { op, original: quoteText, proposed: op === 'modify' ? quoteText : '', reason: '' };
  },

  coerce(fields) {
    return isOneOf(AMENDMENT_OPS, fields.op) ? fields : { ...fields, op: 'modify' };
  },

  checkImported(fields) {
    return fields.op !== undefined && !isOneOf(AMENDMENT_OPS, fields.op) ? [{ field: 'op', message: '修改方式只能是修改、增加或删去' }] : [];
  },

  validate(draft, ctx, out) {
    const f = draft.fields;
    if (!isOneOf(AMENDMENT_OPS, f.op)) {
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
  },

  title,
  wording: (draft) => amendmentWording(draft.fields, { path: draft.targets[0]?.path }),

  hasContent(a) {
    const proposed = (a.proposed ?? '').trim();
    const changed =
      a.op === 'modify' ? proposed !== '' && normalizeForMatch(proposed) !== normalizeForMatch(a.original ?? '') : a.op === 'add' && proposed !== '';
    return changed || (a.reason ?? '').trim() !== '';
  },

  exportDraft(draft, ctx, render) {
    return render.amendmentTable({ reportTitle: ctx.reportTitle, versionLabel: ctx.versionLabel, rows: [amendmentRow(draft, ctx.affiliation)] });
  },
};
