/**
 * Revisions: compare two versions, carry every annotation and draft to another version (the
 * re-anchoring runs in a worker thread, the write is one transaction), re-attach an orphan by
 * hand, and hint whether the new version took up the user's amendments. Diffing a pair for the
 * first time and re-anchoring run as worker jobs (core/jobs) with a time limit.
 */
import { adoptionHint, makeTarget, type AnchorStatus, type ReanchorResult, type ReanchorTarget } from '../../core/anchor';
import { reanchorInWorker } from '../../core/anchor/worker';
import { sharedJobRunner } from '../../core/jobs/runner';
import type { AmendmentFields } from '../../core/draft';
import { ReviewDeskError } from '../../core/errors';
import type { AnnotationTarget } from '../../core/model';
import type { Block } from '../../core/report/types';
import type { Store } from '../../core/store';
import type { CarryUpdate, MarkKind, MarkRef } from '../../core/store/revisions';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import type { CarriedMark, CompareRow, OrphanMark, VersionEvent, VersionEventMark } from '../contract/versions';
import type { HistoryEntry } from '../../core/store/revisions';
import { blockCache, viewOf } from './draftView';
import { alignedNew, diffCache, nearestNew } from './versionDiff';

type VersionHandlers = Pick<
  Handlers,
  'versions.compare' | 'versions.carry' | 'versions.marks' | 'versions.orphans' | 'versions.adoption' | 'versions.history' | 'annotations.reattach' | 'drafts.reattach'
>;

function idAndText(b: Block): { id: string; text: string } {
  return { id: b.id, text: b.text };
}

const STATUSES: AnchorStatus[] = ['unchanged', 'moved', 'edited', 'orphaned'];

/** One mark's status from its targets' results: the worst of them; a target lost = the text changed. */
function markOutcome(results: ReanchorResult[]): { status: AnchorStatus; score: number } {
  if (results.length === 0) return { status: 'unchanged', score: 1 };
  const found = results.filter((r) => r.status !== 'orphaned');
  const score = Math.round((results.reduce((s, r) => s + r.score, 0) / results.length) * 1000) / 1000;
  if (found.length === 0) return { status: 'orphaned', score: 0 };
  if (found.length < results.length || found.some((r) => r.status === 'edited')) return { status: 'edited', score };
  if (found.some((r) => r.status === 'moved')) return { status: 'moved', score };
  return { status: 'unchanged', score };
}

function joinExact(targets: readonly { exact: string }[]): string {
  return targets.map((t) => t.exact).join('');
}

/** Targets from the renderer must describe text that is really there: position and quote agree. */
function checkTargets(blocks: Map<string, Block>, targets: AnnotationTarget[]): void {
  for (const t of targets) {
    const b = blocks.get(t.blockId);
    if (!b) throw new ReviewDeskError('reattach/bad-target', '所选文字不在这个版本的报告中，请在正在阅读的版本里重新选择。');
    if (t.start >= t.end || t.end > b.text.length || b.text.slice(t.start, t.end) !== t.exact) {
      throw new ReviewDeskError('reattach/bad-target', '所选文字与报告原文对不上，请重新选择。');
    }
  }
}

