/**
 * The importer's intermediate form: one line per source paragraph, before repair and structure.
 * Readers (plain text, Markdown, docx) produce it; repair and structure consume it.
 */

export interface SourceLine {
  text: string;
  /** 1-based line (txt/md) or paragraph (docx) number in the source, for repair messages. */
  line: number;
  /**
   * The line's first bold span, when it starts near the line start (after at most a marker such
   * as —— or 一是): [boldStart, boldEnd) counted in non-whitespace characters, so that whitespace
   * repair cannot shift it. From docx runs or md **…**; a hint for headings and lead sentences.
   */
  boldStart?: number;
  boldEnd?: number;
  /** Every non-whitespace character is bold: a strong hint for a heading. */
  allBold?: boolean;
  /** Outline level from a heading style (docx Heading 1…, md #). */
  headingLevel?: number;
  /** A table row (docx w:tr, html <tr>): cells joined by tabs. */
  tableRow?: boolean;
}

/** Plain text → lines. Form feeds are page breaks, i.e. line breaks here. */
export function splitPlainText(text: string): SourceLine[] {
  const parts = text.split(/\r\n|[\r\n\f\v\u2028\u2029\u0085]/);
  const lines: SourceLine[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) lines[i] = { text: parts[i], line: i + 1 };
  return lines;
}

/**
 * Rich-text segments → one SourceLine with bold hints. Bold is counted in non-whitespace
 * characters so that whitespace repair later cannot shift it.
 */
export function lineFromSegments(segments: { text: string; bold: boolean }[], line: number, headingLevel?: number): SourceLine {
  let text = '';
  let visible = 0;
  let boldVisible = 0;
  let boldStart = -1;
  let boldEnd = -1;
  for (const seg of segments) {
    text += seg.text;
    const n = countVisible(seg.text);
    if (seg.bold && n > 0) {
      if (boldStart < 0) boldStart = visible;
      if (boldEnd < 0 || boldEnd === visible) boldEnd = visible + n;
    }
    visible += n;
    if (seg.bold) boldVisible += n;
  }
  const out: SourceLine = { text, line };
  if (boldStart >= 0 && boldStart <= MAX_BOLD_OFFSET) {
    out.boldStart = boldStart;
    out.boldEnd = boldEnd;
  }
  if (visible > 0 && boldVisible === visible) out.allBold = true;
  if (headingLevel !== undefined) out.headingLevel = headingLevel;
  return out;
}

/** A bold span further in than 一是 / —— / （一） is emphasis, not a heading hint. */
const MAX_BOLD_OFFSET = 3;

const WS = /[\s\u00a0\u2000-\u200b\u3000\ufeff]/;

export function isWhitespaceChar(ch: string): boolean {
  return WS.test(ch);
}

export function countVisible(s: string): number {
  // Code units, not code points, to agree with offsetAfterVisible (rare characters in names are astral).
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!WS.test(s[i])) n++;
  return n;
}

/** Offset in `text` just after its first `count` non-whitespace characters. */
export function offsetAfterVisible(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!WS.test(text[i])) {
      seen++;
      if (seen === count) return i + 1;
    }
  }
  return text.length;
}
