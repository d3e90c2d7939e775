import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBundled, tempStore } from '../../helpers/tempdb';
import { openStore } from '../../../electron/core/store';

let t: ReturnType<typeof tempStore>;
beforeEach(() => (t = tempStore()));
afterEach(() => t.cleanup());

function firstParagraph() {
  const { versionId } = importBundled(t.store);
  const blocks = t.store.reports.blocksOf(versionId);
  const block = blocks.find((b) => b.text.length > 100)!;
  return { versionId, block, blocks };
}

describe('annotation repository', () => {
  it('stores position and quote selectors, tags and note, and reads them back from the file', () => {
    const { versionId, block } = firstParagraph();
    const a = t.store.annotations.create({
      versionId,
      color: 'yellow',
      note: '第一行\n第二行',
      tags: ['就业', '重点'],
      targets: [{ blockId: block.id, start: 10, end: 20, exact: block.text.slice(10, 20), prefix: block.text.slice(0, 10), suffix: block.text.slice(20, 52) }],
    });
    t.store.close();
    const reopened = openStore(t.file);
    const [back] = reopened.annotations.list(versionId);
    expect(back.id).toBe(a.id);
    expect(back.note).toBe('第一行\n第二行');
    expect(back.tags).toEqual(['重点', '就业'].sort());
    expect(back.targets[0]).toMatchObject({ blockId: block.id, start: 10, end: 20, exact: block.text.slice(10, 20) });
    reopened.close();
    t.store = openStore(t.file);
  });

  it('refuses a target outside its block and writes nothing', () => {
    const { versionId, block } = firstParagraph();
    expect(() =>
      t.store.annotations.create({
        versionId,
        color: 'red',
        targets: [{ blockId: block.id, start: 5, end: block.text.length + 10, exact: 'x', prefix: '', suffix: '' }],
      }),
    ).toThrow(/超出/);
    expect(t.store.annotations.count()).toBe(0);
  });

  it('takes the quote and its context from the report text, not from the caller', () => {
    const { versionId, block } = firstParagraph();
    const a = t.store.annotations.create({
      versionId,
      color: 'green',
      targets: [{ blockId: block.id, start: 40, end: 50, exact: '伪造的引文', prefix: '', suffix: 'x' }],
    });
    expect(a.targets[0]).toEqual({
      blockId: block.id,
      start: 40,
      end: 50,
      exact: block.text.slice(40, 50),
      prefix: block.text.slice(8, 40),
      suffix: block.text.slice(50, 82),
    });
  });

  it('deletes as a tombstone and restores', () => {
    const { versionId, block } = firstParagraph();
    const a = t.store.annotations.create({
      versionId,
      color: 'blue',
      targets: [{ blockId: block.id, start: 0, end: 4, exact: block.text.slice(0, 4), prefix: '', suffix: '' }],
    });
    t.store.annotations.delete(a.id);
    expect(t.store.annotations.list(versionId)).toHaveLength(0);
    expect(t.store.annotations.listByReport(a.reportId, { includeDeleted: true })[0].deletedAt).not.toBeNull();
    t.store.annotations.restore(a.id);
    expect(t.store.annotations.list(versionId).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('search', () => {
  it('finds report text by trigram and notes by a two-character word', () => {
    const { versionId, block } = firstParagraph();
    const a = t.store.annotations.create({
      versionId,
      color: 'yellow',
      note: '这里要补充养老服务的数据',
      targets: [{ blockId: block.id, start: 0, end: 5, exact: block.text.slice(0, 5), prefix: '', suffix: '' }],
    });
    const reportId = a.reportId;
    const three = block.text.slice(20, 24);
    const hits = t.store.search.query(three, { versionId, reportId });
    expect(hits.some((h) => h.kind === 'block' && h.ref === block.id)).toBe(true);
    const h = hits.find((x) => x.ref === block.id)!;
    expect(h.snippet.slice(h.highlights[0][0], h.highlights[0][1])).toBe(three);

    const two = t.store.search.query('养老', { versionId, reportId });
    expect(two.some((x) => x.kind === 'note' && x.ref === a.id && x.blockId === block.id)).toBe(true);

    t.store.annotations.delete(a.id);
    expect(t.store.search.query('补充养老服务', { versionId, reportId }).filter((x) => x.kind === 'note')).toHaveLength(0);
  });

  it('treats FTS syntax and LIKE wildcards in a query as plain text', () => {
    const { versionId, blocks } = firstParagraph();
    const reportId = t.store.reports.getVersionInfo(versionId).reportId;
    expect(() => t.store.search.query('"OR NEAR(', { versionId, reportId })).not.toThrow();
    expect(t.store.search.query('%_', { versionId, reportId })).toEqual([]);
    expect(blocks.length).toBeGreaterThan(0);
  });
});
