/**
 * .docx → SourceLines. We read word/document.xml ourselves (the `docx` package writes, it does not
 * read): paragraphs w:p, runs w:r with w:t / w:tab / w:br, and bold (run, character style or
 * paragraph style) because many reports mark headings and lead sentences only in bold. The XML
 * is streamed through saxes, a SAX parser that runs in time linear in the input whatever it holds.
 */
import { SaxesParser } from 'saxes';
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

/**
 * Messages saxes reports for oddities that do not change the document's structure: control
 * characters some generators leave in text, HTML entities such as &nbsp; (kept as written, as they
 * always were; DOCTYPE declarations are never expanded, so &xxe; stays text too), bad character
 * references, whitespace or an XML declaration out of place. Anything else (unclosed or mismatched
 * tags, broken markup) means the part is not XML, and the file is refused.
 */
const FORGIVEN = new Set([
  'disallowed character.',
  'undefined entity.',
  'malformed character entity.',
  'text data outside of root node.',
  'an XML declaration must be at the start of the document.',
  'the XML declaration must appear at the start of the document.',
]);

type Attrs = Record<string, string>;

interface XmlEvents {
  /** empty: a self-closing element, for which no close() follows. */
  open(name: string, attrs: Attrs, empty: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Word nests elements a few dozen deep (tables in tables, text boxes); thousands of open elements
 * are a crafted file, whose open-element stacks would only fill memory.
 */
const MAX_DEPTH = 1000;

/** Stream a part through saxes (linear, no DTD processing); malformed XML becomes invalidDocx. */
function walkXml(xml: string, part: string, events: XmlEvents): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('error', (err) => {
    if (!FORGIVEN.has(err.message)) throw invalidDocx(`（${part} 不是完整的 XML）`);
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing && ++depth > MAX_DEPTH) throw invalidDocx(`（${part} 的元素嵌套过深）`);
    events.open(tag.name, tag.attributes, tag.isSelfClosing);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth--;
    events.close(tag.name);
  });
  parser.on('text', events.text);
  parser.on('cdata', events.text);
  parser.write(xml).close();
}

