import { describe, expect, it } from 'vitest';
import type { CompareRow, DiffOp } from '../../electron/api/contract';
import { navigable, rowParagraphs, sidePieces, step, visibleItems } from '../../renderer/features/compare/diffParts';

function row(p: Partial<CompareRow>): CompareRow {
  return {
    kind: 'same',
    moved: false,
    similarity: 1,
    oldIds: ['a'],
    newIds: ['a'],
    oldTexts: ['文字'],
    newTexts: ['文字'],
    oldPath: '',
    newPath: '',
    heading: false,
    ops: [],
    formatOnly: false,
    change: null,
    marks: { annotations: 0, drafts: 0 },
    ...p,
  };
}
const text = (pieces: { text: string }[][]) => pieces.map((p) => p.map((x) => x.text).join(''));

describe('sidePieces', () => {
  const ops: DiffOp[] = [
    { op: 'equal', text: '高新技术企业达6' },
    { op: 'delete', text: '2' },
    { op: 'insert', text: '5' },
    { op: 'equal', text: '0家' },
    { op: 'format', text: '，', oldText: ',' },
    { op: 'equal', text: '支持' },
  ];

  it('gives each side its own text: old has deletions and old punctuation, new has insertions', () => {
    expect(text(sidePieces(ops, 'old', [15]))).toEqual(['高新技术企业达620家,支持']);
    expect(text(sidePieces(ops, 'new', [15]))).toEqual(['高新技术企业达650家，支持']);
    expect(text(sidePieces(ops, 'inline', [15]))).toEqual(['高新技术企业达6250家，支持']);
    const fmt = sidePieces(ops, 'new', [15])[0].find((p) => p.op === 'format');
    expect(fmt).toEqual({ op: 'format', text: '，', other: ',' });
  });

  it('cuts a split paragraph at the new paragraph boundary, even inside an equal run', () => {
    const split: DiffOp[] = [{ op: 'equal', text: '第一句。第二句。' }];
    expect(text(sidePieces(split, 'new', [4, 4]))).toEqual(['第一句。', '第二句。']);
    expect(text(sidePieces(split, 'old', [8]))).toEqual(['第一句。第二句。']);
  });

  it('shows plain texts for an unchanged row and the whole text struck out for a deleted one', () => {
    expect(text(rowParagraphs(row({ oldTexts: ['甲', '乙'], newTexts: ['甲', '乙'] }), 'new'))).toEqual(['甲', '乙']);
    const deleted = row({ kind: 'deleted', newIds: [], newTexts: [], oldTexts: ['删去的段落'], ops: [{ op: 'delete', text: '删去的段落' }], change: 0 });
    expect(rowParagraphs(deleted, 'inline')).toEqual([[{ op: 'delete', text: '删去的段落' }]]);
    expect(text(rowParagraphs(deleted, 'new'))).toEqual(['']);
  });
});

describe('visibleItems and navigation', () => {
  const rows = [
    row({}),
    row({}),
    row({ kind: 'edited', change: 0, ops: [{ op: 'insert', text: 'x' }] }),
    row({}),
    row({ kind: 'format', formatOnly: true, ops: [{ op: 'format', text: '，', oldText: ',' }] }),
    row({}),
    row({}),
    row({}),
    row({ kind: 'deleted', change: 1, marks: { annotations: 2, drafts: 0 } }),
  ];

  it('folds unchanged stretches but shows a lone unchanged paragraph', () => {
    const items = visibleItems(rows, { onlyMarked: false, showFormat: true, expanded: new Set() });
    expect(items).toEqual([
      { type: 'fold', start: 0, count: 2 },
      { type: 'row', index: 2 },
      { type: 'row', index: 3 },
      { type: 'row', index: 4 },
      { type: 'fold', start: 5, count: 3 },
      { type: 'row', index: 8 },
    ]);
    // Hiding format-only rows folds them with their unchanged neighbours; opening a fold shows it.
    const hidden = visibleItems(rows, { onlyMarked: false, showFormat: false, expanded: new Set([3]) });
    expect(hidden.filter((i) => i.type === 'row').map((i) => (i as { index: number }).index)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // An unchanged row with an adoption hint is pinned.
    expect(visibleItems(rows, { onlyMarked: false, showFormat: true, expanded: new Set(), pinned: new Set([6]) })).toContainEqual({ type: 'row', index: 6 });
  });

  it('keeps only marked paragraphs when asked, and steps through visible changes', () => {
    const marked = visibleItems(rows, { onlyMarked: true, showFormat: true, expanded: new Set() });
    expect(marked).toEqual([{ type: 'row', index: 8 }]);
    expect(navigable(rows, marked)).toEqual([1]);
    const all = navigable(rows, visibleItems(rows, { onlyMarked: false, showFormat: true, expanded: new Set() }));
    expect(all).toEqual([0, 1]);
    expect(step(all, -1, 1)).toBe(0);
    expect(step(all, 0, 1)).toBe(1);
    expect(step(all, 1, 1)).toBeNull();
    expect(step(all, 1, -1)).toBe(0);
    expect(step([], -1, 1)).toBeNull();
  });
});
