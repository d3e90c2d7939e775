import { describe, expect, it } from 'vitest';
import { segmentBlock } from '../../renderer/features/reader/segments';
import { findAll } from '../../renderer/features/reader/find';
import { keyboardSelection } from '../../renderer/features/reader/selection';
import type { Block } from '../../electron/api/contract';

describe('highlight runs', () => {
  it('cuts a paragraph at every mark boundary and keeps overlaps on both marks', () => {
    const segs = segmentBlock(20, 4, [
      { id: 'a', start: 2, end: 10 },
      { id: 'b', start: 6, end: 14 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.annotations.join('+'), s.lead])).toEqual([
      [0, 2, '', true],
      [2, 4, 'a', true],
      [4, 6, 'a', false],
      [6, 10, 'a+b', false],
      [10, 14, 'b', false],
      [14, 20, '', false],
    ]);
  });

  it('covers the whole text exactly once even with out-of-range marks', () => {
    const segs = segmentBlock(10, 0, [{ id: 'x', start: -5, end: 50 }], [{ index: 0, start: 3, end: 5 }]);
    expect(segs[0].start).toBe(0);
    expect(segs.at(-1)!.end).toBe(10);
    for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
    expect(segs.every((s) => s.annotations.includes('x'))).toBe(true);
    expect(segs.find((s) => s.start === 3)!.findHit).toBe(0);
  });
});

const block = (text: string, sentenceEnds: number[]): Block => ({
  id: 'b',
  ord: 0,
  kind: 'paragraph',
  text,
  path: '',
  level: 4,
  part: null,
  section: null,
  headingEnd: 0,
  leadEnd: 0,
  sentenceEnds,
});

describe('find in report', () => {
  it('finds every occurrence in reading order', () => {
    const hits = findAll('就业', [block('稳就业，促就业。', [8]), { ...block('保就业', [3]), id: 'c' }]);
    expect(hits.map((h) => [h.blockId, h.start])).toEqual([
      ['b', 1],
      ['b', 5],
      ['c', 1],
    ]);
  });
});

describe('keyboard selection', () => {
  const b = block('着力扩大有效投资。持续开展项目攻坚年活动。', [9, 21]);
  it('Enter selects the first sentence, then the next one', () => {
    const first = keyboardSelection(b, null, 'Enter', false, false)!;
    expect(first).toEqual({ start: 0, end: 9 });
    expect(keyboardSelection(b, first, 'Enter', false, false)).toEqual({ start: 9, end: 21 });
  });
  it('Shift+arrows move the end by a character, Ctrl by a sentence, never past the text', () => {
    expect(keyboardSelection(b, { start: 0, end: 9 }, 'ArrowRight', true, false)).toEqual({ start: 0, end: 10 });
    expect(keyboardSelection(b, { start: 0, end: 9 }, 'ArrowRight', true, true)).toEqual({ start: 0, end: 21 });
    expect(keyboardSelection(b, { start: 0, end: 21 }, 'ArrowRight', true, false)).toEqual({ start: 0, end: 21 });
    expect(keyboardSelection(b, { start: 0, end: 1 }, 'ArrowLeft', true, false)).toEqual({ start: 0, end: 1 });
    expect(keyboardSelection(b, { start: 0, end: 9 }, 'ArrowDown', true, false)).toBeNull();
  });
});
