/**
 * Inputs of the exporters, spelled out so the API layer maps database rows to them and the
 * exporters never see the store. Strings are display-ready (dates as the user should read them).
 */
import type { TextTarget } from '../../anchor/types';
import type { AmendmentOp, ProposalFields, SuggestionFields } from '../types';

/** One row of the 修改意见汇总表. The 修改意见 column is worded from op/original/proposed. */
export interface AmendmentTableRow {
  /** Citation path, e.g. 第二部分（一）“着力扩大有效投资”段 */
  path: string;
  op: AmendmentOp;
  original: string;
  proposed: string;
  reason: string;
  /** 提出人 */
  author: string;
  /** 代表团 or 界别, shown after the name */
  affiliation?: string;
}

export interface AmendmentTableInput {
  reportTitle: string;
  versionLabel?: string;
  rows: AmendmentTableRow[];
  /** e.g. 咸宁代表团 — printed under the title */
  compiledBy?: string;
  date?: string;
}

/** One 审议意见 in a list for the secretariat's briefing. */
export interface OpinionItem {
  path: string;
  /** The passage the opinion is about (optional excerpt). */
  quote?: string;
  content: string;
  author: string;
  delegation: string;
  date: string;
}

export interface OpinionListInput {
  reportTitle: string;
  versionLabel?: string;
  items: OpinionItem[];
  /** A compiled list is a 简报: titled so, dated the day it is compiled. */
  briefing?: { date: string };
}

/** A 代表建议 form: the fields (提出时间 = 会议期间/闭会期间 among them). */
export interface SuggestionDoc extends SuggestionFields {
  date?: string;
}

/** A 政协提案 form: the fields (会议名称 and 提案来源 among them). */
export interface ProposalDoc extends ProposalFields {
  date?: string;
}

/** Several forms of one kind in one file, each starting on its own page. */
export interface FormCollection<Doc> {
  reportTitle: string;
  docs: Doc[];
}

/** One highlight or note in the annotation digest. */
export interface DigestItem {
  quote: string;
  note: string;
  /** Human name of the highlight colour (重点, 疑问…) */
  colorLabel: string;
  tags: string[];
  author: string;
  createdAt: string;
}

export interface DigestSection {
  path: string;
  items: DigestItem[];
}

export interface DigestInput {
  reportTitle: string;
  versionLabel: string;
  sections: DigestSection[];
}

/** An annotation as exported to W3C Web Annotation (and the source of a digest). */
export interface ExportAnnotation {
  /** UUID (the annotation's database id) */
  id: string;
  /** CSS colour or palette name, e.g. #fde68a or yellow */
  color: string;
  colorLabel: string;
  note: string;
  tags: string[];
  author: string;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
  /** One per block the mark covers, in reading order. */
  targets: (TextTarget & { path: string })[];
}

export interface WebAnnotationInput {
  reportId: string;
  versionId: string;
  /** Collection label, e.g. the report title and version */
  label?: string;
  annotations: ExportAnnotation[];
  /**
   * Block text lookup. When given, TextPositionSelector offsets are converted from JavaScript
   * string indices to Unicode code points as the W3C model requires (they differ only for
   * characters outside the BMP, e.g. rare characters in place and person names).
   */
  blockText?: (blockId: string) => string | undefined;
}

/** Columns of the 修改意见汇总表, in every format. */
export const AMENDMENT_TABLE_COLUMNS = ['序号', '位置', '原文', '修改意见', '理由', '提出人'] as const;

/** What a single draft exported on its own needs to know about its report. */
export interface DraftExportContext {
  reportTitle: string;
  versionLabel?: string;
  /** 代表团 / 界别 of the author, for the amendment table */
  affiliation?: string;
}
