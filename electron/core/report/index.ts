/**
 * Report engine: a report file becomes a ParsedReport — repaired text in blocks with stable ids,
 * structure, citation paths and sentences. Pipeline: read (txt/md/docx/html) → repair → structure →
 * ids. Every user-facing failure is a ReviewDeskError with a Chinese message.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ReviewDeskError } from '../errors';
import { decodeText, encodingLabel } from './decode';
import { readDocx } from './docx';
import { looksLikeHtml, readHtml } from './html';
import { assignIds } from './ids';
import { extractReportInfo } from './info';
import { assertNotEmpty, assertSize, assertTextLike, sniffMagic } from './limits';
import { readMarkdown } from './markdown';
import { repairLines } from './repair';
import { splitPlainText, type SourceLine } from './source';
import { buildStructure } from './structure';
import type { ParsedReport, Repair } from './types';

export type { Artifact, Block, BlockKind, ParsedReport, Repair } from './types';
export { reportOutline, summarizeOutline, type OutlinePart, type OutlineSection, type OutlineSummary } from './outline';
export { splitSentences, sentenceEnds } from './sentences';
export { quoteLead } from './citation';

type Format = ParsedReport['sourceFormat'];

function parseLines(lines: SourceLine[], format: Format, encoding: string, extraRepairs: Repair[]): ParsedReport {
  const repaired = repairLines(lines, { plainText: format !== 'docx' });
  const drafts = buildStructure(repaired.lines);
  if (drafts.length === 0) {
    throw new ReviewDeskError('import/no-paragraphs', '文件里没有找到正文段落（只有空白或排版残留），无法作为报告导入。');
  }
  const blocks = assignIds(drafts);
  const info = extractReportInfo(drafts);
  return {
    ...info,
    blocks,
    artifacts: repaired.artifacts,
    repairs: [...extraRepairs, ...repaired.repairs],
    sourceEncoding: encoding,
    sourceFormat: format,
  };
}

/** Decoded text → lines, by format; a web page saved under a .txt name is read as HTML. */
function textLines(text: string, format: Exclude<Format, 'docx'>): { lines: SourceLine[]; format: Format } {
  if (format === 'md') return { lines: readMarkdown(text), format };
  if (format === 'html' || looksLikeHtml(text)) return { lines: readHtml(text), format: 'html' };
  return { lines: splitPlainText(text), format };
}

/** Parse already-decoded report text (txt/md/html content). Throws ReviewDeskError when it has no paragraphs. */
export function parseReportText(text: string, opts: { format?: 'txt' | 'md' | 'html' } = {}): ParsedReport {
  const read = textLines(text, opts.format ?? 'txt');
  return parseLines(read.lines, read.format, 'utf-8', []);
}

const EXTENSIONS: Record<string, Format> = { txt: 'txt', text: 'txt', md: 'md', markdown: 'md', docx: 'docx', html: 'html', htm: 'html', xhtml: 'html' };

function formatFor(bytes: Uint8Array, fileName: string): Format {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  // an extension from a file name is outside input: "x.constructor" must not find Object's own
  if (Object.hasOwn(EXTENSIONS, ext)) return EXTENSIONS[ext];
  if (ext === '') return sniffMagic(bytes) === 'zip' ? 'docx' : 'txt';
  if (ext === 'doc' || ext === 'wps') {
    throw new ReviewDeskError('import/unsupported', `不支持旧版 Word（.${ext}）文件。请在 Word 或 WPS 中另存为 .docx 后再导入。`);
  }
  throw new ReviewDeskError('import/unsupported', `不支持 .${ext} 格式的文件。请导入 .txt、.md、.docx 或 .html 格式的报告。`);
}

/** Decode and parse a report file's bytes (.txt/.md/.docx/.html). Throws ReviewDeskError on bad input. */
export function importReportBytes(bytes: Uint8Array, fileName: string): ParsedReport {
  assertNotEmpty(bytes);
  assertSize(bytes.length);
  const format = formatFor(bytes, fileName);
  if (format === 'docx') return parseLines(readDocx(bytes), 'docx', 'docx', []);
  assertTextLike(bytes);
  const decoded = decodeText(bytes);
  const repairs: Repair[] = [];
  if (decoded.encoding !== 'utf-8') {
    repairs.push({ kind: 'encoding-detected', text: decoded.encoding, message: `已自动识别文件编码为 ${encodingLabel(decoded.encoding)}` });
  }
  const read = textLines(decoded.text, format);
  return parseLines(read.lines, read.format, decoded.encoding, repairs);
}

/** Read and import a report file from disk, refusing oversized files before reading them. */
export function importReportFile(path: string): ParsedReport {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new ReviewDeskError('import/not-found', `找不到文件或无法读取：${basename(path)}`);
  }
  assertSize(size);
  return importReportBytes(readFileSync(path), basename(path));
}
