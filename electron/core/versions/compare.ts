/**
 * The compare view of two versions: the diff's rows (computed and cached by the caller, in the
 * job worker) with the user's marks on each row, and the counts the toolbar shows.
 */
import type { DiffStats } from '../anchor';
import { ReviewDeskError } from '../errors';
import type { VersionInfo } from '../model';
import type { Store } from '../store';
import { markCounter, type MarkTally } from './marks';

/** What compareVersions needs of a row: its paragraphs on each side and whether it changes. */
export interface DiffRow {
  oldIds: string[];
  newIds: string[];
  formatOnly: boolean;
  change: number | null;
}

export interface VersionComparison<R extends DiffRow> {
  reportId: string;
  oldVersion: VersionInfo;
  newVersion: VersionInfo;
  rows: (R & { marks: MarkTally })[];
  stats: DiffStats;
  /** rows that change content */
  changes: number;
  /** rows that change only in form */
  formatOnly: number;
}

export type DiffOf<R extends DiffRow> = (oldVersionId: string, newVersionId: string) => Promise<{ rows: R[]; diff: { stats: DiffStats } }>;

export async function compareVersions<R extends DiffRow>(
  store: Store,
  oldVersionId: string,
  newVersionId: string,
  diffOf: DiffOf<R>,
): Promise<VersionComparison<R>> {
  if (oldVersionId === newVersionId) throw new ReviewDeskError('versions/same', '请选择两个不同的版本进行对照。');
  const pair = await diffOf(oldVersionId, newVersionId);
  const marks = markCounter(store, oldVersionId, newVersionId);
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
}
