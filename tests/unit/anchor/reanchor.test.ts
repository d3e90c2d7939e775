/**
 * Re-anchoring marks from one version of a real report to a revision derived from it in the test
 * (the ground truth is known from the construction): width changes, split, join, moved sentence,
 * moved paragraph, a number changed inside the quote, a deleted paragraph, text inserted before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reanchor, reanchorWholeDocument, type ReanchorTarget } from '../../../electron/core/anchor/reanchor';
import { makeTarget } from '../../../electron/core/anchor/selectors';
import { reanchorInWorker } from '../../../electron/core/anchor/worker';
import { isCorrect, officialRevision, paragraphsOf, Revision, seededRandom, type SourceBlock } from '../../helpers/anchor-revision';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures', name), 'utf8');
const xianning = paragraphsOf(fixture('xianning-2024-gov-work-report.txt'));
const stateCouncil = paragraphsOf(fixture('state-council-2024-gov-work-report.txt'));

/** Index of the block containing `needle`, and a target on it. */
function markOn(blocks: SourceBlock[], needle: string, id = 'm1'): { block: number; target: ReanchorTarget } {
  const block = blocks.findIndex((b) => b.text.includes(needle));
  if (block < 0) throw new Error(`fixture lacks ${needle}`);
  const start = blocks[block].text.indexOf(needle);
  return { block, target: { id, ...makeTarget(blocks[block], start, start + needle.length) } };
}

function one(target: ReanchorTarget, oldBlocks: SourceBlock[], newBlocks: SourceBlock[]) {
  const [r] = reanchor([target], oldBlocks, newBlocks);
  return r;
}

describe('reanchor on the Xianning report', () => {
  it('leaves a mark on an untouched paragraph unchanged', () => {
    const { target } = markOn(xianning, '编制村庄规划795');
    const r = one(target, xianning, xianning);
    expect(r).toMatchObject({ match: 'exact', status: 'unchanged', blockId: target.blockId, start: target.start, end: target.end, score: 1 });
  });

  it('finds marks exactly after punctuation became full-width (newspaper copy → official text)', () => {
    const { block, target } = markOn(xianning, '具体抓了七个方面工作:');
    const rev = new Revision(xianning).build({ fullWidth: true, ids: 'place' });
    const r = one(target, xianning, rev.blocks);
    expect(r.match).toBe('exact');
    expect(r.status).toBe('unchanged');
    expect(r.exact).toBe('具体抓了七个方面工作：');
    expect(r.blockId).toBe(xianning[block].id);
  });

  it('follows the second half of a split paragraph', () => {
    const { block, target } = markOn(xianning, '深化河湖长制工作。斧头河流域生态治理一期工程');
    const splitAt = xianning[block].text.indexOf('深化河湖长制工作') - 5;
    const rev = new Revision(xianning).splitBlock(block, splitAt).build();
    const r = one(target, xianning, rev.blocks);
    const expected = rev.locate(target.blockId, target.start, target.end);
    expect(r.match).toBe('exact');
    expect(r.status).toBe('moved');
    expect(isCorrect(r, expected)).toBe(true);
  });

  it('follows a mark into a joined paragraph (offset shifted)', () => {
    const { block, target } = markOn(xianning, '七是突出履职尽责');
    const rev = new Revision(xianning).joinWithNext(block - 1).build();
    const r = one(target, xianning, rev.blocks);
    expect(r).toMatchObject({ match: 'exact', status: 'moved' });
    expect(r.start).toBe(xianning[block - 1].text.length + target.start);
    expect(isCorrect(r, rev.locate(target.blockId, target.start, target.end))).toBe(true);
  });

  it('follows a sentence moved to the next paragraph', () => {
    const { block, target } = markOn(xianning, '县乡村物流快递网点实现全覆盖');
    const text = xianning[block].text;
    const from = text.lastIndexOf('。', text.indexOf('县乡村物流快递网点')) + 1;
    const to = text.indexOf('。', from) + 1;
    const rev = new Revision(xianning).moveText(block, from, to, block + 1, 0).build();
    const r = one(target, xianning, rev.blocks);
    expect(r).toMatchObject({ match: 'exact', status: 'moved', start: target.start - from });
    expect(r.blockId).toBe(rev.blocks[block + 1].id);
  });

  it('follows a paragraph moved to another part', () => {
    const { block, target } = markOn(xianning, '深度融入武汉都市圈');
    const rev = new Revision(xianning).moveBlock(block, 5).build();
    const r = one(target, xianning, rev.blocks);
    expect(r).toMatchObject({ match: 'exact', blockId: target.blockId, start: target.start });
    expect(rev.blocks[6].id).toBe(target.blockId);
  });

  it('re-anchors a quote whose number changed (795 → 800) as an edited, fuzzy match', () => {
    const { block, target } = markOn(xianning, '乡村建设扎实推进。编制村庄规划795');
    const at = xianning[block].text.indexOf('795');
    const rev = new Revision(xianning).replace(block, at, at + 3, '800').build();
    const r = one(target, xianning, rev.blocks);
    expect(r.match).toBe('fuzzy');
    expect(r.status).toBe('edited');
    expect(r.exact).toBe('乡村建设扎实推进。编制村庄规划800');
    expect(r.score).toBeGreaterThan(0.7);
    expect(r.score).toBeLessThan(1);
  });

  it('keeps the whole of a number rewritten with its unit (54453.23% → 544.53亿元): the last character is not lost', () => {
    for (const quote of ['完成投资54453.23%', '54453.23%', '199个省市重点项目完成投资54453.23%']) {
      const { block, target } = markOn(xianning, quote);
      const at = xianning[block].text.indexOf('54453.23%');
      const rev = new Revision(xianning).replace(block, at, at + '54453.23%'.length, '544.53亿元').build();
      const r = one(target, xianning, rev.blocks);
      expect(r).toMatchObject({ match: 'fuzzy', status: 'edited', exact: quote.replace('54453.23%', '544.53亿元') });
    }
  });

  it('orphans marks on a deleted paragraph, even short ones whose words recur elsewhere', () => {
    const { block, target } = markOn(xianning, '深化实施强县工程。加快推进以县城为重要载体的就地城镇化');
    const short = { ...makeTarget(xianning[block], target.start + 9, target.start + 13), id: 'short' }; // 加快推进
    expect(xianning.filter((b) => b.text.includes(short.exact)).length).toBeGreaterThan(1);
    const rev = new Revision(xianning).deleteBlock(block).build();
    const results = reanchor([target, short], xianning, rev.blocks);
    expect(results.map((r) => r.status)).toEqual(['orphaned', 'orphaned']);
    expect(results[0]).toMatchObject({ match: 'orphan', blockId: null, score: 0, exact: '' });
  });

  it('reports text inserted before the quote in the same paragraph as moved', () => {
    const { block, target } = markOn(xianning, '新建改建农村公路938公里');
    const insert = '同时,要进一步加强统筹协调。';
    const rev = new Revision(xianning).replace(block, 0, 0, insert).build({ ids: 'place' });
    const r = one(target, xianning, rev.blocks);
    expect(r).toMatchObject({ match: 'exact', status: 'moved', blockId: target.blockId, start: target.start + insert.length });
  });

  it('picks the right one of two occurrences in a paragraph by context', () => {
    const { block } = markOn(xianning, '新建改建农村公路');
    const text = xianning[block].text;
    const second = text.indexOf('新建改建农村公路');
    expect(text.indexOf('新建改建农村')).toBeLessThan(second); // 新建改建农村户厕 comes first
    const target = { id: 'dup', ...makeTarget(xianning[block], second, second + 6) };
    const rev = new Revision(xianning).replace(block, 0, 0, '另外,').build({ fullWidth: true });
    const r = one(target, xianning, rev.blocks);
    expect(r.start).toBe(second + 3);
    expect(r.exact).toBe('新建改建农村');
  });

  it('still finds marks when the old version is unknown (ids only)', () => {
    const { target } = markOn(xianning, '编制村庄规划795');
    const [r] = reanchor([target], [], xianning);
    expect(r).toMatchObject({ match: 'exact', blockId: target.blockId, start: target.start });
  });
});