export function versionHandlers(ctx: AppContext): VersionHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const jobs = () => ctx.jobs ?? sharedJobRunner();
  // Workers need only ids and texts: a smaller copy to send.
  const diffs = diffCache(
    () => ctx.store,
    (oldBlocks, newBlocks) => jobs().run('compareVersions', { oldBlocks: oldBlocks.map(idAndText), newBlocks: newBlocks.map(idAndText) }),
  );
  const blocks = blockCache(store, 8);

  /** Marks per block on each side of a pair, for the 只看有批注或意见的段落 filter. */
  function markCounter(oldVersionId: string, newVersionId: string) {
    const count = new Map<string, { annotations: number; drafts: number }>();
    const add = (side: 'old' | 'new', blockId: string, kind: MarkKind) => {
      const key = `${side}:${blockId}`;
      const c = count.get(key) ?? { annotations: 0, drafts: 0 };
      if (kind === 'annotation') c.annotations++;
      else c.drafts++;
      count.set(key, c);
    };
    for (const versionId of new Set([oldVersionId, newVersionId])) {
      for (const m of store.revisions.marksOn(versionId)) {
        // An orphan on the new version still points at the old text.
        const side = versionId === oldVersionId || m.anchorStatus === 'orphaned' ? 'old' : 'new';
        for (const blockId of new Set(m.targets.map((t) => t.blockId))) add(side, blockId, m.kind);
      }
    }
    return (row: Omit<CompareRow, 'marks'>) => {
      const total = { annotations: 0, drafts: 0 };
      for (const [side, ids] of [
        ['old', row.oldIds],
        ['new', row.newIds],
      ] as const)
        for (const id of ids) {
          const c = count.get(`${side}:${id}`);
          if (c) {
            total.annotations += c.annotations;
            total.drafts += c.drafts;
          }
        }
      return total;
    };
  }

  /** Where an orphan's targets are valid: the version it was last carried from, else its own. */
  function sourceVersion(mark: MarkRef, latestFrom: string | undefined): string {
    return mark.anchorStatus === 'orphaned' && latestFrom ? latestFrom : mark.versionId;
  }

  async function reanchorGroup(s: Store, sourceId: string, toVersionId: string, marks: MarkRef[]): Promise<Map<string, ReanchorResult[]>> {
    const targets: ReanchorTarget[] = [];
    for (const m of marks) m.targets.forEach((t, i) => targets.push({ ...t, id: `${m.id}#${i}` }));
    const byMark = new Map<string, ReanchorResult[]>(marks.map((m) => [m.id, []]));
    if (targets.length === 0) return byMark;
    const oldBlocks = s.reports.blocksOf(sourceId);
    const newBlocks = blocks(toVersionId).blocks;
    // Reuse the compare view's alignment when that pair was just compared (the worker skips it).
    const alignment = sourceId !== toVersionId ? await peekAlignment(sourceId, toVersionId) : undefined;
    const results = await reanchorInWorker(targets, oldBlocks, newBlocks, alignment, { runner: jobs() });
    for (const r of results) byMark.get(r.id.slice(0, r.id.lastIndexOf('#')))?.push(r);
    return byMark;
  }

  const compared = new Set<string>();
  async function peekAlignment(a: string, b: string) {
    return compared.has(`${a}|${b}`) ? (await diffs(a, b)).diff.alignment : undefined;
  }

  /** A mark's colour (or draft kind) and its one-line name, deleted or not. */
  function describeMark(kind: MarkKind, id: string): { color: string; label: string } {
    try {
      if (kind === 'annotation') {
        const a = store.annotations.get(id, { includeDeleted: true });
        return { color: a.color, label: a.note };
      }
      const d = store.drafts.get(id, { includeDeleted: true });
      return { color: d.kind, label: viewOf(store, blocks, d).label };
    } catch {
      return { color: '', label: '' }; // a mark gone for good (an exchange bundle's purge): its text still tells
    }
  }

  /** A version's label, in the trash or not. */
  function labelOf(versionId: string): string {
    try {
      return store.reports.getVersionInfo(versionId).label;
    } catch {
      return '';
    }
  }

  /**
   * The text a mark had in `versionId` after `entry` put it there: the targets the next step out of
   * that version recorded, else the mark's targets now, if it is still there.
   */
  function textAfter(entry: HistoryEntry, versionId: string): string {
    const steps = store.revisions.history(entry.markId);
    const at = steps.findIndex((h) => h.carriedAt === entry.carriedAt && h.fromVersionId === entry.fromVersionId && h.toVersionId === entry.toVersionId);
    const next = steps.slice(at + 1).find((h) => h.fromVersionId === versionId);
    if (next) return joinExact(next.targets);
    const now = store.revisions.current(entry.kind, entry.markId);
    return now && now.versionId === versionId && now.anchorStatus !== 'orphaned' ? joinExact(now.targets) : '';
  }

  function reattach(kind: MarkKind, id: string, targets: AnnotationTarget[]): void {
    const cur = kind === 'annotation' ? store.annotations.get(id) : store.drafts.get(id);
    checkTargets(blocks(cur.versionId).byId, targets);
    store.revisions.reattach(kind, { id, kind, versionId: cur.versionId, anchorStatus: cur.anchorStatus, targets: cur.targets }, targets);
  }

  return {
    'versions.compare': async ({ oldVersionId, newVersionId }) => {
      if (oldVersionId === newVersionId) throw new ReviewDeskError('versions/same', '请选择两个不同的版本进行对照。');
      const pair = await diffs(oldVersionId, newVersionId);
      compared.add(`${oldVersionId}|${newVersionId}`);
      const marks = markCounter(oldVersionId, newVersionId);
      const rows = pair.rows.map((r) => ({ ...r, marks: marks(r) }));
      const oldVersion = store.reports.getVersionInfo(oldVersionId);
      return {
        reportId: oldVersion.reportId,
        oldVersion,
        newVersion: store.reports.getVersionInfo(newVersionId),
        rows,
        stats: pair.diff.stats,
        changes: rows.filter((r) => r.change !== null).length,
        formatOnly: rows.filter((r) => r.formatOnly).length,
      };
    },

    'versions.carry': async ({ fromVersionId, toVersionId }) => {
      if (fromVersionId === toVersionId) throw new ReviewDeskError('versions/same', '批注已在这个版本上，无需带过来。');
      const s = ctx.store; // the store this carry reads and writes; a restore meanwhile aborts it
      const from = s.reports.getVersionInfo(fromVersionId);
      const to = s.reports.getVersionInfo(toVersionId);
      if (from.reportId !== to.reportId) throw new ReviewDeskError('versions/different-reports', '只能在同一份报告的不同版本之间带过批注和意见。');
      const marks = s.revisions.marksOn(fromVersionId);
      const latest = s.revisions.latest(marks.filter((m) => m.anchorStatus === 'orphaned').map((m) => m.id));
      const groups = new Map<string, MarkRef[]>();
      for (const m of marks) {
        const src = sourceVersion(m, latest.get(m.id)?.fromVersionId);
        groups.set(src, [...(groups.get(src) ?? []), m]);
      }
      const results = new Map<string, ReanchorResult[]>();
      for (const [src, list] of groups) for (const [id, r] of await reanchorGroup(s, src, toVersionId, list)) results.set(id, r);
      if (ctx.store !== s) throw new ReviewDeskError('versions/store-changed', '数据在带过批注期间被恢复过，请重新操作。');

      const newById = blocks(toVersionId).byId;
      const updates: CarryUpdate[] = [];
      const out: CarriedMark[] = [];
      for (const m of marks) {
        const rs = results.get(m.id) ?? [];
        const { status, score } = markOutcome(rs);
        const targets: AnnotationTarget[] = [];
        for (const r of rs) {
          const b = r.blockId === null ? undefined : newById.get(r.blockId);
          if (b && r.end > r.start) targets.push(makeTarget(b, r.start, r.end));
        }
        // An orphan keeps its old targets (the store leaves them when given none): its text stays visible.
        updates.push({ id: m.id, kind: m.kind, targets: status === 'orphaned' ? [] : targets, status, score });
        out.push({ id: m.id, kind: m.kind, status, score, oldExact: joinExact(m.targets), newExact: status === 'orphaned' ? '' : joinExact(targets) });
      }
      const moved = s.revisions.applyCarry(fromVersionId, toVersionId, marks, updates);
      const carried = out.filter((m) => moved.has(m.id));
      const counts = Object.fromEntries(STATUSES.map((k) => [k, carried.filter((m) => m.status === k).length])) as Record<AnchorStatus, number>;
      return { fromVersionId, toVersionId, marks: carried, counts, skipped: out.length - carried.length };
    },

    'versions.marks': ({ versionId }) => {
      const { reportId } = store.reports.getVersionInfo(versionId);
      const versions = store.reports.get(reportId).versions;
      const counts = new Map(store.revisions.markCounts(reportId).map((c) => [c.versionId, c]));
      return versions.map((v) => {
        const c = counts.get(v.id);
        return { versionId: v.id, label: v.label, ord: v.ord, annotations: c?.annotations ?? 0, drafts: c?.drafts ?? 0, orphaned: c?.orphaned ?? 0 };
      });
    },

    'versions.orphans': async ({ versionId }) => {
      const info = store.reports.getVersionInfo(versionId);
      const marks = store.revisions.orphansOn(versionId);
      if (marks.length === 0) return [];
      const labels = new Map(store.reports.get(info.reportId).versions.map((v) => [v.id, v.label]));
      const latest = store.revisions.latest(marks.map((m) => m.id));
      const annotations = new Map(marks.filter((m) => m.kind === 'annotation').map((m) => [m.id, store.annotations.get(m.id)]));
      const drafts = new Map(marks.filter((m) => m.kind === 'draft').map((m) => [m.id, store.drafts.get(m.id)]));
      const out: OrphanMark[] = [];
      for (const m of marks) {
        const h = latest.get(m.id);
        const fromId = h && h.fromVersionId !== versionId ? h.fromVersionId : null;
        const first = m.targets[0];
        let oldPath = '';
        let nearBlockId: string | null = null;
        if (fromId && first) {
          oldPath = blocks(fromId).byId.get(first.blockId)?.path ?? '';
          nearBlockId = nearestNew(await diffs(fromId, versionId), first.blockId);
        }
        const a = annotations.get(m.id);
        const d = drafts.get(m.id);
        const label = a ? a.note : d ? viewOf(store, blocks, d).label : '';
        out.push({
          id: m.id,
          kind: m.kind,
          color: a?.color ?? d?.kind ?? '',
          label,
          oldExact: joinExact(m.targets),
          oldPath,
          fromVersionId: fromId,
          fromLabel: fromId ? (labels.get(fromId) ?? '') : '',
          carriedAt: h?.carriedAt ?? null,
          nearBlockId,
        });
      }
      return out;
    },

    'versions.adoption': async ({ fromVersionId, toVersionId }) => {
      if (fromVersionId === toVersionId) throw new ReviewDeskError('versions/same', '请选择两个不同的版本。');
      const pair = await diffs(fromVersionId, toVersionId);
      const { reportId } = store.reports.getVersionInfo(fromVersionId);
      const newById = new Map(pair.newBlocks.map((b) => [b.id, b]));
      const amendments = store.drafts.listByReport(reportId).filter((d) => d.kind === 'amendment');
      const history = store.revisions.latestFrom(fromVersionId, amendments.map((d) => d.id));
      const rows = [];
      for (const d of amendments) {
        // The paragraph the amendment was made on, in the old version.
        const oldTarget = d.versionId === fromVersionId ? d.targets[0] : history.get(d.id)?.targets[0];
        let newBlockIds: string[] = [];
        if (oldTarget) newBlockIds = alignedNew(pair, oldTarget.blockId);
        else if (d.versionId === toVersionId && d.targets[0] && d.anchorStatus !== 'orphaned') newBlockIds = [d.targets[0].blockId];
        else if (d.versionId !== fromVersionId && d.versionId !== toVersionId) continue; // about other versions
        const f = d.fields as unknown as Partial<AmendmentFields>;
        const amendment = { op: f.op ?? 'modify', original: f.original ?? '', proposed: f.proposed ?? '' };
        const aligned = newBlockIds.map((id) => newById.get(id)?.text ?? '').join('');
        // A paragraph that is gone: look through the whole new version (a deletion is then adopted).
        const hint = adoptionHint(amendment, pair.newBlocks, newBlockIds.length ? aligned : undefined);
        const view = viewOf(store, blocks, d);
        rows.push({ ...hint, draftId: d.id, label: view.label, wording: view.wording, op: amendment.op, oldBlockId: oldTarget?.blockId ?? null, newBlockIds, hint: true as const });
      }
      return rows;
    },

    'versions.history': ({ versionId }) => {
      const info = store.reports.getVersionInfo(versionId);
      const empty = () => Object.fromEntries(STATUSES.map((k) => [k, 0])) as Record<AnchorStatus, number>;
      const events: VersionEvent[] = [
        { kind: 'imported', at: info.importedAt, sourceName: info.sourceName, otherVersionId: null, otherLabel: '', counts: empty(), marks: [] },
      ];
      // One carry (or re-attachment) is one transaction: its entries share both versions and the time.
      const steps = new Map<string, VersionEvent>();
      for (const h of store.revisions.historyOfVersion(versionId)) {
        const kind: VersionEvent['kind'] = h.fromVersionId === h.toVersionId ? 'reattached' : h.toVersionId === versionId ? 'carried-in' : 'carried-out';
        const key = `${kind}|${h.fromVersionId}|${h.toVersionId}|${h.carriedAt}`;
        let e = steps.get(key);
        if (!e) {
          const other = kind === 'carried-in' ? h.fromVersionId : kind === 'carried-out' ? h.toVersionId : null;
          e = { kind, at: h.carriedAt, sourceName: '', otherVersionId: other, otherLabel: other ? labelOf(other) : '', counts: empty(), marks: [] };
          steps.set(key, e);
          events.push(e);
        }
        if (h.outcome !== 'reattached') e.counts[h.outcome]++;
        const now = store.revisions.current(h.kind, h.markId);
        const mark: VersionEventMark = {
          id: h.markId,
          kind: h.kind,
          outcome: h.outcome,
          ...describeMark(h.kind, h.markId),
          oldExact: joinExact(h.targets),
          newExact: h.outcome === 'orphaned' ? '' : textAfter(h, h.toVersionId),
          deleted: now?.deleted ?? true,
        };
        e.marks.push(mark);
      }
      return events.sort((a, b) => b.at.localeCompare(a.at) || (a.kind === 'imported' ? 1 : b.kind === 'imported' ? -1 : 0));
    },

    'annotations.reattach': ({ id, targets }) => {
      reattach('annotation', id, targets);
      return store.annotations.get(id);
    },

    'drafts.reattach': ({ id, targets }) => {
      reattach('draft', id, targets);
      return viewOf(store, blocks, store.drafts.get(id));
    },
  };
}
