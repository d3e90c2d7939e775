import { describe, expect, it } from 'vitest';
import { buildPrintModel, DEFAULT_PRINT_OPTIONS } from '../../renderer/features/print/printModel';
import type { AnnotationListItem, ReaderBlock } from '../../electron/api/contract';
import type { Color } from '../../electron/core/common/vocabulary';

function block(ord: number, kind: ReaderBlock['kind'], text: string, extra: Partial<ReaderBlock> = {}): ReaderBlock {
  return {
    id: `b${ord}`,
    ord,
    kind,
    text,
    path: `第${ord}段`,
    position: `第一部分中第${ord}段`,
    level: 4,
    part: 1,
    section: null,
    headingEnd: 0,
    leadEnd: 0,
    sentenceEnds: [text.length],
    ...extra,
  };
}

const blocks = [
  block(0, 'title', '政府工作报告'),
  block(1, 'part', '一、2023年工作回顾'),
  block(2, 'paragraph', '甲乙丙丁戊己庚辛壬癸子丑寅卯'),
  block(3, 'section', '（一）稳增长。坚持稳中求进。', { headingEnd: 7 }),
  block(4, 'paragraph', '一二三四五六七八九十'),
  block(5, 'part', '二、2024年工作安排', { part: 2 }),
  block(6, 'section', '（一）强信心', { part: 2, section: 1 }),
  block(7, 'paragraph', '天地玄黄宇宙洪荒', { part: 2, section: 1 }),
];

let n = 0;
function mark(color: Color, targets: [string, number, number][], note = '', extra: Partial<AnnotationListItem> = {}): AnnotationListItem {
  const id = `m${++n}`;
  return {
    id,
    reportId: 'r',
    versionId: 'v',
    color,
    note,
    author: '王晓明',
    tags: [],
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
    anchorStatus: 'unchanged',
    anchorScore: 1,
    targets: targets.map(([blockId, start, end]) => ({
      blockId,
      start,
      end,
      exact: blocks.find((b) => b.id === blockId)?.text.slice(start, end) ?? '旧版本的原文',
    })),
    ...extra,
  };
}

describe('the printed report', () => {
  it('numbers notes in reading order, whatever order the list came in, and puts each number where its mark ends', () => {
    const late = mark('red', [['b7', 0, 4]], '后面的批注');
    const across = mark(
      'blue',
      [
        ['b4', 8, 10],
        ['b2', 12, 14],
      ],
      '跨段的批注',
    );
    const plain = mark('yellow', [['b2', 0, 2]]);
    const model = buildPrintModel(blocks, [late, across, plain], DEFAULT_PRINT_OPTIONS);
    expect(model.notes.map((x) => [x.number, x.note, x.quote, x.citation])).toEqual([
      [1, '跨段的批注', '寅卯九十', '第一部分中第2段'],
      [2, '后面的批注', '天地玄黄', '第一部分中第7段'],
    ]);
    const refs = (id: string) =>
      model.blocks
        .find((b) => b.block.id === id)!
        .runs.filter((r) => r.noteNumbers.length)
        .map((r) => [r.end, r.noteNumbers]);
    expect(refs('b4')).toEqual([[10, [1]]]);
    expect(refs('b2')).toEqual([]);
    expect(refs('b7')).toEqual([[4, [2]]]);
    expect(model.markCount).toBe(3);
    expect(model.colorCounts).toEqual([
      { color: 'yellow', count: 1 },
      { color: 'blue', count: 1 },
      { color: 'red', count: 1 },
    ]);
  });

  it('paints overlapping marks as stripes in the reader’s order and merges runs that look the same', () => {
    const model = buildPrintModel(blocks, [mark('yellow', [['b2', 2, 8]]), mark('red', [['b2', 5, 10]])], DEFAULT_PRINT_OPTIONS);
    expect(model.blocks.find((b) => b.block.id === 'b2')!.runs.map((r) => [r.start, r.end, r.colors.join('+')])).toEqual([
      [0, 2, ''],
      [2, 5, 'yellow'],
      [5, 8, 'red+yellow'],
      [8, 10, 'red'],
      [10, 14, ''],
    ]);
    // a section's inline heading stays bold on paper
    expect(model.blocks.find((b) => b.block.id === 'b3')!.runs.map((r) => [r.start, r.end, r.lead])).toEqual([
      [0, 7, true],
      [7, 14, false],
    ]);
  });

  it('仅含标注的段落 keeps the marked paragraphs with the title and the headings above them, each saying where it is', () => {
    const model = buildPrintModel(blocks, [mark('green', [['b7', 0, 2]]), mark('green', [['b3', 9, 12]])], { ...DEFAULT_PRINT_OPTIONS, scope: 'marked' });
    expect(model.blocks.map((b) => [b.block.id, b.showPath])).toEqual([
      ['b0', false],
      ['b1', false],
      ['b3', true],
      ['b5', false],
      ['b6', false],
      ['b7', true],
    ]);
  });

  it('leaves out orphans (they have no place in this text) and, without end notes, every number', () => {
    const orphan = mark('purple', [['gone', 0, 3]], '原文已删', { anchorStatus: 'orphaned' });
    const kept = mark('blue', [['b4', 0, 2]], '保留');
    const model = buildPrintModel(blocks, [orphan, kept], { ...DEFAULT_PRINT_OPTIONS, endNotes: false });
    expect(model.markCount).toBe(1);
    expect(model.notes).toEqual([]);
    expect(model.blocks.flatMap((b) => b.runs).every((r) => r.noteNumbers.length === 0)).toBe(true);
  });
});
