/**
 * Undoing one repair the importer made (or making it again): the version's own file is parsed
 * again with that repair declined (or no longer declined), the result goes in as the version,
 * and every mark is carried onto it — by position, exactly: the two parses differ in one stretch
 * at most, so a mark outside it keeps its words and its status, even one across a joint that is
 * now a paragraph break (it gets a target on each side). Only a mark inside the stretch itself
 * (on a line that a repair now removes) is re-anchored as in any carry.
 */
import { randomUUID } from 'node:crypto';
import { makeTarget, type AnchorStatus } from '../anchor';
import { ReviewDeskError } from '../errors';
import type { AnnotationTarget, VersionInfo } from '../model';
import { declinedKeys, type Block, type ParsedReport } from '../report';
import type { Store } from '../store';
import type { MarkRef } from '../store/revisions';
import { applyCarry, planCarry, type CarryDeps } from './carry';

/** What positions are read from: a paragraph's id and text. */
type BlockText = Pick<Block, 'id' | 'text'>;

export interface RepairChange {
  /** the version as it is now (a new id: versions never change after import) */
  version: VersionInfo;
  /** the marks carried onto it, by status */
  counts: Record<AnchorStatus, number>;
}

export interface RepairDeps extends CarryDeps {
  /** the file parsed with these repairs declined (the import job, in a worker) */
  parse: (p: { bytes: Uint8Array; fileName: string; declined: string[] }) => Promise<ParsedReport>;
}

export async function setRepair(s: Store, versionId: string, key: string, made: boolean, deps: RepairDeps): Promise<RepairChange> {
  const v = s.reports.getVersionInfo(versionId);
  if (!s.reports.get(v.reportId).versions.some((x) => x.id === versionId)) {
    throw new ReviewDeskError('not-found/version', '找不到该报告版本，可能已被删除。');
  }
  const repair = v.meta.repairs.find((r) => r.key === key);
  if (!repair) throw new ReviewDeskError('versions/repair-unknown', '导入整理记录里没有这一处，可能已经改动过，请刷新后再试。');
  if (made === !repair.declined) {
    throw new ReviewDeskError('versions/repair-unchanged', made ? '这处整理已在使用中。' : '这处整理已经撤销了。');
  }
  const now = declinedKeys(v.meta.repairs);
  const declined = made ? now.filter((k) => k !== key) : [...now, key];
  const source = s.reports.sourceBytes(versionId);
  const parsed = await deps.parse({ bytes: source.bytes, fileName: source.name, declined });
  if (!deps.sameStore()) throw new ReviewDeskError('versions/store-changed', '数据在处理期间被恢复过，请重新操作。');

  // Everything slow first (the plan re-anchors in the worker), then one transaction writes the
  // version, moves the marks and retires the old version: a failure anywhere changes nothing.
  const newId = randomUUID();
  const exactTargets = exactMapper(versionId, s.reports.blocksOf(versionId), parsed.blocks);
  const plan = await planCarry(s, versionId, { versionId: newId, blocks: parsed.blocks }, { ...deps, exactTargets });
  // marks in the 回收站 come along where their text maps exactly, so Ctrl+Z of a deletion still works
  const deleted = s.revisions.deletedMarksOn(versionId).flatMap((m) => {
    const targets = exactTargets(m);
    return targets ? [{ id: m.id, kind: m.kind, targets }] : [];
  });
  const counts = s.transaction(() => {
    s.reports.insertReparse(versionId, parsed, newId);
    const carried = applyCarry(s, plan).counts;
    s.revisions.moveDeleted(newId, deleted);
    s.review.copyDismissals(versionId, newId);
    s.ledger.copyMarks(versionId, newId);
    s.reports.retireReparsed(versionId, `${v.label}（${made ? '恢复整理前' : '撤销整理前'}）`, newId);
    return carried;
  });
  return { version: s.reports.getVersionInfo(newId), counts };
}

/**
 * Maps a mark's targets from one parse of a file to another by position. The paragraphs' texts,
 * laid end to end, differ between the parses in one stretch at most (a split or joined paragraph
 * changes no character; a kept or removed line adds or drops one run of them): before it a
 * position is the same, after it shifted by the difference in length. A target in or across the
 * stretch, or on another version, is not mapped (null): that mark is re-anchored instead.
 */
export function exactMapper(versionId: string, oldBlocks: readonly BlockText[], newBlocks: readonly BlockText[]): (mark: MarkRef) => AnnotationTarget[] | null {
  const startsOf = (blocks: readonly BlockText[]) => {
    const out: number[] = [];
    let at = 0;
    for (const b of blocks) {
      out.push(at);
      at += b.text.length;
    }
    return out;
  };
  const oldStarts = startsOf(oldBlocks);
  const oldStart = new Map(oldBlocks.map((b, i) => [b.id, oldStarts[i]]));
  const newStarts = startsOf(newBlocks);
  const oldDoc = oldBlocks.map((b) => b.text).join('');
  const newDoc = newBlocks.map((b) => b.text).join('');
  let same = 0; // length of the common beginning
  while (same < oldDoc.length && same < newDoc.length && oldDoc[same] === newDoc[same]) same++;
  let tail = 0; // length of the common end, not overlapping the beginning
  while (tail < oldDoc.length - same && tail < newDoc.length - same && oldDoc[oldDoc.length - 1 - tail] === newDoc[newDoc.length - 1 - tail]) tail++;
  const shift = newDoc.length - oldDoc.length;

  /** The new paragraphs' pieces of [from, to) in the new text laid end to end. */
  const piecesOf = (from: number, to: number): AnnotationTarget[] => {
    const out: AnnotationTarget[] = [];
    // the last paragraph starting at or before `from` (binary search: thousands of marks)
    let lo = 0;
    let hi = newStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (newStarts[mid] <= from) lo = mid;
      else hi = mid - 1;
    }
    while (lo > 0 && newStarts[lo - 1] === newStarts[lo]) lo--; // an empty paragraph shares its start
    for (let i = lo; i < newBlocks.length && newStarts[i] < to; i++) {
      const b = newBlocks[i];
      const bs = newStarts[i];
      const start = Math.max(from, bs) - bs;
      const end = Math.min(to, bs + b.text.length) - bs;
      if (end > start) out.push(makeTarget(b, start, end));
    }
    return out;
  };
  const newById = new Map(newBlocks.map((b) => [b.id, b]));

  return (mark) => {
    if (mark.versionId !== versionId) return null;
    const out: AnnotationTarget[] = [];
    for (const t of mark.targets) {
      const at = oldStart.get(t.blockId);
      if (at === undefined) return null;
      const from = at + t.start;
      const to = at + t.end;
      if (to <= same) out.push(...piecesOf(from, to));
      else if (from >= oldDoc.length - tail) out.push(...piecesOf(from + shift, to + shift));
      else return null;
    }
    return out.length ? joinAdjacent(out, newById) : null;
  };
}

/** Pieces that meet in one paragraph (a joint made again) become one target. */
function joinAdjacent(targets: AnnotationTarget[], byId: ReadonlyMap<string, BlockText>): AnnotationTarget[] {
  const out: AnnotationTarget[] = [];
  for (const t of targets) {
    const last = out.at(-1);
    if (last && last.blockId === t.blockId && last.end === t.start) out[out.length - 1] = makeTarget(byId.get(t.blockId)!, last.start, t.end);
    else out.push(t);
  }
  return out;
}
