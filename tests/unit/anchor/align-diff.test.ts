/**
 * Paragraph alignment and character diff between two versions of a real report: formatting-only
 * changes, word changes, moved/split/joined/deleted/inserted paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignBlocks } from '../../../electron/core/anchor/align';
import { diffText, diffVersions, type DiffOp } from '../../../electron/core/anchor/diff';
import { officialRevision, paragraphsOf, Revision, toFullWidthPunctuation } from '../../helpers/anchor-revision';

const xianning = paragraphsOf(readFileSync(join(import.meta.dirname, '../../fixtures/xianning-2024-gov-work-report.txt'), 'utf8'));
const at = (needle: string) => xianning.findIndex((b) => b.text.includes(needle));

const oldSide = (ops: DiffOp[]) => ops.map((o) => (o.op === 'insert' ? '' : o.op === 'format' ? o.oldText : o.text)).join('');
const newSide = (ops: DiffOp[]) => ops.map((o) => (o.op === 'delete' ? '' : o.text)).join('');

describe('diffText', () => {
  it('classifies a punctuation-width change as formatting, not a content edit', () => {
    const old = xianning[at('具体抓了七个方面工作')].text;
    const ops = diffText(old, toFullWidthPunctuation(old));
    expect(ops.some((o) => o.op === 'format' && o.oldText === ':' && o.text === '：')).toBe(true);
    expect(ops.every((o) => o.op === 'equal' || o.op === 'format')).toBe(true);
  });

  it('reports a real word change as delete + insert, and keeps width changes apart', () => {
    const old = '持续推进外贸“三项工程”,着力引进一批出口型生产企业';
    const ops = diffText(old, '持续推进外贸“三项工程”，全力引进一批出口型生产企业');
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['着']);
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['全']);
    expect(ops.filter((o) => o.op === 'format').map((o) => [o.oldText, o.text])).toEqual([[',', '，']]);
  });

  it('shows a changed number as the whole old number deleted and the whole new one inserted', () => {
    const ops = diffText('新建改建农村公路938公里', '新建改建农村公路 950 公里');
    expect(ops.filter((o) => o.op === 'delete' || o.op === 'insert').map((o) => `${o.op}:${o.text.trim()}`)).toEqual(['delete:938', 'insert:950']);
    const amount = diffText('199个省市重点项目完成投资54453.23%。500千伏', '199个省市重点项目完成投资544.53亿元。500千伏');
    expect(amount.filter((o) => o.op !== 'equal').map((o) => `${o.op}:${o.text}`)).toEqual(['delete:54453.23%', 'insert:544.53亿元']);
    // A number that shares digits with another stays whole too (620 → 650, not 2 → 5).
    expect(
      diffText('高新技术企业达620家', '高新技术企业达650家')
        .filter((o) => o.op !== 'equal')
        .map((o) => o.text),
    ).toEqual(['620', '650']);
  });

  it('reconstructs both texts from the ops for any edits of a real paragraph (property)', () => {
    const base = xianning[at('五是突出生态优先')].text;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(6), fc.constantFrom('', '，', ' ', '新增', '800', '（一）')), { maxLength: 5 }), (edits) => {
        let text = base;
        for (const [pos, del, ins] of edits) {
          const p = Math.min(pos, text.length);
          text = text.slice(0, p) + ins + text.slice(p + del);
        }
        const ops = diffText(base, text);
        expect(oldSide(ops)).toBe(base);
        expect(newSide(ops)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});

describe('alignBlocks / diffVersions', () => {
  it('marks a version that only changed punctuation width as format-only throughout', () => {
    const rev = new Revision(xianning).build({ fullWidth: true });
    const d = diffVersions(xianning, rev.blocks);
    expect(d.stats.kinds.edited).toBe(0);
    expect(d.stats.insertedChars + d.stats.deletedChars).toBe(0);
    expect(d.changes.length).toBeGreaterThan(10);
    expect(d.changes.every((c) => c.kind === 'format' && c.formatOnly)).toBe(true);
  });

  it('detects a paragraph moved to another part, and leaves its neighbours in order', () => {
    const moved = at('深度融入武汉都市圈');
    const rev = new Revision(xianning).moveBlock(moved, 5).build();
    const pairs = alignBlocks(xianning, rev.blocks).pairs;
    expect(pairs.filter((p) => p.moved).map((p) => p.oldId)).toEqual([xianning[moved].id]);
    expect(pairs.find((p) => p.oldId === xianning[moved].id)).toMatchObject({ kind: 'moved', textChange: 'none', newOrd: 6 });
    expect(pairs.filter((p) => p.kind === 'same').length).toBe(xianning.length - 1);
  });

  it('detects an edited paragraph (changed words) and diffs inside it', () => {
    const b = at('七是突出履职尽责');
    const text = xianning[b].text;
    const k = text.indexOf('持续纠治');
    const rev = new Revision(xianning).replace(b, k, k + 4, '坚决纠治').build();
    const d = diffVersions(xianning, rev.blocks);
    const change = d.changes.find((c) => c.oldId === xianning[b].id)!;
    expect(change.kind).toBe('edited');
    expect(change.formatOnly).toBe(false);
    expect(change.ops.filter((o) => o.op !== 'equal').map((o) => `${o.op}:${o.text}`)).toEqual(['delete:持续', 'insert:坚决']);
    expect(change.similarity).toBeGreaterThan(0.9);
  });

  it('detects a split, a join, a deletion and an insertion, placing the deleted row where it stood', () => {
    const split = at('五是突出生态优先');
    const splitAt = xianning[split].text.indexOf('深化河湖长制工作');
    const join = at('持续巩固脱贫攻坚成果'); // a page break cut this paragraph in two
    const deleted = at('深化实施强县工程');
    const rev = new Revision(xianning)
      .splitBlock(split, splitAt)
      .joinWithNext(join)
      .deleteBlock(deleted)
      .insertBlockAfter(at('三、全面加强政府自身建设'), '新增一段：全面加强政府自身建设。')
      .build();
    const pairs = alignBlocks(xianning, rev.blocks).pairs;
    const splitRows = pairs.filter((p) => p.kind === 'split');
    expect(splitRows.map((p) => p.oldId)).toEqual([xianning[split].id, xianning[split].id]);
    expect(new Set(splitRows.map((p) => p.group)).size).toBe(1);
    const joinRows = pairs.filter((p) => p.kind === 'joined');
    expect(joinRows.map((p) => p.oldId)).toEqual([xianning[join].id, xianning[join + 1].id]);
    expect(pairs.filter((p) => p.kind === 'inserted').map((p) => rev.blocks[p.newOrd!].text)).toEqual(['新增一段：全面加强政府自身建设。']);
    const del = pairs.findIndex((p) => p.kind === 'deleted');
    expect(pairs[del].oldId).toBe(xianning[deleted].id);
    expect(pairs[del - 1].oldId).toBe(xianning[deleted - 1].id);
    // Every old and new block appears in the alignment.
    expect(new Set(pairs.map((p) => p.oldId).filter(Boolean)).size).toBe(xianning.length);
    expect(new Set(pairs.map((p) => p.newId).filter(Boolean)).size).toBe(rev.blocks.length);
  });

  it('gives the compare view a complete picture of a full revision', () => {
    const rev = officialRevision(xianning, 2024);
    const d = diffVersions(xianning, rev.blocks);
    const k = d.stats.kinds;
    expect([k.moved, k.split, k.joined, k.deleted, k.inserted]).toEqual([1, 1, 1, 1, 1]);
    expect(k.edited).toBeGreaterThan(5);
    expect(d.stats.formatRuns).toBeGreaterThan(100);
    // New text of every change is exactly the new blocks' text.
    for (const c of d.changes) {
      const newText = c.newIds.map((id) => rev.blocks.find((b) => b.id === id)!.text).join('');
      expect(newSide(c.ops)).toBe(newText);
    }
  });

  it('does not pair unrelated paragraphs: a rewritten paragraph is deleted + inserted', () => {
    const b = at('各位代表!惟有不懈奋斗');
    const rev = new Revision(xianning).replace(b, 0, xianning[b].text.length, '谢谢大家。本报告到此结束,请各位代表审议。').build();
    const kinds = alignBlocks(xianning, rev.blocks)
      .pairs.filter((p) => p.kind !== 'same')
      .map((p) => p.kind);
    expect(kinds.sort()).toEqual(['deleted', 'inserted']);
  });
});