/** Bytes of an XML part → string: UTF-8, or UTF-16 when it starts with that byte order mark. */
function decodePart(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

function attr(attrs: Attrs, name: string): string | null {
  return Object.hasOwn(attrs, name) ? attrs[name] : null;
}

/** <w:b/> is on; w:val="0|false|off|none" turns it off. */
function onOff(attrs: Attrs): boolean {
  const v = attr(attrs, 'w:val');
  return v === null || !/^(?:0|false|off|none)$/i.test(v);
}

interface StyleInfo {
  bold?: boolean;
  basedOn?: string;
  headingLevel?: number;
}

/** styles.xml: bold and heading level per style id (followed through basedOn when read). */
function readStyles(xml: string | undefined): { styles: Map<string, StyleInfo>; defaultParagraph: string | null } {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraph: string | null = null;
  if (!xml) return { styles, defaultParagraph };
  // The w:style being read; properties are taken from its own w:name, w:basedOn, w:rPr and w:pPr.
  let style: { id: string | null; info: StyleInfo; name: string; outline?: number } | null = null;
  let depth = 0; // elements open inside the current w:style
  let props: 'rPr' | 'pPr' | null = null;
  const finish = () => {
    if (!style?.id) return;
    const { info, name, outline } = style;
    const h = /^(?:heading|标题)\s*(\d)$/i.exec(name.trim());
    if (h) info.headingLevel = Number(h[1]);
    else if (outline !== undefined) info.headingLevel = outline;
    else if (/^(?:title|标题)$/i.test(name.trim())) info.headingLevel = 0;
    styles.set(style.id, info);
  };
  walkXml(xml, 'word/styles.xml', {
    open(name, attrs, empty) {
      if (!style) {
        if (name !== 'w:style') return;
        const id = attr(attrs, 'w:styleId');
        style = { id, info: {}, name: '' };
        if (id && attr(attrs, 'w:type') === 'paragraph' && /^(?:1|true|on)$/.test(attr(attrs, 'w:default') ?? '')) defaultParagraph = id;
        depth = 0;
        if (empty) {
          finish();
          style = null;
        }
        return;
      }
      if (depth === 0) {
        if (name === 'w:name') style.name = attr(attrs, 'w:val') ?? '';
        else if (name === 'w:basedOn') style.info.basedOn = attr(attrs, 'w:val') ?? undefined;
        else if (name === 'w:rPr' || name === 'w:pPr') props = empty ? null : name === 'w:rPr' ? 'rPr' : 'pPr';
      } else if (depth === 1 && props === 'rPr' && name === 'w:b') {
        style.info.bold = onOff(attrs);
      } else if (depth === 1 && props === 'pPr' && name === 'w:outlineLvl') {
        const v = Number(attr(attrs, 'w:val'));
        if (Number.isInteger(v) && v >= 0 && v < 9) style.outline = v + 1;
      }
      if (!empty) depth++;
    },
    close(name) {
      if (!style) return;
      if (depth === 0) {
        if (name === 'w:style') {
          finish();
          style = null;
        }
        return;
      }
      depth--;
      if (depth === 0) props = null;
    },
    text() {},
  });
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

/** Cells of a row without the empty cells at its end (a loop: a regex on a run of tabs backtracks). */
function rowText(cells: string[]): string {
  let end = cells.length;
  while (end > 0 && !cells[end - 1]) end--;
  return cells.slice(0, end).join('\t');
}

/** Walk document.xml element by element; w:p may nest (text boxes), so keep a stack. */
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

  /** One element boundary: an opening, a closing, or an empty (self-closing) element. */
  const element = (tag: string, attrs: Attrs, closing: boolean, empty: boolean) => {
    if (tag === 'mc:Fallback') {
      if (!empty) skipDepth += closing ? -1 : 1;
      return;
    }
    if (skipDepth) return;
    const opening = !closing;
    switch (tag) {
      case 'w:tbl':
        if (!empty) tableDepth = Math.max(0, tableDepth + (closing ? -1 : 1));
        break;
      case 'w:tr':
        if (empty || tableDepth !== 1) break;
        if (opening) row = [];
        else if (row) {
          paraCount++;
          lines.push({ text: rowText(row), line: paraCount, tableRow: true });
          row = null;
        }
        break;
      case 'w:tc':
        if (empty || tableDepth !== 1 || !row) break;
        if (opening) cell = [];
        else if (cell) {
          row.push(cell.filter(Boolean).join(' '));
          cell = null;
        }
        break;
      case 'w:p':
        if (empty) {
          paraCount++;
          lines.push({ text: '', line: paraCount });
        } else if (opening) {
          if (para) stack.push(para);
          para = { segments: [], style: null };
        } else {
          flushPara();
          para = stack.pop() ?? null;
        }
        break;
      case 'w:pPr':
        if (!empty) inPPr = opening;
        break;
      case 'w:pStyle':
        if (opening && para && inPPr) para.style = attr(attrs, 'w:val');
        break;
      case 'w:outlineLvl':
        if (opening && para && inPPr) {
          const v = Number(attr(attrs, 'w:val'));
          if (v >= 0 && v < 9) para.outline = v + 1;
        }
        break;
      case 'w:r':
        if (empty) break;
        if (opening) run = { text: '', style: null };
        else {
          flushRun();
          run = null;
        }
        break;
      case 'w:rPr':
        if (!empty) inRPr = opening;
        break;
      case 'w:b':
        if (opening && run && inRPr && !inPPr) run.bold = onOff(attrs);
        break;
      case 'w:rStyle':
        if (opening && run && inRPr) run.style = attr(attrs, 'w:val');
        break;
      case 'w:t':
        if (!empty) inText = opening;
        break;
      case 'w:tab':
        if (opening && run && !inPPr && !inRPr) run.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (opening && run && !inRPr) run.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (opening && run) run.text += '-';
        break;
    }
  };

  walkXml(xml, 'word/document.xml', {
    open: (name, attrs, empty) => element(name, attrs, false, empty),
    close: (name) => element(name, {}, true, false),
    text: (text) => {
      if (inText && run && !skipDepth) run.text += text;
    },
  });
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
  const styles = parts.get('word/styles.xml');
  return readParagraphs(decodePart(document), styles ? decodePart(styles) : undefined);
}
