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

interface Segment {
  text: string;
  bold: boolean;
}

interface Para {
  segments: Segment[];
  style: string | null;
  outline?: number;
}

interface Run {
  text: string;
  bold?: boolean;
  style: string | null;
}

/** Everything the walk over document.xml knows at one point; the rules below read and change it. */
interface DocState {
  readonly styles: Map<string, StyleInfo>;
  readonly defaultParagraph: string | null;
  readonly lines: SourceLine[];
  /** Paragraphs (in cells too) and table rows read so far: each line is numbered by this count. */
  paraCount: number;
  para: Para | null;
  /** Paragraphs enclosing `para`: a text box's paragraphs sit inside another paragraph. */
  outerParas: Para[];
  run: Run | null;
  // Flags, not depths: a w:pPr never holds another w:pPr once tracked-change records are skipped.
  inPPr: boolean;
  inRPr: boolean;
  inText: boolean;
  /** Open skipped elements (SKIPPED): a copy or an earlier state of what is read elsewhere. */
  skipDepth: number;
  /** Open w:tbl elements. Rows and cells count only in an outer table; nested ones fold into its cell. */
  tableDepth: number;
  row: string[] | null;
  cell: string[] | null;
}

/** Cells of a row without the empty cells at its end (a loop: a regex on a run of tabs backtracks). */
function rowText(cells: string[]): string {
  let end = cells.length;
  while (end > 0 && !cells[end - 1]) end--;
  return cells.slice(0, end).join('\t');
}

/** A run's bold: its own w:b, else its character style's, else its paragraph style's. */
function endRun(s: DocState): void {
  const { para, run } = s;
  if (para && run) {
    const bold = run.bold ?? styleProp(s.styles, run.style, 'bold') ?? styleProp(s.styles, para.style ?? s.defaultParagraph, 'bold') ?? false;
    para.segments.push({ text: run.text, bold });
  }
  s.run = null;
}

