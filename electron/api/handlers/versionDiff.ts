/**
 * The diff of two versions as the compare view needs it — one row per paragraph (or split/join
 * group) with texts and paths — cached per pair: a version's blocks never change after import,
 * so a pair's diff never goes stale. Also where an old paragraph went, for orphans and hints.
 */
import { indexAlignment, type AlignedPair, type Alignment, type VersionDiff } from '../../core/anchor';
import type { Block } from '../../core/report/types';
import { ReviewDeskError } from '../../core/errors';
import type { Store } from '../../core/store';
import type { CompareRow } from '../contract/versions';

/** A heading standing alone (a （一） section with its body inline is a paragraph with a bold lead). */
function isHeading(b: Block): boolean {
  return b.kind === 'title' || b.kind === 'part' || (b.kind === 'section' && b.headingEnd >= b.text.length);
}

export interface PairDiff {
  oldBlocks: Block[];
  newBlocks: Block[];
  diff: VersionDiff;
  rows: Omit<CompareRow, 'marks'>[];
  byOld: Map<string, AlignedPair[]>;
}

/** Rows of an alignment in order; a split or join (pairs sharing `group`) is one row. */
function units(alignment: Alignment): AlignedPair[][] {
  const out: AlignedPair[][] = [];
  const groups = new Map<number, AlignedPair[]>();
  for (const p of alignment.pairs) {
    if (p.group === undefined) {
      out.push([p]);
      continue;
    }
    const g = groups.get(p.group);
    if (g) g.push(p);
    else {
      const list = [p];
      groups.set(p.group, list);
      out.push(list);
    }
  }
  return out;
}

function unique(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((x): x is string => x !== null))];
}

export function buildRows(oldBlocks: Block[], newBlocks: Block[], diff: VersionDiff): Omit<CompareRow, 'marks'>[] {
  const oldById = new Map(oldBlocks.map((b) => [b.id, b]));
  const newById = new Map(newBlocks.map((b) => [b.id, b]));
  const rows: Omit<CompareRow, 'marks'>[] = [];
  let next = 0; // diff.changes lists the non-same units in the same order
  let change = 0;
  for (const unit of units(diff.alignment)) {
    const first = unit[0];
    const oldIds = unique(unit.map((p) => p.oldId));
    const newIds = unique(unit.map((p) => p.newId));
    const c = first.kind === 'same' ? null : diff.changes[next++];
    const formatOnly = c?.formatOnly ?? false;
    const contentChange = c !== null && !formatOnly;
    const firstBlock = newById.get(newIds[0] ?? '') ?? oldById.get(oldIds[0] ?? '');
    rows.push({
      kind: first.kind,
      moved: first.moved,
      similarity: first.similarity,
      oldIds,
      newIds,
      oldTexts: oldIds.map((id) => oldById.get(id)?.text ?? ''),
      newTexts: newIds.map((id) => newById.get(id)?.text ?? ''),
      oldPath: oldById.get(oldIds[0] ?? '')?.path ?? '',
      newPath: newById.get(newIds[0] ?? '')?.path ?? '',
      heading: firstBlock ? isHeading(firstBlock) : false,
      ops: c?.ops ?? [],
      formatOnly,
      change: contentChange ? change++ : null,
    });
  }
  return rows;
}

/** Computes the alignment and diff of two versions (in a worker, see versions.ts). */
export type ComputeDiff = (oldBlocks: Block[], newBlocks: Block[]) => Promise<VersionDiff>;

/**
 * Per-pair cache of diffs (a handful: the user compares one or two pairs at a time). The entry
 * is the pending computation, so two calls for a pair that is being diffed share one job; a
 * failed computation (time limit) is forgotten and the next call tries again.
 */
export function diffCache(getStore: () => Store, compute: ComputeDiff, size = 6) {
  const cache = new Map<string, Promise<PairDiff>>();
  return (oldVersionId: string, newVersionId: string): Promise<PairDiff> => {
    const key = `${oldVersionId}|${newVersionId}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // keep most recently used last
      cache.set(key, hit);
      return hit;
    }
    const store = getStore();
    const a = store.reports.getVersionInfo(oldVersionId);
    const b = store.reports.getVersionInfo(newVersionId);
    if (a.reportId !== b.reportId) return Promise.reject(new ReviewDeskError('versions/different-reports', '这两个版本不属于同一份报告，无法对照。'));
    const oldBlocks = store.reports.blocksOf(oldVersionId);
    const newBlocks = store.reports.blocksOf(newVersionId);
    const made = compute(oldBlocks, newBlocks).then((diff): PairDiff => ({
      oldBlocks,
      newBlocks,
      diff,
      rows: buildRows(oldBlocks, newBlocks, diff),
      byOld: indexAlignment(diff.alignment).byOld,
    }));
    made.catch(() => {
      if (cache.get(key) === made) cache.delete(key);
    });
    cache.set(key, made);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return made;
  };
}
export type DiffCache = ReturnType<typeof diffCache>;

/** New blocks an old block became (several for a split); empty when it was deleted. */
export function alignedNew(pair: PairDiff, oldBlockId: string): string[] {
  return unique((pair.byOld.get(oldBlockId) ?? []).map((p) => p.newId));
}

/**
 * The new block standing where an old block stood: the block it became, else the block the
 * nearest surviving neighbour became (a deleted paragraph's place).
 */
export function nearestNew(pair: PairDiff, oldBlockId: string): string | null {
  const own = alignedNew(pair, oldBlockId)[0];
  if (own) return own;
  const i = pair.oldBlocks.findIndex((b) => b.id === oldBlockId);
  if (i < 0) return null;
  for (let d = 1; d < pair.oldBlocks.length; d++) {
    for (const k of [i - d, i + d]) {
      const b = pair.oldBlocks[k];
      const hit = b && alignedNew(pair, b.id)[0];
      if (hit) return hit;
    }
  }
  return null;
}
