/**
 * .docx → SourceLines. We read word/document.xml ourselves (the `docx` package writes, it does not
 * read): paragraphs w:p, runs w:r with w:t / w:tab / w:br, and bold (run, character style or
 * paragraph style) because many reports mark headings and lead sentences only in bold.
 */
import { ReviewDeskError } from '../errors';
import { guardedUnzip } from '../zip/guardedUnzip';
import { MAX_INFLATED_BYTES, sniffMagic } from './limits';
import { lineFromSegments, type SourceLine } from './source';

const WANTED = new Set(['word/document.xml', 'word/styles.xml']);

function zipBomb(): ReviewDeskError {
  return new ReviewDeskError('import/zip-bomb', '这个 Word 文件解压后体积异常巨大（超过 50 MB），可能是恶意构造的压缩包，已拒绝导入。');
}

function invalidDocx(detail = ''): ReviewDeskError {
  return new ReviewDeskError('import/docx-invalid', `文件不是有效的 Word（.docx）文档${detail}，无法读取。请在 Word 或 WPS 中另存为 .docx 后再导入。`);
}

/** Unzip only the parts we need, refusing archives whose declared or actual size is absurd. */
function readParts(bytes: Uint8Array): Map<string, Uint8Array> {
  return guardedUnzip(bytes, {
    wanted: (name) => WANTED.has(name),
    maxBytes: MAX_INFLATED_BYTES,
    tooLarge: zipBomb,
    corrupt: () => invalidDocx('（压缩数据已损坏）'),
  }).files;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : null;
}

/** <w:b/> is on; w:val="0|false|off|none" turns it off. */
function onOff(attrs: string): boolean {
  const v = attr(attrs, 'w:val');
  return v === null || !/^(0|false|off|none)$/i.test(v);
}

interface StyleInfo {
  bold?: boolean;
  basedOn?: string;
  headingLevel?: number;
}

/** Simple reading of styles.xml: bold and heading level per style id, following basedOn. */
function readStyles(xml: string | undefined): { styles: Map<string, StyleInfo>; defaultParagraph: string | null } {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraph: string | null = null;
  if (!xml) return { styles, defaultParagraph };
  const re = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
  for (let m: RegExpExecArray | null; (m = re.exec(xml));) {
    const id = attr(m[1], 'w:styleId');
    if (!id) continue;
    const body = m[2];
    const info: StyleInfo = {};
    if (attr(m[1], 'w:type') === 'paragraph' && attr(m[1], 'w:default') === '1') defaultParagraph = id;
    const based = /<w:basedOn\s+w:val="([^"]*)"/.exec(body);
    if (based) info.basedOn = based[1];
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body);
    const b = rPr && /<w:b(\s[^>]*)?\/>/.exec(rPr[1]);
    if (b) info.bold = onOff(b[1] ?? '');
    const name = /<w:name\s+w:val="([^"]*)"/.exec(body)?.[1] ?? '';
    const h = /^(?:heading|标题)\s*(\d)$/i.exec(name.trim());
    const outline = /<w:outlineLvl\s+w:val="(\d)"/.exec(body);
    if (h) info.headingLevel = Number(h[1]);
    else if (outline && Number(outline[1]) < 9) info.headingLevel = Number(outline[1]) + 1;
    else if (/^(title|标题)$/i.test(name.trim())) info.headingLevel = 0;
    styles.set(id, info);
  }
  return { styles, defaultParagraph };
}

function styleProp<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | null, key: K): StyleInfo[K] | undefined {
  for (let depth = 0; id && depth < 10; depth++) {
    const s = styles.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn ?? null;
  }
  return undefined;
}

interface Run {
  text: string;
  bold?: boolean;
  style: string | null;
}

