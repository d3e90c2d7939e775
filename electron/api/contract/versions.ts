import { z } from 'zod';
import type { Annotation, VersionInfo } from '../../core/model';
import type { AnchorStatus } from '../../core/anchor/types';
import type { DiffOp, DiffStats, PairKind } from '../../core/anchor';
import type { DraftView } from './drafts';
import { REPAIR_KEY, type MarkKind } from '../../core/common/vocabulary';
import { Target, Uuid, method } from './define';
import type { AdoptionRow, CarriedMark, CarrySummary, OrphanMark, RepairChange, VersionEvent, VersionEventMark, VersionMarks } from '../../core/versions';

export type { AdoptionRow, CarriedMark, OrphanMark, RepairChange, VersionEvent, VersionEventMark, VersionMarks };
export type CarryResult = CarrySummary;

export type { MarkKind };
export type { AnchorStatus, DiffOp, PairKind };

/** One row of the compare view: a paragraph, or the group of a split / join, in new-version order. */
export interface CompareRow {
  kind: PairKind;
  /** out of order relative to its neighbours (a paragraph moved to another place) */
  moved: boolean;
  /** 0..1, 1 = same text */
  similarity: number;
  oldIds: string[];
  newIds: string[];
  /** the old / new block texts of the row (several for a split or join) */
  oldTexts: string[];
  newTexts: string[];
  /** citation paths (first block of each side), e.g. 第二部分（一）“着力扩大有效投资”段 */
  oldPath: string;
  newPath: string;
  /** a heading row (part / section / title): shown in bold */
  heading: boolean;
  /** character diff of the old text(s) against the new; empty for unchanged rows */
  ops: DiffOp[];
  /** differs only in punctuation width, quotes or spacing (格式) */
  formatOnly: boolean;
  /** position among the rows that change content (for 上一处/下一处); null for unchanged and format-only rows */
  change: number | null;
  /** the user's marks on these paragraphs, either version */
  marks: { annotations: number; drafts: number };
}

export interface CompareResult {
  reportId: string;
  oldVersion: VersionInfo;
  newVersion: VersionInfo;
  rows: CompareRow[];
  stats: DiffStats;
  /** rows that change content */
  changes: number;
  /** rows that change only in form */
  formatOnly: number;
}

const Pair = z.strictObject({ oldVersionId: Uuid, newVersionId: Uuid });
const Carry = z.strictObject({ fromVersionId: Uuid, toVersionId: Uuid });
const Reattach = z.strictObject({ id: Uuid, targets: z.array(Target).min(1).max(500) });

export const versionContract = {
  'versions.compare': method<CompareResult>()(Pair),
  'versions.carry': method<CarryResult>()(Carry),
  'versions.marks': method<VersionMarks[]>()(z.strictObject({ versionId: Uuid })),
  'versions.orphans': method<OrphanMark[]>()(z.strictObject({ versionId: Uuid })),
  'versions.adoption': method<AdoptionRow[]>()(Carry),
  /** 版本记录: its import, the marks carried into and out of it (with what became of each), re-attachments. Newest first. */
  'versions.history': method<VersionEvent[]>()(z.strictObject({ versionId: Uuid })),
  /**
   * Undo one of the importer's repairs (made: false) or make it again (made: true): the version's
   * file is parsed again and replaces the version (a new id), its marks carried onto it.
   */
  'versions.setRepair': method<RepairChange>()(
    z.strictObject({
      versionId: Uuid,
      key: z.string().max(120).regex(REPAIR_KEY),
      made: z.boolean(),
    }),
  ),
  'annotations.reattach': method<Annotation>()(Reattach),
  'drafts.reattach': method<DraftView>()(Reattach),
};
