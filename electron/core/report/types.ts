/**
 * The report model every other part of ReviewDesk points into.
 * A report file becomes a ParsedReport: an ordered list of blocks with stable ids.
 * Offsets anywhere in the app are JavaScript string indices into `Block.text`.
 */
import type { SourceFormat } from '../common/vocabulary';

export type BlockKind =
  | 'title' // 政府工作报告
  | 'meta' // date / speaker lines: ——2024年1月X日在…会议上 / 市长 XXX
  | 'salutation' // 各位代表：
  | 'part' // 一、2023年工作回顾
  | 'section' // （一）…  (heading alone, or heading inline with its body: see headingEnd)
  | 'paragraph' // ordinary body paragraph (may start with a lead sentence: see leadEnd)
  | 'item' // ——… items and 一是… enumerations standing as their own paragraph
  | 'closing' // 各位代表，…  closing appeal
  | 'note'; // 名词解释, 注释, 来源 lines and other back matter

export interface Block {
  /** Stable id: same text at the same structural place gives the same id; unique in a version. */
  id: string;
  /** 0-based order in the version. */
  ord: number;
  kind: BlockKind;
  text: string;
  /** Citation path as people cite the report, e.g. 第二部分（一）“着力扩大有效投资”段 */
  path: string;
  /** Outline level: 0 title/meta, 1 part, 2 section, 3 paragraph with a lead sentence, 4 other. */
  level: number;
  /** Part number (1-based, 一、 = 1) the block belongs to, null before the first part. */
  part: number | null;
  /** Section number within the part (（一） = 1), null outside a section. */
  section: number | null;
  /** For a section block: end offset of the heading inside `text` (heading inline with body). 0 if none. */
  headingEnd: number;
  /** End offset of the lead sentence (段首语) inside `text`, 0 if the paragraph has none. */
  leadEnd: number;
  /** Sentence boundaries: end offsets (exclusive) of each sentence in `text`. */
  sentenceEnds: number[];
}

/** Something the importer removed or changed, listed so the reader can trust the repair. */
export interface Repair {
  kind:
    | 'artifact-removed' // continuation marker, page number, print header/footer, duplicated title
    | 'paragraphs-joined' // a page break split a sentence in two
    | 'whitespace-collapsed'
    | 'blank-lines-collapsed'
    | 'encoding-detected'
    | 'other';
  /** The text affected (removed artifact, or the joint `…795|个。…`). */
  text: string;
  /** 1-based line in the decoded source, when known. */
  line?: number;
  /** Chinese description for the UI. */
  message: string;
  /**
   * Names this repair among the file's repairs (stable across re-parses of the same file): a
   * repair with a key can be declined — the file is then parsed again without it.
   */
  key?: string;
  /** The user declined it: not made, listed so it can be made again. */
  declined?: boolean;
}

export interface Artifact {
  kind: 'continuation-marker' | 'page-number' | 'print-header' | 'print-footer' | 'duplicate-title' | 'other';
  text: string;
  line?: number;
}

export interface ParsedReport {
  title: string | null;
  /** e.g. 2024年1月X日 when found in the meta lines */
  date: string | null;
  speaker: string | null;
  /** Region guessed from the title / speaker (咸宁市, 湖北省, 国务院…), null if unknown. */
  region: string | null;
  /** Report year (the year the report is delivered), null if unknown. */
  year: number | null;
  blocks: Block[];
  artifacts: Artifact[];
  repairs: Repair[];
  /** e.g. 'utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-32le', 'docx' */
  sourceEncoding: string;
  /** 'html': a web page saved from a browser (.html/.htm, or HTML content under a .txt name). */
  sourceFormat: SourceFormat;
}