/** Walk document.xml tag by tag; w:p may nest (text boxes), so keep a stack. */
function readParagraphs(xml: string, styleXml: string | undefined): SourceLine[] {
  const { styles, defaultParagraph } = readStyles(styleXml);
  const lines: SourceLine[] = [];
  interface Para {
    segments: { text: string; bold: boolean }[];
    style: string | null;
    outline?: number;
  }
  const stack: Para[] = [];
  let para: Para | null = null;
  let run: Run | null = null;
  let inPPr = false;
  let inRPr = false;
  let inText = false;
  let skipDepth = 0; // inside mc:Fallback (duplicate of mc:Choice content)
  let paraCount = 0;

  const flushRun = () => {
    if (!para || !run) return;
    const bold = run.bold ?? styleProp(styles, run.style, 'bold') ?? styleProp(styles, para.style ?? defaultParagraph, 'bold') ?? false;
    para.segments.push({ text: run.text, bold });
  };
  // Tables: each row becomes one line, cells separated by tabs (as a table pasted as text), so
  // rows are neither joined into one paragraph nor split into a line per cell. Nested tables
  // fold into the outer cell.
  let tableDepth = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  const flushPara = () => {
    if (!para) return;
    paraCount++;
    if (cell !== null) {
      cell.push(
        para.segments
          .map((seg) => seg.text)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      return;
    }
    const level = para.outline ?? styleProp(styles, para.style, 'headingLevel');
    // A soft line break inside a paragraph separates lines as in a text file.
    let current: { text: string; bold: boolean }[] = [];
    const emit = () => {
      lines.push(lineFromSegments(current, paraCount, level));
      current = [];
    };
    for (const seg of para.segments) {
      const pieces = seg.text.split('\n');
      pieces.forEach((piece, i) => {
        if (i > 0) emit();
        if (piece) current.push({ text: piece, bold: seg.bold });
      });
    }
    emit();
  };

  const re = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m: RegExpExecArray | null; (m = re.exec(xml));) {
    if (m[5] !== undefined) {
      if (inText && run && !skipDepth) run.text += decodeXml(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2];
    const attrs = m[3];
    const selfClosing = m[4] === '/';
    if (tag === 'mc:Fallback') {
      if (!selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth) continue;
    switch (tag) {
      case 'w:tbl':
        if (!selfClosing) tableDepth = Math.max(0, tableDepth + (closing ? -1 : 1));
        break;
      case 'w:tr':
        if (selfClosing || tableDepth !== 1) break;
        if (!closing) row = [];
        else if (row) {
          const text = row.join('\t').replace(/\t+$/, '');
          paraCount++;
          lines.push({ text, line: paraCount, tableRow: true });
          row = null;
        }
        break;
      case 'w:tc':
        if (selfClosing || tableDepth !== 1 || !row) break;
        if (!closing) cell = [];
        else if (cell) {
          row.push(cell.filter(Boolean).join(' '));
          cell = null;
        }
        break;
      case 'w:p':
        if (selfClosing) {
          paraCount++;
          lines.push({ text: '', line: paraCount });
        } else if (!closing) {
          if (para) stack.push(para);
          para = { segments: [], style: null };
        } else {
          flushPara();
          para = stack.pop() ?? null;
        }
        break;
      case 'w:pPr':
        if (!selfClosing) inPPr = !closing;
        break;
      case 'w:pStyle':
        if (para && inPPr) para.style = attr(attrs, 'w:val');
        break;
      case 'w:outlineLvl':
        if (para && inPPr) {
          const v = Number(attr(attrs, 'w:val'));
          if (v >= 0 && v < 9) para.outline = v + 1;
        }
        break;
      case 'w:r':
        if (selfClosing) break;
        if (!closing) run = { text: '', style: null };
        else {
          flushRun();
          run = null;
        }
        break;
      case 'w:rPr':
        if (!selfClosing) inRPr = !closing;
        break;
      case 'w:b':
        if (run && inRPr && !inPPr) run.bold = onOff(attrs);
        break;
      case 'w:rStyle':
        if (run && inRPr) run.style = attr(attrs, 'w:val');
        break;
      case 'w:t':
        if (!selfClosing) inText = !closing;
        break;
      case 'w:tab':
        if (run && !inPPr && !inRPr) run.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (run && !inRPr) run.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (run) run.text += '-';
        break;
    }
  }
  return lines;
}

/** Read a .docx file's paragraphs. Throws ReviewDeskError for encrypted, broken or bomb files. */
export function readDocx(bytes: Uint8Array): SourceLine[] {
  const magic = sniffMagic(bytes);
  if (magic === 'ole') {
    throw new ReviewDeskError(
      'import/docx-encrypted',
      '这个 Word 文件已加密（设置了打开密码），或是旧版 .doc 格式。请在 Word 或 WPS 中取消密码、另存为 .docx 后再导入。',
    );
  }
  if (magic !== 'zip') throw invalidDocx('（不是 zip 格式）');
  const parts = readParts(bytes);
  const document = parts.get('word/document.xml');
  if (!document) throw invalidDocx('（缺少正文 word/document.xml）');
  const decoder = new TextDecoder('utf-8');
  const styles = parts.get('word/styles.xml');
  return readParagraphs(decoder.decode(document), styles ? decoder.decode(styles) : undefined);
}
