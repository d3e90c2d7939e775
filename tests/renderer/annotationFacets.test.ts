/**
 * The 批注 panel's part and member filters: which marks they keep, and the counts beside each
 * choice (given the other filters, so a count never promises cards another filter hides).
 */
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationListItem, ReaderBlock } from '../../electron/api/contract';

vi.mock('../../renderer/api/client', () => ({ api: {}, apiOnUnload: {}, isDesktop: false, errorMessage: (e: unknown) => String(e) }));
const { filterAnnotations } = await import('../../renderer/store/annotations');
const { authorOptions, sectionOptions } = await import('../../renderer/features/annotations/facets');

const block = (ord: number, kind: ReaderBlock['kind'], text: string, part: number | null): ReaderBlock => ({
  id: `b${ord}`,
  ord,
  kind,
  text,
  path: '',
  position: '',
  level: 0,
  part,
  section: null,
  headingEnd: 0,
  leadEnd: 0,
  sentenceEnds: [],
});
const blocks = [
  block(0, 'part', '一、2023年工作回顾', 1),
  block(1, 'paragraph', '过去一年……', 1),
  block(2, 'part', '二、2024年工作安排', 2),
  block(3, 'section', '（一）着力扩大有效投资', 2),
  block(4, 'paragraph', '扩大投资……', 2),
];
const ordById = new Map(blocks.map((b) => [b.id, b.ord]));
let n = 0;
const mark = (blockId: string, author: string, color: AnnotationListItem['color'] = 'yellow', anchorStatus: AnnotationListItem['anchorStatus'] = 'unchanged') =>
  ({
    id: `a${++n}`,
    reportId: 'r',
    versionId: 'v',
    color,
    note: '',
    author,
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
    anchorStatus,
    anchorScore: 1,
    tags: [],
    targets: [{ blockId, start: 0, end: 2, exact: '过去' }],
  }) as AnnotationListItem;

const list = [mark('b1', '王代表'), mark('b4', '王 代表', 'red'), mark('b4', '李代表'), mark('b9', '李代表', 'yellow', 'orphaned'), mark('b1', '')];
const none = { colors: [], tag: null, text: '' };

describe('filters by part and by member', () => {
  it('offers parts and their sections with counts; a part keeps the marks of its paragraphs, orphans in none', () => {
    const options = sectionOptions(blocks, list, none, ordById);
    expect(options.map((o) => [o.label, o.level, o.count])).toEqual([
      ['一、2023年工作回顾', 1, 2],
      ['二、2024年工作安排', 1, 2],
      ['（一）着力扩大有效投资', 2, 2],
    ]);
    const second = options[1];
    expect(filterAnnotations(list, { ...none, section: second }, ordById).map((a) => a.author)).toEqual(['王 代表', '李代表']);
  });

  it('offers each person once however the name was spaced, unsigned last; counts follow the other filters', () => {
    expect(authorOptions(list, none, ordById)).toEqual([
      // most marks first; a tie in the order of names
      { key: '李代表', name: '李代表', count: 2 },
      { key: '王代表', name: '王代表', count: 2 },
      { key: '', name: '', count: 1 },
    ]);
    expect(filterAnnotations(list, { ...none, author: '王代表' }, ordById)).toHaveLength(2);
    expect(filterAnnotations(list, { ...none, author: '' }, ordById)).toHaveLength(1);
    // with only red marks shown, 李代表 would show none
    expect(authorOptions(list, { ...none, colors: ['red'] }, ordById).find((o) => o.key === '李代表')?.count).toBe(0);
    // part and member together
    const first = sectionOptions(blocks, list, none, ordById)[0];
    expect(filterAnnotations(list, { ...none, author: '李代表', section: first }, ordById)).toEqual([]);
  });
});
