/**
 * The 承诺台账 view's model: filters by type, unit and mark, the unit menu's counts, and groups
 * by part and section titled with the report's own numbering and heading.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerRow, ReaderBlock } from '../../electron/api/contract';
import { filterLedger, groupLedger, NO_FILTERS, unitsOf } from '../../renderer/features/indicators/ledgerModel';

const block = (ord: number, kind: ReaderBlock['kind'], text: string, part: number | null, section: number | null, headingEnd = 0): ReaderBlock => ({
  id: `b${ord}`,
  ord,
  kind,
  text,
  path: '',
  position: '',
  level: 0,
  part,
  section,
  headingEnd,
  leadEnd: 0,
  sentenceEnds: [],
});
const blocks = [
  block(0, 'paragraph', '各位代表：过去一年新增10家。', null, null),
  block(1, 'part', '二、2024年工作安排', 2, null),
  block(2, 'section', '（一）着力扩大有效投资。全年新开工项目100个。', 2, 1, 11),
  block(3, 'paragraph', '投资增长8%。', 2, 1),
  block(12, 'section', '（十二）加强安全生产', 2, 12),
];
let n = 0;
const row = (b: ReaderBlock, unit: string, type: LedgerRow['type'], flag: LedgerRow['flag'] = null, note = ''): LedgerRow => ({
  id: (n++).toString(16).padStart(16, '0'),
  metric: '指标',
  value: '1',
  number: 1,
  unit,
  baseUnit: unit,
  amount: 1,
  qualifier: null,
  kind: 'target',
  type,
  year: 2024,
  blockId: b.id,
  path: '',
  start: 0,
  end: 1,
  text: '',
  part: b.part,
  section: b.section,
  ord: b.ord,
  flag,
  note,
});
const rows = [
  row(blocks[0], '家', 'absolute'),
  row(blocks[2], '个', 'absolute', '关注'),
  row(blocks[3], '%', 'growth', null, '口径？'),
  row(blocks[3], '%', 'share', '存疑'),
  row(blocks[4], '%', 'growth'),
];

describe('承诺台账 model', () => {
  it('filters by type, unit and mark, a note alone counting as marked', () => {
    expect(filterLedger(rows, NO_FILTERS)).toHaveLength(5);
    expect(filterLedger(rows, { ...NO_FILTERS, unit: '%' })).toHaveLength(3);
    expect(filterLedger(rows, { ...NO_FILTERS, unit: '%', type: 'growth' })).toEqual([rows[2], rows[4]]);
    expect(filterLedger(rows, { ...NO_FILTERS, flag: 'flagged' })).toEqual([rows[1], rows[2], rows[3]]);
    expect(filterLedger(rows, { ...NO_FILTERS, flag: '存疑' })).toEqual([rows[3]]);
  });

  it('offers units commonest first with their counts', () => {
    expect(unitsOf(rows)[0]).toEqual({ unit: '%', count: 3 });
    expect(unitsOf(rows)).toHaveLength(3);
  });

  it('groups by part and section with the report’s numbering and the heading alone', () => {
    const groups = groupLedger(rows, blocks);
    expect(groups.map((g) => [g.label, g.title, g.rows.length])).toEqual([
      [null, null, 1],
      ['第二部分（一）', '着力扩大有效投资', 3],
      ['第二部分（十二）', '加强安全生产', 1],
    ]);
  });
});
