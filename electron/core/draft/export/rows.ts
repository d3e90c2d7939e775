/**
 * Drafts and annotations → exporter inputs. Kept apart from the exporters so the API layer
 * and the CLI build the same rows the same way.
 */
import type { Draft } from '../types';
import { ReviewDeskError } from '../../errors';
import type { SingleDraftRenderers } from '../kindModule';
import { findKindModule } from '../kinds/index';
import { amendmentRow } from '../kinds/amendment';
import { opinionItem } from '../kinds/opinion';
import { joinedQuote } from '../text';
import type { AmendmentTableRow, DigestInput, DigestSection, DraftExportContext, ExportAnnotation, OpinionItem, ProposalDoc, SuggestionDoc } from './types';

export { joinedQuote } from '../text';
export type { SingleDraftRenderers } from '../kindModule';

function isKind<K extends Draft['kind']>(kind: K) {
  return (d: Draft): d is Draft<K> => d.kind === kind;
}

/** Rows of the 修改意见汇总表 from amendment drafts (others are skipped), in the given order. */
export function amendmentRowsFromDrafts(drafts: Draft[], affiliation?: (d: Draft) => string | undefined): AmendmentTableRow[] {
  return drafts.filter(isKind('amendment')).map((d) => amendmentRow(d, affiliation?.(d)));
}

/** 审议意见 list items from opinion drafts (others are skipped). */
export function opinionItemsFromDrafts(drafts: Draft[]): OpinionItem[] {
  return drafts.filter(isKind('opinion')).map(opinionItem);
}

/** The passages a draft is linked to, as one cell: citation paths in reading order. */
function passagesCell(d: Draft): string {
  return [...new Set(d.targets.map((t) => t.path.trim()).filter(Boolean))].join('；');
}

/** 代表建议 forms from suggestion drafts (others are skipped), with their passages for the register. */
export function suggestionDocsFromDrafts(drafts: Draft[]): (SuggestionDoc & { passages: string })[] {
  return drafts.filter(isKind('suggestion')).map((d) => ({ ...d.fields, passages: passagesCell(d) }));
}

/** 政协提案 forms from proposal drafts (others are skipped), with their passages for the register. */
export function proposalDocsFromDrafts(drafts: Draft[]): (ProposalDoc & { passages: string })[] {
  return drafts.filter(isKind('proposal')).map((d) => ({ ...d.fields, passages: passagesCell(d) }));
}

/**
 * One draft exported on its own: proposals and suggestions as their forms, amendments and
 * opinions as one-entry lists (each kind's module says which). Shared by every format so a draft
 * maps to the same form and the same rows whichever format the user picks.
 */
export function renderSingleDraft<T>(draft: Draft, ctx: DraftExportContext, render: SingleDraftRenderers<T>): T {
  const mod = findKindModule(draft.kind);
  // kind comes from the database at run time; an unknown one is a user-visible failure, not a crash
  if (!mod) throw new ReviewDeskError('draft.unknownKind', `无法导出：未知的稿件类型“${String(draft.kind)}”`);
  return mod.exportDraft(draft, ctx, render);
}

/**
 * Groups annotations by the passage they start in. Sections follow reading order when
 * `blockOrder` is given (block id → ord), otherwise the order annotations arrive in;
 * within a section items follow their position in the text.
 */
export function digestFromAnnotations(args: {
  reportTitle: string;
  versionLabel: string;
  annotations: ExportAnnotation[];
  blockOrder?: (blockId: string) => number | undefined;
}): DigestInput {
  const ord = (a: ExportAnnotation) => {
    const t = a.targets[0];
    return t ? [args.blockOrder?.(t.blockId) ?? Number.MAX_SAFE_INTEGER, t.start] : [Number.MAX_SAFE_INTEGER, 0];
  };
  const indexed = args.annotations.map((a, i) => ({ a, i, o: ord(a) }));
  if (args.blockOrder) indexed.sort((x, y) => x.o[0] - y.o[0] || x.o[1] - y.o[1] || x.i - y.i);
  const sections = new Map<string, DigestSection>();
  for (const { a } of indexed) {
    const path = a.targets[0]?.path ?? '';
    let s = sections.get(path);
    if (!s) sections.set(path, (s = { path, items: [] }));
    s.items.push({
      quote: joinedQuote(a.targets),
      note: a.note,
      colorLabel: a.colorLabel,
      tags: a.tags,
      author: a.author,
      createdAt: a.createdAt,
    });
  }
  return {
    reportTitle: args.reportTitle,
    versionLabel: args.versionLabel,
    sections: [...sections.values()],
  };
}
