/**
 * How many marks sit where: per version of a report (for the 带过来 offer) and per row of a
 * compare view (for the 只看有批注或意见的段落 filter).
 */
import type { MarkKind } from '../common/vocabulary';
import type { Store } from '../store';

/** Marks per version of the report a version belongs to. */
export interface VersionMarks {
  versionId: string;
  label: string;
  ord: number;
  annotations: number;
  drafts: number;
  orphaned: number;
}

export interface MarkTally {
  annotations: number;
  drafts: number;
}

export function marksPerVersion(store: Store, versionId: string): VersionMarks[] {
  const { reportId } = store.reports.getVersionInfo(versionId);
  const versions = store.reports.get(reportId).versions;
  const counts = new Map(store.revisions.markCounts(reportId).map((c) => [c.versionId, c]));
  return versions.map((v) => {
    const c = counts.get(v.id);
    return { versionId: v.id, label: v.label, ord: v.ord, annotations: c?.annotations ?? 0, drafts: c?.drafts ?? 0, orphaned: c?.orphaned ?? 0 };
  });
}

/** Marks on the paragraphs of a compare row, either side of the pair. */
export function markCounter(
  store: Store,
  oldVersionId: string,
  newVersionId: string,
): (row: { oldIds: readonly string[]; newIds: readonly string[] }) => MarkTally {
  const count = new Map<string, MarkTally>();
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
  return (row) => {
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
