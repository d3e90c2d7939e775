/**
 * The orphans of a version as the user goes looking for them: each with the text it was made
 * on, where that text stood, the version it came from and the paragraph standing in its place now.
 */
import type { MarkKind } from '../common/vocabulary';
import type { Store } from '../store';
import { joinExact, type DescribeDraft, type VersionBlocks, type VersionPairs } from './views';

/** An orphaned mark of a version: its old text, so the user can find where it went. */
export interface OrphanMark {
  id: string;
  kind: MarkKind;
  /** annotation colour, or the draft kind */
  color: string;
  /** the note or the draft's one-line name */
  label: string;
  /** the text it was made on */
  oldExact: string;
  oldPath: string;
  /** the version that text is from, and when it was carried */
  fromVersionId: string | null;
  fromLabel: string;
  carriedAt: string | null;
  /** the block of the current version standing where the old text stood (to scroll there) */
  nearBlockId: string | null;
}

export interface OrphanDeps {
  blocks: VersionBlocks;
  pairs: VersionPairs;
  describeDraft: DescribeDraft;
}

export async function orphansOf(store: Store, versionId: string, deps: OrphanDeps): Promise<OrphanMark[]> {
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
      oldPath = deps.blocks(fromId).byId.get(first.blockId)?.path ?? '';
      nearBlockId = (await deps.pairs(fromId, versionId)).nearestNew(first.blockId);
    }
    const a = annotations.get(m.id);
    const d = drafts.get(m.id);
    const label = a ? a.note : d ? deps.describeDraft(d).label : '';
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
}
