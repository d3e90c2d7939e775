import { describe, expect, it } from 'vitest';
import { amendmentRowsFromDrafts, digestFromAnnotations, opinionItemsFromDrafts } from '../../../electron/core/draft/export/rows';
import { makeDraft, targetOn, xianning } from './helpers';
import { annotations, investBlock, PATH, styleBlock } from './exportData';

describe('drafts and annotations → export rows', () => {
  it('takes only amendments, with the first target as 位置 and no text for a deletion', () => {
    const drafts = [
      makeDraft(
        'amendment',
        { op: 'modify', original: '确保咸九高速建成投用', proposed: '确保咸九高速上半年建成投用', reason: '明确时限' },
        { targets: [targetOn(investBlock, '确保咸九高速建成投用', PATH)] },
      ),
      makeDraft('opinion', { content: '赞成', speaker: '', delegation: '', date: '' }),
      makeDraft('amendment', { op: 'delete', original: '预计', proposed: '预计', reason: '' }, { author: '李华' }),
    ];
    expect(amendmentRowsFromDrafts(drafts, (d) => (d.author === '张明' ? '咸安代表团' : undefined))).toEqual([
      {
        path: PATH,
        op: 'modify',
        original: '确保咸九高速建成投用',
        proposed: '确保咸九高速上半年建成投用',
        reason: '明确时限',
        author: '张明',
        affiliation: '咸安代表团',
      },
      { path: '', op: 'delete', original: '预计', proposed: '', reason: '', author: '李华', affiliation: undefined },
    ]);
    expect(opinionItemsFromDrafts(drafts)).toEqual([{ path: '', content: '赞成', author: '张明', delegation: '', date: '' }]);
  });

  it('groups the digest by passage in reading order when block order is known', () => {
    const ord = new Map(xianning.blocks.map((b) => [b.id, b.ord]));
    expect(styleBlock.ord).toBeLessThan(investBlock.ord);
    const d = digestFromAnnotations({ reportTitle: 'r', versionLabel: 'v', annotations, blockOrder: (id) => ord.get(id) });
    expect(d.sections.map((s) => s.path)).toEqual(['第一部分（三）“作风更加优良”段', PATH]);
    const unordered = digestFromAnnotations({ reportTitle: 'r', versionLabel: 'v', annotations });
    expect(unordered.sections.map((s) => s.path)).toEqual([PATH, '第一部分（三）“作风更加优良”段']);
    // two marks in one passage share a section, in text order
    const second = { ...annotations[0], id: 'z', targets: [targetOn(investBlock, '长江综合门', PATH)] };
    const grouped = digestFromAnnotations({
      reportTitle: 'r',
      versionLabel: 'v',
      annotations: [second, annotations[0]],
      blockOrder: (id) => ord.get(id),
    });
    expect(grouped.sections).toHaveLength(1);
    expect(grouped.sections[0].items.map((i) => i.quote)).toEqual(['确保咸九高速建成投用', '长江综合门']);
  });
});
