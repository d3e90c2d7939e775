/**
 * Carrying a version's marks to another version of the same report: which marks go (all of
 * them; an orphan re-anchors from the version its quote is in), how each mark's targets'
 * results make its status, and what the user is told. Re-anchoring runs as a worker job; the
 * write is one transaction (store.revisions.applyCarry).
 */
import { makeTarget, type AnchorStatus, type ReanchorResult, type ReanchorTarget } from '../anchor';
import type { Alignment } from '../anchor/align';
import { reanchorInWorker } from '../anchor/worker';
import { ANCHOR_STATUSES, type MarkKind } from '../common/vocabulary';
import { ReviewDeskError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import type { AnnotationTarget } from '../model';
import type { Block } from '../report/types';
import type { Store } from '../store';
import type { CarryUpdate, MarkRef } from '../store/revisions';
import { joinExact, type VersionBlocks } from './views';

/** Zero marks per status. */
export function emptyCounts(): Record<AnchorStatus, number> {
  return Object.fromEntries(ANCHOR_STATUSES.map((k) => [k, 0])) as Record<AnchorStatus, number>;
}

/** What happened to one mark when it was carried. */
export interface CarriedMark {
  id: string;
  kind: MarkKind;
  status: AnchorStatus;
  score: number;
  /** the text it was on in the old version */
  oldExact: string;
  /** the text it is on now (empty for an orphan) */
  newExact: string;
}

export interface CarrySummary {
  fromVersionId: string;
  toVersionId: string;
  marks: CarriedMark[];
  counts: Record<AnchorStatus, number>;
  /** marks that were no longer on the old version (already carried): nothing done for them */
  skipped: number;
}

/** One mark's status from its targets' results: the worst of them; a target lost = the text changed. */
export function markOutcome(results: readonly ReanchorResult[]): { status: AnchorStatus; score: number } {
  if (results.length === 0) return { status: 'unchanged', score: 1 };
  const found = results.filter((r) => r.status !== 'orphaned');
  const score = Math.round((results.reduce((s, r) => s + r.score, 0) / results.length) * 1000) / 1000;
  if (found.length === 0) return { status: 'orphaned', score: 0 };
  if (found.length < results.length || found.some((r) => r.status === 'edited')) return { status: 'edited', score };
  if (found.some((r) => r.status === 'moved')) return { status: 'moved', score };
  return { status: 'unchanged', score };
}

/** Where a mark's targets are valid: for an orphan, the version it was last carried from, else its own. */
export function sourceVersion(mark: MarkRef, latestFrom: string | undefined): string {
  return mark.anchorStatus === 'orphaned' && latestFrom ? latestFrom : mark.versionId;
}

export interface CarryDeps {
  blocks: VersionBlocks;
  /** default: the process's shared runner, started only when there is something to re-anchor */
  runner?: JobRunner;
  /** the alignment of a pair the compare view just computed, so the worker can skip it */
  knownAlignment: (oldVersionId: string, newVersionId: string) => Promise<Alignment | undefined>;
  /** false once the store this carry reads and writes has been replaced (a restore) */
  sameStore: () => boolean;
  /**
   * Where a mark's targets are in the new version when that is known exactly (the same file parsed
   * again: see ./repairs), or null; such a mark keeps its status — nothing in its text moved.
   */
  exactTargets?: (mark: MarkRef) => AnnotationTarget[] | null;
}

/** Re-anchors the targets of marks whose quotes are in `sourceId`, in the worker; results per mark. */
async function reanchorGroup(s: Store, sourceId: string, to: CarryTarget, marks: MarkRef[], deps: CarryDeps): Promise<Map<string, ReanchorResult[]>> {
  const targets: ReanchorTarget[] = [];
  for (const m of marks) m.targets.forEach((t, i) => targets.push({ ...t, id: `${m.id}#${i}` }));
  const byMark = new Map<string, ReanchorResult[]>(marks.map((m) => [m.id, []]));
  if (targets.length === 0) return byMark;
  const oldBlocks = s.reports.blocksOf(sourceId);
  const alignment = sourceId !== to.versionId ? await deps.knownAlignment(sourceId, to.versionId) : undefined;
  const results = await reanchorInWorker(targets, oldBlocks, to.blocks, alignment, { runner: deps.runner });
  for (const r of results) byMark.get(r.id.slice(0, r.id.lastIndexOf('#')))?.push(r);
  return byMark;
}

/** The version marks are carried to: its id and paragraphs (which need not be stored yet). */
export interface CarryTarget {
  versionId: string;
  blocks: readonly Block[];
}

/** What a carry will write, worked out (re-anchoring in the worker) before anything is written. */
export interface CarryPlan {
  fromVersionId: string;
  toVersionId: string;
  marks: MarkRef[];
  updates: CarryUpdate[];
  outcomes: CarriedMark[];
}

/** Where every mark on `fromVersionId` goes in `to`, without writing: the slow, asynchronous half of a carry. */
export async function planCarry(s: Store, fromVersionId: string, to: CarryTarget, deps: CarryDeps): Promise<CarryPlan> {
  const marks = s.revisions.marksOn(fromVersionId);
  // marks whose place is known exactly are not re-anchored at all (a re-parse moves thousands)
  const exactly = new Map<string, AnnotationTarget[]>();
  if (deps.exactTargets) {
    for (const m of marks) {
      const t = m.anchorStatus === 'orphaned' ? null : deps.exactTargets(m);
      if (t) exactly.set(m.id, t);
    }
  }
  const latest = s.revisions.latest(marks.filter((m) => m.anchorStatus === 'orphaned').map((m) => m.id));
  const groups = new Map<string, MarkRef[]>();
  for (const m of marks) {
    if (exactly.has(m.id)) continue;
    const src = sourceVersion(m, latest.get(m.id)?.fromVersionId);
    const group = groups.get(src);
    if (group) group.push(m);
    else groups.set(src, [m]); // not a copy per mark: that made carrying 50k marks quadratic
  }
  const results = new Map<string, ReanchorResult[]>();
  for (const [src, list] of groups) for (const [id, r] of await reanchorGroup(s, src, to, list, deps)) results.set(id, r);
  if (!deps.sameStore()) throw new ReviewDeskError('versions/store-changed', '数据在带过批注期间被恢复过，请重新操作。');

  const newById = new Map(to.blocks.map((b) => [b.id, b]));
  const updates: CarryUpdate[] = [];
  const outcomes: CarriedMark[] = [];
  for (const m of marks) {
    const rs = results.get(m.id) ?? [];
    const exact = exactly.get(m.id);
    const targets: AnnotationTarget[] = exact ?? [];
    if (!exact) {
      for (const r of rs) {
        const b = r.blockId === null ? undefined : newById.get(r.blockId);
        if (b && r.end > r.start) targets.push(makeTarget(b, r.start, r.end));
      }
    }
    const { status, score } = exact ? { status: m.anchorStatus, score: 1 } : markOutcome(rs);
    // An orphan keeps its old targets (the store leaves them when given none): its text stays visible.
    updates.push({ id: m.id, kind: m.kind, targets: status === 'orphaned' ? [] : targets, status, score });
    outcomes.push({ id: m.id, kind: m.kind, status, score, oldExact: joinExact(m.targets), newExact: status === 'orphaned' ? '' : joinExact(targets) });
  }
  return { fromVersionId, toVersionId: to.versionId, marks, updates, outcomes };
}

/** Writes a plan (one transaction, or part of the caller's) and says how each mark went. */
export function applyCarry(s: Store, plan: CarryPlan): CarrySummary {
  const { fromVersionId, toVersionId } = plan;
  const moved = s.revisions.applyCarry(fromVersionId, toVersionId, plan.marks, plan.updates);
  const carried = plan.outcomes.filter((m) => moved.has(m.id));
  const counts = emptyCounts();
  for (const m of carried) counts[m.status]++;
  return { fromVersionId, toVersionId, marks: carried, counts, skipped: plan.outcomes.length - carried.length };
}

/** Carries every mark on `fromVersionId` to `toVersionId` of the same report and says how each went. */
export async function carryMarks(s: Store, fromVersionId: string, toVersionId: string, deps: CarryDeps): Promise<CarrySummary> {
  if (fromVersionId === toVersionId) throw new ReviewDeskError('versions/same', '批注已在这个版本上，无需带过来。');
  const from = s.reports.getVersionInfo(fromVersionId);
  const to = s.reports.getVersionInfo(toVersionId);
  if (from.reportId !== to.reportId) throw new ReviewDeskError('versions/different-reports', '只能在同一份报告的不同版本之间带过批注和意见。');
  const plan = await planCarry(s, fromVersionId, { versionId: toVersionId, blocks: deps.blocks(toVersionId).blocks }, deps);
  return applyCarry(s, plan);
}
