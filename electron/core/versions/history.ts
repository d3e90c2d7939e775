/**
 * 版本记录: a version's import, the carries into and out of it and the re-attachments by hand,
 * each with what became of every mark, as the user would tell it. Newest first.
 */
import type { AnchorStatus } from '../anchor';
import type { MarkKind } from '../common/vocabulary';
import type { Store } from '../store';
import type { HistoryEntry } from '../store/revisions';
import { emptyCounts } from './carry';
import { joinExact, type DescribeDraft } from './views';

/** One mark in a step of a version's history: the text before and after it. */
export interface VersionEventMark {
  id: string;
  kind: MarkKind;
  /** how the carry went for it, or `reattached` (moved by hand) */
  outcome: AnchorStatus | 'reattached';
  /** annotation colour, or the draft kind */
  color: string;
  /** the note, or the draft's one-line name */
  label: string;
  /** the text before the step, and after it ('' for an orphan) */
  oldExact: string;
  newExact: string;
  /** deleted by the user since */
  deleted: boolean;
}

/** A step in a version's history (版本记录). */
export interface VersionEvent {
  kind: 'imported' | 'carried-in' | 'carried-out' | 'reattached';
  at: string;
  /** imported: the file it came from */
  sourceName: string;
  /** carried-in: the version the marks came from; carried-out: where they went */
  otherVersionId: string | null;
  otherLabel: string;
  /** carries: marks per outcome */
  counts: Record<AnchorStatus, number>;
  marks: VersionEventMark[];
}

/** A mark's colour (or draft kind) and its one-line name, deleted or not. */
function describeMark(store: Store, describeDraft: DescribeDraft, kind: MarkKind, id: string): { color: string; label: string } {
  try {
    if (kind === 'annotation') {
      const a = store.annotations.get(id, { includeDeleted: true });
      return { color: a.color, label: a.note };
    }
    const d = store.drafts.get(id, { includeDeleted: true });
    return { color: d.kind, label: describeDraft(d).label };
  } catch {
    return { color: '', label: '' }; // a mark gone for good (an exchange bundle's purge): its text still tells
  }
}

/** A version's label, in the trash or not. */
function labelOf(store: Store, versionId: string): string {
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
function textAfter(store: Store, entry: HistoryEntry, versionId: string): string {
  const steps = store.revisions.history(entry.markId);
  const at = steps.findIndex((h) => h.carriedAt === entry.carriedAt && h.fromVersionId === entry.fromVersionId && h.toVersionId === entry.toVersionId);
  const next = steps.slice(at + 1).find((h) => h.fromVersionId === versionId);
  if (next) return joinExact(next.targets);
  const now = store.revisions.current(entry.kind, entry.markId);
  return now && now.versionId === versionId && now.anchorStatus !== 'orphaned' ? joinExact(now.targets) : '';
}

export function versionHistory(store: Store, versionId: string, describeDraft: DescribeDraft): VersionEvent[] {
  const info = store.reports.getVersionInfo(versionId);
  const events: VersionEvent[] = [
    { kind: 'imported', at: info.importedAt, sourceName: info.sourceName, otherVersionId: null, otherLabel: '', counts: emptyCounts(), marks: [] },
  ];
  // One carry (or re-attachment) is one transaction: its entries share both versions and the time.
  const steps = new Map<string, VersionEvent>();
  for (const h of store.revisions.historyOfVersion(versionId)) {
    const kind: VersionEvent['kind'] = h.fromVersionId === h.toVersionId ? 'reattached' : h.toVersionId === versionId ? 'carried-in' : 'carried-out';
    const key = `${kind}|${h.fromVersionId}|${h.toVersionId}|${h.carriedAt}`;
    let e = steps.get(key);
    if (!e) {
      const other = kind === 'carried-in' ? h.fromVersionId : kind === 'carried-out' ? h.toVersionId : null;
      e = { kind, at: h.carriedAt, sourceName: '', otherVersionId: other, otherLabel: other ? labelOf(store, other) : '', counts: emptyCounts(), marks: [] };
      steps.set(key, e);
      events.push(e);
    }
    if (h.outcome !== 'reattached') e.counts[h.outcome]++;
    const now = store.revisions.current(h.kind, h.markId);
    e.marks.push({
      id: h.markId,
      kind: h.kind,
      outcome: h.outcome,
      ...describeMark(store, describeDraft, h.kind, h.markId),
      oldExact: joinExact(h.targets),
      newExact: h.outcome === 'orphaned' ? '' : textAfter(store, h, h.toVersionId),
      deleted: now?.deleted ?? true,
    });
  }
  return events.sort((a, b) => b.at.localeCompare(a.at) || (a.kind === 'imported' ? 1 : b.kind === 'imported' ? -1 : 0));
}
