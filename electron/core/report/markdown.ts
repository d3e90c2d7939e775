/**
 * Markdown → SourceLines: `#` lines become heading hints, `**bold**` at the start of a line is
 * kept as a bold hint (as in docx), and the remaining markup is stripped so that block text is
 * the report's words only.
 *
 * One SourceLine per source line, as for plain text: repair joins lines that a page break cut and
 * must see a bare page number (- 3 -) as text, not as a list item. Block markers (#, >, list
 * bullets, rules) are read here per line; inline markup is read by mdast-util-from-markdown
 * (micromark, CommonMark) on the line's text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lineFromSegments, splitPlainText, type SourceLine } from './source';

type Segment = { text: string; bold: boolean };

const ATX = /^ {0,3}(#{1,6})[ \t]+/;
/** List bullets are markup; a bare "- 3 -" page number is not a bullet. */
const BULLET = /^[ \t]*[-*+][ \t]+(?=[^\d\s-])/;
/**
 * micromark resolves emphasis and links by looking back over the delimiters before each one, so
 * its time grows with the square of the markup in the text it is given (40 000 × `a** ` take
 * 23 s). Long lines are therefore read in pieces of at most MAX_PIECE characters and MAX_MARKS
 * markup characters, cut after a sentence end where possible; a report paragraph is one piece.
 * Even so micromark spends microseconds on each markup character, so a file gets MARKS_PER_FILE
 * of them read as markup (a report uses a few thousand); the lines after that are taken as
 * written, so that megabytes of asterisks cannot keep the importer busy for minutes.
 */
const MAX_PIECE = 1000;
const MAX_MARKS = 64;
const MARKS_PER_FILE = 50_000;
/** Characters of inline markup; a line without them is its own text. */
const MARK = /[*_`[\]<&\\~!]/;
/** Starts the text given to micromark so that it can only be a paragraph (never a list, heading,
 * code block or link definition) while `**` right after it still opens as at a line start. */
const SENTINEL = '\u00a0';
/** A punctuation mark no report uses, put between `**` and a Chinese letter (see cjkFlanking). */
const JOINT = '\u2e2e';
const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/;

/**
 * CommonMark decides whether `**` opens or closes from its neighbours: between punctuation and a
 * letter it can only open on the letter's side, so **着力扩大有效投资。**全年… is not bold and, worse,
 * **重点。**正文**次重点。** pairs the wrong runs. Chinese text puts bold against punctuation all the
 * time. Where one neighbour of a `*`/`_` run is punctuation, the other a letter, and either is
 * Chinese, a punctuation mark (JOINT) goes between the run and the letter, so the run can both
 * open and close, as the CJK-friendly amendment to CommonMark has it; JOINT is removed after.
 */
function cjkFlanking(piece: string): string {
  if (piece.includes(JOINT)) return piece;
  let out = '';
  let from = 0;
  for (let i = 0; i < piece.length;) {
    const ch = piece[i];
    if (ch !== '*' && ch !== '_') {
      i++;
      continue;
    }
    let end = i + 1;
    while (piece[end] === ch) end++;
    const before = piece[i - 1];
    const after = piece[end];
    if (before !== undefined && after !== undefined && !SPACE.test(before) && !SPACE.test(after)) {
      const cjk = before.charCodeAt(0) >= 0x2e80 || after.charCodeAt(0) >= 0x2e80;
      const punctBefore = PUNCTUATION.test(before);
      const punctAfter = PUNCTUATION.test(after);
      if (cjk && punctBefore && !punctAfter) {
        out += piece.slice(from, end) + JOINT;
        from = end;
      } else if (cjk && !punctBefore && punctAfter) {
        out += piece.slice(from, i) + JOINT;
        from = i;
      }
    }
    i = end;
  }
  return from === 0 ? piece : out + piece.slice(from);
}

/** The line without its block-quote markers (> > …); a loop, like isRule. */
function unquote(line: string): string {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '>') return line;
  while (line[i] === '>') {
    i++;
    if (line[i] === ' ' || line[i] === '\t') i++;
  }
  return line.slice(i);
}

/**
 * A thematic break: three or more of one of - * _, spaces and tabs between them, at most three
 * spaces before. A loop: the regex for it overflows V8's backtracking stack on a long line.
 */
function isRule(line: string): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const mark = line[i];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let marks = 0;
  for (; i < line.length; i++) {
    if (line[i] === mark) marks++;
    else if (line[i] !== ' ' && line[i] !== '\t') return false;
  }
  return marks >= 3;
}

/** Heading text without the closing #s (CommonMark: a run of # after a space or tab). */
function headingBody(rest: string): string {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || rest[hashes - 1] === ' ' || rest[hashes - 1] === '\t')) {
    end = hashes;
    while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  }
  return rest.slice(0, end);
}

/**
 * The piece of a line that starts at `from`. When the line is longer than a piece, it ends after
 * the last sentence end that lies outside markup (even numbers of * _ ` ~ and closed brackets
 * since the start), so that bold and links are not cut apart. marks: markup characters in it.
 */
