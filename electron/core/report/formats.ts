/**
 * The file formats a report can be imported from (txt, md, docx, html, pdf), one entry each — registered like the
 * proofreading rules. An entry names its extensions and reads the file into SourceLines; the
 * pipeline after that (repair → structure → ids) is the same for every format. Adding a format
 * is one entry here plus its reader module and a test; importReportBytes does not change.
 *
 * Every reader is a linear-time parser of hostile input (see DESIGN.md), and it runs in the job
 * worker, never on the main thread.
 */
import { SOURCE_EXTENSIONS, type SourceFormat } from '../common/vocabulary';
import { ReviewDeskError } from '../errors';
import { readDocx } from './docx';
import { looksLikeHtml, readHtml } from './html';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';
import { splitPlainText, type SourceLine } from './source';
import type { Artifact, Repair } from './types';

interface FormatBase {
  id: SourceFormat;
  /** lower-case, without the dot; the first one is the one the user is told about */
  extensions: readonly string[];
  /** Line breaks and spaces inside paragraphs are the text's own (txt/md/html), not a layout's (docx). */
  plainText: boolean;
}

/** A format whose bytes are text in some encoding: the importer decodes, the reader parses. */
export interface TextFormat extends FormatBase {
  encoding: 'text';
  read(text: string): SourceLine[];
  /** Content that is really another format whatever its name says (a web page saved as .txt). */
  contentIs?(text: string): SourceFormat | null;
}

/** What an asynchronous reader found: the lines, and what it removed on the way (page furniture). */
export interface BinaryReading {
  lines: SourceLine[];
  repairs: Repair[];
  artifacts: Artifact[];
}

/** A container format read from its bytes (a zip, a PDF). */
export interface BinaryFormat extends FormatBase {
  encoding: 'binary';
  read(bytes: Uint8Array): SourceLine[];
  /**
   * A reader that can only work asynchronously (pdfjs). When present, only importReportBytesAsync
   * reads the format; `read` then refuses.
   */
  readAsync?(bytes: Uint8Array): Promise<BinaryReading>;
}

export type ImportFormat = TextFormat | BinaryFormat;
export type FormatRegistry = { readonly [F in SourceFormat]: ImportFormat & { id: F } };

export const IMPORT_FORMATS = {
  txt: {
    id: 'txt',
    extensions: SOURCE_EXTENSIONS.txt,
    plainText: true,
    encoding: 'text',
    read: splitPlainText,
    contentIs: (text) => (looksLikeHtml(text) ? 'html' : null),
  },
  md: { id: 'md', extensions: SOURCE_EXTENSIONS.md, plainText: true, encoding: 'text', read: readMarkdown },
  docx: { id: 'docx', extensions: SOURCE_EXTENSIONS.docx, plainText: false, encoding: 'binary', read: readDocx },
  html: { id: 'html', extensions: SOURCE_EXTENSIONS.html, plainText: true, encoding: 'text', read: readHtml },
  // Lines are paragraphs already joined by their geometry, like Word's: no hard wraps left.
  pdf: { id: 'pdf', extensions: SOURCE_EXTENSIONS.pdf, plainText: false, encoding: 'binary', read: asyncOnly('pdf'), readAsync: readPdf },
} as const satisfies FormatRegistry;

/** `read` of a format that has only an asynchronous reader: a caller that forgot the async path. */
function asyncOnly(id: SourceFormat): (bytes: Uint8Array) => SourceLine[] {
  return () => {
    throw new ReviewDeskError('import/unsupported', `.${id} 文件只能异步读取：请改用 importReportBytesAsync / importReportFileAsync。`);
  };
}

/** The registered format for a file name's extension, if any (an own property only: names come from outside). */
export function formatByExtension(registry: FormatRegistry, ext: string): ImportFormat | undefined {
  return Object.values(registry).find((f: ImportFormat) => f.extensions.includes(ext));
}

/** “.txt、.md、.docx 或 .html”: what the user may import, for messages. */
export function acceptedExtensions(registry: FormatRegistry): string {
  const names = Object.values(registry).map((f: ImportFormat) => `.${f.extensions[0]}`);
  return names.length > 1 ? `${names.slice(0, -1).join('、')} 或 ${names[names.length - 1]}` : (names[0] ?? '');
}