describe('accuracy against a full revision', () => {
  function sample(blocks: SourceBlock[], n: number, seed: number): ReanchorTarget[] {
    const rng = seededRandom(seed);
    const markable = blocks.filter((b) => b.text.length >= 40);
    return Array.from({ length: n }, (_, i) => {
      const b = markable[Math.floor(rng() * markable.length)];
      const len = 4 + Math.floor(rng() * 40);
      const start = Math.floor(rng() * (b.text.length - len));
      return { id: `t${i}`, ...makeTarget(b, start, start + len) };
    });
  }

  it.each([
    { name: 'Xianning', blocks: xianning },
    { name: 'State Council', blocks: stateCouncil },
  ])('$name: carries ≥ 98%% of marks to the right place, at least as well as the whole-document baseline', ({ blocks }) => {
    const rev = officialRevision(blocks, 11);
    const targets = sample(blocks, 400, 3);
    const score = (results: { blockId: string | null; start: number; end: number }[]) =>
      results.filter((r, i) => isCorrect(r, rev.locate(targets[i].blockId, targets[i].start, targets[i].end), targets[i].end - targets[i].start)).length /
      targets.length;
    const structural = score(reanchor(targets, blocks, rev.blocks));
    const baseline = score(reanchorWholeDocument(targets, rev.blocks, { oldBlocks: blocks }));
    expect(structural).toBeGreaterThanOrEqual(0.98);
    expect(structural).toBeGreaterThanOrEqual(baseline);
  });
});

describe('reanchorInWorker', () => {
  it('gives the same results as the synchronous call', async () => {
    const rev = officialRevision(xianning, 5);
    const targets = ['编制村庄规划795', '深化河湖长制工作', '具体抓了七个方面工作'].map((q, i) => markOn(xianning, q, `w${i}`).target);
    const sync = reanchor(targets, xianning, rev.blocks);
    const viaWorker = await reanchorInWorker(targets, xianning, rev.blocks);
    expect(viaWorker).toEqual(sync);
    expect(viaWorker.every((r) => r.match !== 'orphan')).toBe(true);
  });
});
