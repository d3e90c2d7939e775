/** Library and annotation records as the app sees them (the store maps rows to these). */
import type { Block, Repair, Artifact } from './report/types';
import type { TextTarget, AnchorStatus } from './anchor/types';
import type { Color } from './common/vocabulary';

export interface Report {
  id: string;
  title: string;
  kind: string;
  year: number | null;
  region: string | null;
  createdAt: string;
  versions: VersionInfo[];
}

export interface VersionMeta {
  date: string | null;
  speaker: string | null;
  sourceEncoding: string;
  sourceFormat: string;
  repairs: Repair[];
  artifacts: Artifact[];
  blockCount: number;
  /** Version this one was imported as the successor of (for revisions). */
  previousVersionId?: string | null;
  /** Set on a version retired because a re-parse (a repair undone or made again) replaced it. */
  replacedBy?: string;
}

export interface VersionInfo {
  id: string;
  reportId: string;
  label: string;
  ord: number;
  importedAt: string;
  sourceName: string;
  sourceSha256: string;
  sourceSize: number;
  meta: VersionMeta;
}

export interface ReportVersion {
  report: Omit<Report, 'versions'>;
  version: VersionInfo;
  blocks: Block[];
}

export type AnnotationTarget = TextTarget & { path?: string };

/** Where a mark sits and what it quotes, without the quote's context (the reader has the text). */
export type TargetPosition = Pick<TextTarget, 'blockId' | 'start' | 'end' | 'exact'>;

/**
 * An annotation as listed for the reader. The prefix/suffix context (for re-anchoring) stays in
 * the database: the reader never needs it, and thousands of marks travel a third lighter.
 */
export type AnnotationListItem = Omit<Annotation, 'targets'> & { targets: TargetPosition[] };

export interface Annotation {
  id: string;
  reportId: string;
  versionId: string;
  color: Color;
  note: string;
  author: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  targets: AnnotationTarget[];
}

export interface SearchHit {
  kind: 'block' | 'note' | 'draft';
  /** block id, annotation id or draft id */
  ref: string;
  /** for note/draft hits: the block their first target points into */
  blockId: string | null;
  path: string;
  /** text around the match; `highlights` are [start, end) offsets into it */
  snippet: string;
  highlights: [number, number][];
}
