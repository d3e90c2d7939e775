import { z } from 'zod';
import type { Annotation, VersionInfo } from '../../core/model';
import type { AnchorStatus } from '../../core/anchor/types';
import type { DiffOp, DiffStats, PairKind } from '../../core/anchor';
import type { AdoptionHint, AmendmentText } from '../../core/anchor/adoption';
import type { DraftView } from './drafts';
import { Target, Uuid, method } from './define';

export type MarkKind = 'annotation' | 'draft';
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

export interface CarryResult {
  fromVersionId: string;
  toVersionId: string;
  marks: CarriedMark[];
  counts: Record<AnchorStatus, number>;
  /** marks that were no longer on the old version (already carried): nothing done for them */
  skipped: number;
}

/** Marks per version of the report a version belongs to (for the 带过来 offer). */
export interface VersionMarks {
  versionId: string;
  label: string;
  ord: number;
  annotations: number;
  drafts: number;
  orphaned: number;
}

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

/** Whether the new version took up an amendment: a textual HINT, never a verdict. */
export interface AdoptionRow extends AdoptionHint {
  draftId: string;
  label: string;
  wording: string;
  op: AmendmentText['op'];
  /** the paragraph the amendment was made on, old version; null when unknown */
  oldBlockId: string | null;
  /** the paragraph(s) it became in the new version */
  newBlockIds: string[];
  hint: true;
}

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

/** A step in a version's history (版本记录), as the user would tell it. */
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
  'annotations.reattach': method<Annotation>()(Reattach),
  'drafts.reattach': method<DraftView>()(Reattach),
};