function nextPiece(text: string, from: number): { end: number; marks: number } {
  const counts = new Map<string, number>();
  let marks = 0;
  let cut = -1;
  let cutMarks = 0;
  let end = from;
  for (; end < text.length && end - from < MAX_PIECE && marks <= MAX_MARKS; end++) {
    const ch = text[end];
    if (MARK.test(ch)) {
      marks++;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    if ('。！？；'.includes(ch) && outsideMarkup(counts)) {
      cut = end + 1;
      cutMarks = marks;
    }
  }
  if (end >= text.length) return { end: text.length, marks };
  return cut > from + (end - from) / 4 ? { end: cut, marks: cutMarks } : { end, marks };
}

function outsideMarkup(counts: Map<string, number>): boolean {
  const n = (ch: string) => counts.get(ch) ?? 0;
  return n('*') % 2 === 0 && n('_') % 2 === 0 && n('`') % 2 === 0 && n('~') % 2 === 0 && n('[') === n(']');
}

interface Char {
  text: string;
  bold: boolean;
  /** Written as is in the source (not code, not from an escape or entity): may be leftover markup. */
  plain: boolean;
}

/** The parts of an mdast node read here. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** mdast inline nodes → text pieces: strong is bold, links keep their text, images and HTML go. */
function collect(node: MdNode, bold: boolean, source: string, out: Char[]): void {
  switch (node.type) {
    case 'text': {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const plain = start !== undefined && end !== undefined && source.slice(start, end) === node.value;
      out.push({ text: node.value ?? '', bold, plain });
      return;
    }
    case 'inlineCode':
      out.push({ text: node.value ?? '', bold, plain: false });
      return;
    case 'image':
    case 'imageReference':
    case 'html':
    case 'definition':
      return;
  }
  const strong = bold || node.type === 'strong';
  for (const child of node.children ?? []) collect(child, strong, source, out);
}

/**
 * CommonMark will not close `**` between punctuation and a letter (**着力扩大有效投资。**全年…),
 * which is how Chinese text is usually marked. Pair what it left as text the way the importer
 * always has: `**`/`__` around bold text, single `*` around emphasis, `~~` around deletions.
 * One pass over the characters.
 */
function pairLeftovers(pieces: Char[]): Segment[] {
  const text = pieces.map((p) => p.text).join('');
  const bold = new Uint8Array(text.length);
  const plain = new Uint8Array(text.length);
  let at = 0;
  for (const p of pieces) {
    bold.fill(p.bold ? 1 : 0, at, at + p.text.length);
    plain.fill(p.plain ? 1 : 0, at, at + p.text.length);
    at += p.text.length;
  }
  const keep = new Uint8Array(text.length).fill(1);
  const isSpace = (i: number) => i < 0 || i >= text.length || /\s/.test(text[i]);
  const open = new Map([
    ['**', -1],
    ['__', -1],
    ['*', -1],
    ['~~', -1],
  ]);
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (!plain[i] || (ch !== '*' && ch !== '_' && ch !== '~')) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && text[end] === ch && plain[end]) end++;
    const run = text.slice(i, end);
    // Emphasis and deletions never span another run of their own character.
    if (ch === '*' && run !== '*') open.set('*', -1);
    if (ch === '~' && run !== '~~') open.set('~~', -1);
    const o = open.get(run);
    if (o !== undefined) {
      if (o >= 0 && (run === '*' || run === '~~' || !isSpace(i - 1))) {
        keep.fill(0, o, o + run.length);
        keep.fill(0, i, end);
        if (run.length === 2 && ch !== '~') bold.fill(1, o + 2, i);
        open.set(run, -1);
      } else if (o < 0 && !isSpace(end)) {
        open.set(run, i);
      }
    }
    i = end;
  }
  const segments: Segment[] = [];
  let current = '';
  let currentBold = false;
  for (let i = 0; i < text.length; i++) {
    if (!keep[i]) continue;
    const b = bold[i] === 1;
    if (current && b !== currentBold) {
      segments.push({ text: current, bold: currentBold });
      current = '';
    }
    currentBold = b;
    current += text[i];
  }
  if (current) segments.push({ text: current, bold: currentBold });
  return segments;
}

/** Inline markup of one piece of a line → segments. */
function readPiece(piece: string): Segment[] {
  // Trailing spaces end a CommonMark paragraph and would be lost; they may separate Latin words.
  let end = piece.length;
  while (end > 0 && (piece[end - 1] === ' ' || piece[end - 1] === '\t')) end--;
  const marked = cjkFlanking(piece.slice(0, end));
  const source = SENTINEL + marked;
  let out: Char[] = [];
  collect(fromMarkdown(source), false, source, out);
  if (marked.length !== end) out = out.map((c) => (c.text.includes(JOINT) ? { ...c, text: c.text.replaceAll(JOINT, '') } : c));
  if (out[0]?.text.startsWith(SENTINEL)) out[0] = { ...out[0], text: out[0].text.slice(1) };
  if (end < piece.length) out.push({ text: piece.slice(end), bold: false, plain: false });
  return out.some((c) => c.plain && /[*_~]/.test(c.text)) ? pairLeftovers(out) : out.map(({ text, bold }) => ({ text, bold }));
}

/** Split `**bold**` / `__bold__` spans out of a line's text and drop the remaining inline markup. */
function inlineSegments(text: string, budget: { marks: number }): Segment[] {
  if (!MARK.test(text) || budget.marks <= 0) return text ? [{ text, bold: false }] : [];
  const segments: Segment[] = [];
  for (let from = 0; from < text.length;) {
    const { end, marks } = nextPiece(text, from);
    const piece = text.slice(from, end);
    if (budget.marks > 0) for (const s of readPiece(piece)) segments.push(s);
    else segments.push({ text: piece, bold: false });
    budget.marks -= marks;
    from = end;
  }
  return segments;
}

export function readMarkdown(text: string): SourceLine[] {
  const budget = { marks: MARKS_PER_FILE };
  return splitPlainText(text).map((raw) => {
    if (isRule(raw.text)) return { text: '', line: raw.line };
    let body = unquote(raw.text);
    let level: number | undefined;
    const h = ATX.exec(body);
    if (h) {
      level = h[1].length;
      body = headingBody(body.slice(h[0].length));
    } else {
      body = body.replace(BULLET, '');
    }
    return lineFromSegments(inlineSegments(body, budget), raw.line, level);
  });
}