/** A paragraph in a table cell adds to the cell; elsewhere it becomes lines, one per soft break. */
function endParagraph(s: DocState): void {
  const para = s.para;
  if (para) {
    s.paraCount++;
    if (s.cell !== null) {
      s.cell.push(
        para.segments
          .map((seg) => seg.text)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    } else {
      const level = para.outline ?? styleProp(s.styles, para.style, 'headingLevel');
      let current: Segment[] = [];
      const emit = () => {
        s.lines.push(lineFromSegments(current, s.paraCount, level));
        current = [];
      };
      for (const seg of para.segments) {
        seg.text.split('\n').forEach((piece, i) => {
          if (i > 0) emit();
          if (piece) current.push({ text: piece, bold: seg.bold });
        });
      }
      emit();
    }
  }
  s.para = s.outerParas.pop() ?? null;
}

/**
 * Elements with content: `start` and `end` run at their tags; written self-closing they hold
 * nothing, and only `empty` runs, if given.
 */
interface Container {
  start(s: DocState): void;
  end(s: DocState): void;
  empty?(s: DocState): void;
}

/** w:pPr, w:rPr, w:t: what they hold is read by the marks and text inside them. */
function flagWhileOpen(flag: 'inPPr' | 'inRPr' | 'inText'): Container {
  return {
    start: (s) => {
      s[flag] = true;
    },
    end: (s) => {
      s[flag] = false;
    },
  };
}

const CONTAINERS: Record<string, Container> = {
  // Tables: each row becomes one line, cells separated by tabs (as a table pasted as text), so
  // rows are neither joined into one paragraph nor split into a line per cell.
  'w:tbl': {
    start: (s) => {
      s.tableDepth++;
    },
    end: (s) => {
      s.tableDepth = Math.max(0, s.tableDepth - 1);
    },
  },
  'w:tr': {
    start: (s) => {
      if (s.tableDepth === 1) s.row = [];
    },
    end: (s) => {
      if (s.tableDepth !== 1 || !s.row) return;
      s.paraCount++;
      s.lines.push({ text: rowText(s.row), line: s.paraCount, tableRow: true });
      s.row = null;
    },
  },
  'w:tc': {
    start: (s) => {
      if (s.tableDepth === 1 && s.row) s.cell = [];
    },
    end: (s) => {
      if (s.tableDepth !== 1 || !s.row || !s.cell) return;
      s.row.push(s.cell.filter(Boolean).join(' '));
      s.cell = null;
    },
  },
  'w:p': {
    start: (s) => {
      if (s.para) s.outerParas.push(s.para);
      s.para = { segments: [], style: null };
    },
    end: endParagraph,
    // <w:p/>: a blank line, even inside a table cell.
    empty: (s) => {
      s.lines.push({ text: '', line: ++s.paraCount });
    },
  },
  'w:pPr': flagWhileOpen('inPPr'),
  'w:r': {
    start: (s) => {
      s.run = { text: '', style: null };
    },
    end: endRun,
  },
  'w:rPr': flagWhileOpen('inRPr'),
  'w:t': flagWhileOpen('inText'),
};

/** Properties and marks: they act where they appear, self-closing or not. */
const MARKS: Record<string, (s: DocState, attrs: Attrs) => void> = {
  'w:pStyle': (s, attrs) => {
    if (s.para && s.inPPr) s.para.style = attr(attrs, 'w:val');
  },
  'w:outlineLvl': (s, attrs) => {
    if (!s.para || !s.inPPr) return;
    const v = Number(attr(attrs, 'w:val'));
    if (v >= 0 && v < 9) s.para.outline = v + 1;
  },
  // A w:b in the paragraph mark's w:rPr (inside w:pPr) bolds the mark, not the text.
  'w:b': (s, attrs) => {
    if (s.run && s.inRPr && !s.inPPr) s.run.bold = onOff(attrs);
  },
  'w:rStyle': (s, attrs) => {
    if (s.run && s.inRPr) s.run.style = attr(attrs, 'w:val');
  },
  // w:tab in w:pPr/w:tabs is a tab stop, not a character.
  'w:tab': (s) => {
    if (s.run && !s.inPPr && !s.inRPr) s.run.text += '\t';
  },
  'w:br': (s) => {
    if (s.run && !s.inRPr) s.run.text += '\n';
  },
  'w:cr': (s) => {
    if (s.run && !s.inRPr) s.run.text += '\n';
  },
  'w:noBreakHyphen': (s) => {
    if (s.run) s.run.text += '-';
  },
};

/**
 * Subtrees that are not the document as it reads now: mc:Fallback repeats mc:Choice for older
 * readers; w:pPrChange / w:rPrChange hold the formatting before a tracked change (reading them
 * made a paragraph restyled as 标题 1 lose its heading level, and bold set in review lose its
 * bold). Counted even while skipping, so a nested one does not end the skip early.
 */
const SKIPPED = new Set(['mc:Fallback', 'w:pPrChange', 'w:rPrChange']);

/** A rule for a tag name from the file: own entries only ("constructor" is not a Word element). */
function rule<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Walk document.xml, dispatching each tag to its rule; anything else is ignored. */
function readParagraphs(xml: string, styleXml: string | undefined): SourceLine[] {
  const { styles, defaultParagraph } = readStyles(styleXml);
  const s: DocState = {
    styles,
    defaultParagraph,
    lines: [],
    paraCount: 0,
    para: null,
    outerParas: [],
    run: null,
    inPPr: false,
    inRPr: false,
    inText: false,
    skipDepth: 0,
    tableDepth: 0,
    row: null,
    cell: null,
  };
  walkXml(xml, 'word/document.xml', {
    open(name, attrs, empty) {
      if (SKIPPED.has(name)) {
        if (!empty) s.skipDepth++;
        return;
      }
      if (s.skipDepth) return;
      const mark = rule(MARKS, name);
      if (mark) mark(s, attrs);
      else if (empty) rule(CONTAINERS, name)?.empty?.(s);
      else rule(CONTAINERS, name)?.start(s);
    },
    close(name) {
      if (SKIPPED.has(name)) s.skipDepth--;
      else if (!s.skipDepth) rule(CONTAINERS, name)?.end(s);
    },
    text(text) {
      if (s.inText && s.run && !s.skipDepth) s.run.text += text;
    },
  });
  return s.lines;
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
