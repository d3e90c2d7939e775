/**
 * Pure helpers of the compare view: a row's diff cut into what each side shows, paragraph by
 * paragraph (a split or join diffs the concatenated text, but each paragraph is shown apart), and
 * which rows are on screen once unchanged stretches are folded. Tested without a DOM.
 */
import type { CompareRow, DiffOp } from '../../../electron/api/contract';

export type Side = 'old' | 'new' | 'inline';

export interface Piece {
  op: DiffOp['op'];
  text: string;
  /** for format pieces: what the other version has there */
  other?: string;
}

/** The text one side shows for an op, and how many characters of that side's text it covers. */
function pieceOf(o: DiffOp, side: Side): { piece: Piece; advance: number } | null {
  if (side === 'old') {
    if (o.op === 'insert') return null;
    const text = o.op === 'format' ? (o.oldText ?? '') : o.text;
    return { piece: { op: o.op, text, other: o.op === 'format' ? o.text : undefined }, advance: text.length };
  }
  if (o.op === 'delete') return side === 'inline' ? { piece: { op: 'delete', text: o.text }, advance: 0 } : null;
  return { piece: { op: o.op, text: o.text, other: o.op === 'format' ? (o.oldText ?? '') : undefined }, advance: o.text.length };
}

/**
 * The pieces a side shows, cut at the side's paragraph boundaries (`lengths`, one per paragraph).
 * Inline follows the new text's paragraphs; deletions stay in the paragraph they occur in.
 */
export function sidePieces(ops: readonly DiffOp[], side: Side, lengths: readonly number[]): Piece[][] {
  const paras: Piece[][] = lengths.map(() => []);
  if (paras.length === 0) paras.push([]);
  let para = 0;
  let used = 0; // characters of the current paragraph already placed
  for (const o of ops) {
    const p = pieceOf(o, side);
    if (!p) continue;
    if (p.advance === 0) {
      paras[para].push(p.piece);
      continue;
    }
    let rest = p.piece.text;
    while (rest.length > 0) {
      // Move to the next paragraph when this one is full (the last one takes any remainder).
      while (para < paras.length - 1 && used >= lengths[para]) {
        para++;
        used = 0;
      }
      const room = para < paras.length - 1 ? lengths[para] - used : rest.length;
      const take = rest.slice(0, room);
      paras[para].push({ ...p.piece, text: take });
      used += take.length;
      rest = rest.slice(take.length);
    }
  }
  return paras;
}

/** A row's paragraphs for one side: the diff when there is one, else the plain texts. */
export function rowParagraphs(row: CompareRow, side: Side): Piece[][] {
  const texts = side === 'old' ? row.oldTexts : side === 'new' ? row.newTexts : row.newTexts.length ? row.newTexts : row.oldTexts;
  if (row.ops.length === 0) return texts.map((text) => [{ op: 'equal', text }]);
  if (side === 'inline' && row.newTexts.length === 0) return sidePieces(row.ops, 'inline', [0]);
  return sidePieces(
    row.ops,
    side,
    texts.map((x) => x.length),
  );
}

export interface Filters {
  onlyMarked: boolean;
  showFormat: boolean;
  /** first row index of each folded run the user opened */
  expanded: ReadonlySet<number>;
  /** rows always shown, changed or not (those with an adoption hint) */
  pinned?: ReadonlySet<number>;
}

export type Item = { type: 'row'; index: number } | { type: 'fold'; start: number; count: number };

/** Whether a row is shown in full (not folded away). */
export function isShown(row: CompareRow, f: Pick<Filters, 'showFormat'>): boolean {
  return row.kind !== 'same' && (!row.formatOnly || f.showFormat);
}

/** Rows on screen in order, with unchanged stretches folded (a stretch of one is just shown). */
export function visibleItems(rows: readonly CompareRow[], f: Filters): Item[] {
  if (f.onlyMarked) {
    return rows.flatMap((r, index) => (r.marks.annotations + r.marks.drafts > 0 ? [{ type: 'row' as const, index }] : []));
  }
  const items: Item[] = [];
  let i = 0;
  while (i < rows.length) {
    if (isShown(rows[i], f) || f.pinned?.has(i)) {
      items.push({ type: 'row', index: i++ });
      continue;
    }
    const start = i;
    while (i < rows.length && !isShown(rows[i], f) && !f.pinned?.has(i)) i++;
    const count = i - start;
    if (count === 1 || f.expanded.has(start)) for (let k = start; k < i; k++) items.push({ type: 'row', index: k });
    else items.push({ type: 'fold', start, count });
  }
  return items;
}

/** The change numbers reachable with 上一处/下一处 among the visible rows, in order. */
export function navigable(rows: readonly CompareRow[], items: readonly Item[]): number[] {
  return items.flatMap((it) => (it.type === 'row' && rows[it.index].change !== null ? [rows[it.index].change!] : []));
}

/** The next (or previous) change after `current` (-1 = before the first). */
export function step(list: readonly number[], current: number, delta: 1 | -1): number | null {
  if (list.length === 0) return null;
  if (delta > 0) return list.find((c) => c > current) ?? null;
  return [...list].reverse().find((c) => c < current) ?? null;
}
