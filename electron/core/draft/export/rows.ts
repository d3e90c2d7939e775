/**
 * Drafts and annotations → exporter inputs. Kept apart from the exporters so the API layer
 * and the CLI build the same rows the same way.
 */
import type { AmendmentFields, Draft, OpinionFields } from '../types';
import type { AmendmentTableRow, DigestInput, DigestSection, ExportAnnotation, OpinionItem } from './types';

function isKind<K extends Draft['kind']>(kind: K) {
  return (d: Draft): d is Draft<K> => d.kind === kind;
}

/** A mark spanning several blocks is quoted as its pieces joined by an ellipsis. */
export function joinedQuote(targets: { exact: string }[]): string {
  return targets
    .map((t) => t.exact.trim())
    .filter(Boolean)
    .join('……');
}

/** Rows of the 修改意见汇总表 from amendment drafts (others are skipped), in the given order. */
export function amendmentRowsFromDrafts(drafts: Draft[], affiliation?: (d: Draft) => string | undefined): AmendmentTableRow[] {
  return drafts.filter(isKind('amendment')).map((d) => {
    const f = d.fields as AmendmentFields;
    return {
      path: d.targets[0]?.path ?? '',
      op: f.op,
      original: f.original,
      proposed: f.op === 'delete' ? '' : f.proposed,
      reason: f.reason,
      author: d.author,
      affiliation: affiliation?.(d),
    };
  });
}

/** 审议意见 list items from opinion drafts (others are skipped). */
export function opinionItemsFromDrafts(drafts: Draft[]): OpinionItem[] {
  return drafts.filter(isKind('opinion')).map((d) => {
    const f = d.fields as OpinionFields;
    const quote = joinedQuote(d.targets);
    return {
      path: d.targets[0]?.path ?? '',
      ...(quote ? { quote } : {}),
      content: f.content,
      author: d.author,
      delegation: f.delegation,
      date: f.date,
    };
  });
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
