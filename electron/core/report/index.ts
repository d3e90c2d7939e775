/**
 * Report engine: a report file becomes a ParsedReport — repaired text in blocks with stable ids,
 * structure, citation paths and sentences. Pipeline: read (txt/md/docx/html/pdf) → repair → structure →
 * ids. Every user-facing failure is a ReviewDeskError with a Chinese message.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ReviewDeskError } from '../errors';
import { decodeText, encodingLabel } from './decode';
import { acceptedExtensions, formatByExtension, IMPORT_FORMATS, type FormatRegistry, type ImportFormat } from './formats';
import { assignIds } from './ids';
import { extractReportInfo } from './info';
import { assertNotEmpty, assertSize, assertTextLike, sniffMagic } from './limits';
import { repairLines } from './repair';
import type { SourceLine } from './source';
import { buildStructure } from './structure';
import type { Artifact, ParsedReport, Repair } from './types';

export type { Artifact, Block, BlockKind, ParsedReport, Repair } from './types';
export { reportOutline, summarizeOutline, type OutlinePart, type OutlineSection, type OutlineSummary } from './outline';
export { splitSentences, sentenceEnds } from './sentences';
export { quoteLead } from './citation';
export { declinedKeys } from './repair';

export { IMPORT_FORMATS, type FormatRegistry, type ImportFormat } from './formats';

/** How to parse, beyond the file itself. */
export interface ParseOptions {
  /** Keys of repairs the user undid (Repair.key): this parse lists them as declined and leaves the text as the file has it. */
  declined?: readonly string[];
}

function parseLines(
  lines: SourceLine[],
  format: ImportFormat,
  encoding: string,
  extraRepairs: Repair[],
  extraArtifacts: Artifact[],
  opts: ParseOptions,
): ParsedReport {
  const repaired = repairLines(lines, { plainText: format.plainText, declined: opts.declined });
  const drafts = buildStructure(repaired.lines);
  if (drafts.length === 0) {
    throw new ReviewDeskError('import/no-paragraphs', '文件里没有找到正文段落（只有空白或排版残留），无法作为报告导入。');
  }
  const blocks = assignIds(drafts);
  const info = extractReportInfo(drafts);
  return {
    ...info,
    blocks,
    artifacts: [...extraArtifacts, ...repaired.artifacts],
    repairs: [...extraRepairs, ...repaired.repairs],
    sourceEncoding: encoding,
    sourceFormat: format.id,
  };
}

/** Decoded text → lines by its format; content that is really another format is read as that. */
function parseText(
  text: string,
  named: ImportFormat & { encoding: 'text' },
  encoding: string,
  repairs: Repair[],
  registry: FormatRegistry,
  opts: ParseOptions = {},
): ParsedReport {
  const actual = named.contentIs?.(text);
  const format = actual ? registry[actual] : named;
  if (format.encoding !== 'text') throw new ReviewDeskError('import/unsupported', '文件内容与扩展名不符，无法导入。');
  return parseLines(format.read(text), format, encoding, repairs, [], opts);
}

/** Parse already-decoded report text (txt/md/html content). Throws ReviewDeskError when it has no paragraphs. */
export function parseReportText(text: string, opts: { format?: 'txt' | 'md' | 'html' } = {}): ParsedReport {
  return parseText(text, IMPORT_FORMATS[opts.format ?? 'txt'], 'utf-8', [], IMPORT_FORMATS);
}

function formatFor(bytes: Uint8Array, fileName: string, registry: FormatRegistry): ImportFormat {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const known = formatByExtension(registry, ext);
  if (known) return known;
  if (ext === '') {
    const magic = sniffMagic(bytes);
    return magic === 'zip' ? registry.docx : magic === 'pdf' ? registry.pdf : registry.txt;
  }
  if (ext === 'doc' || ext === 'wps') {
    throw new ReviewDeskError('import/unsupported', `不支持旧版 Word（.${ext}）文件。请在 Word 或 WPS 中另存为 .docx 后再导入。`);
  }
  throw new ReviewDeskError('import/unsupported', `不支持 .${ext} 格式的文件。请导入 ${acceptedExtensions(registry)} 格式的报告。`);
}

/**
 * Decode and parse a report file's bytes, in any registered format. Throws ReviewDeskError on bad
 * input. `registry` is for tests that register a format of their own; the app uses the default.
 */
export function importReportBytes(bytes: Uint8Array, fileName: string, registry: FormatRegistry = IMPORT_FORMATS, opts: ParseOptions = {}): ParsedReport {
  assertNotEmpty(bytes);
  assertSize(bytes.length);
  const format = formatFor(bytes, fileName, registry);
  // A format with only an asynchronous reader (PDF) refuses here: its `read` says to use the async path.
  if (format.encoding === 'binary') return parseLines(format.read(bytes), format, format.id, [], [], opts);
  assertTextLike(bytes);
  const decoded = decodeText(bytes);
  const repairs: Repair[] = [];
  if (decoded.encoding !== 'utf-8') {
    repairs.push({ kind: 'encoding-detected', text: decoded.encoding, message: `已自动识别文件编码为 ${encodingLabel(decoded.encoding)}` });
  }
  return parseText(decoded.text, format, decoded.encoding, repairs, registry, opts);
}

/**
 * importReportBytes for every format, PDF included: awaits an asynchronous reader (pdfjs), then
 * runs the same pipeline, so the result is what importReportBytes gives for the other formats.
 * Every place a user's file arrives (the import job, bundles, the CLI) uses this one.
 */
export async function importReportBytesAsync(
  bytes: Uint8Array,
  fileName: string,
  registry: FormatRegistry = IMPORT_FORMATS,
  opts: ParseOptions = {},
): Promise<ParsedReport> {
  assertNotEmpty(bytes);
  assertSize(bytes.length);
  const format = formatFor(bytes, fileName, registry);
  if (format.encoding === 'binary' && format.readAsync) {
    const reading = await format.readAsync(bytes);
    return parseLines(reading.lines, format, format.id, reading.repairs, reading.artifacts, opts);
  }
  return importReportBytes(bytes, fileName, registry, opts);
}

/** Read and import a report file from disk, refusing oversized files before reading them. */
export function importReportFile(path: string): ParsedReport {
  return importReportBytes(readReportFile(path), basename(path));
}

/** importReportFile for every format, PDF included. */
export async function importReportFileAsync(path: string): Promise<ParsedReport> {
  return importReportBytesAsync(readReportFile(path), basename(path));
}

function readReportFile(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new ReviewDeskError('import/not-found', `找不到文件或无法读取：${basename(path)}`);
  }
  assertSize(size);
  return readFileSync(path);
}
