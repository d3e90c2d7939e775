/**
 * Repair: undo what copying, printing and page layout did to the report, and say so.
 * Every change is listed (repairs) and every removed line kept (artifacts), so the reader can
 * trust the result. When a rule is unsure it keeps the text.
 */
import { classifyArtifactLine, stripEdgeMarkers } from './artifacts';
import {
  ADDRESS_START,
  CONTINUATION_START,
  DASH_ITEM,
  ENUM_ITEM,
  NOTE_LINE,
  NOTES_HEADING,
  PART_MARKER,
  QUOTED_FINAL,
  SALUTATION,
  SECTION_MARKER,
  SENTENCE_FINAL,
  isMetaLike,
  isTitleLike,
} from './patterns';
import { countVisible, type SourceLine } from './source';
import type { Artifact, Repair } from './types';
import { normalizeWhitespace } from './whitespace';

export interface RepairResult {
  lines: SourceLine[];
  repairs: Repair[];
  artifacts: Artifact[];
}

/** Individual whitespace repairs listed before they are summarised. */
const MAX_LISTED_WHITESPACE = 20;

const excerpt = (s: string, n: number, fromEnd = false) => (fromEnd ? (s.length > n ? '…' + s.slice(-n) : s) : s.length > n ? s.slice(0, n) + '…' : s);

function isHeadingLine(line: SourceLine): boolean {
  const t = line.text;
  return PART_MARKER.test(t) || SECTION_MARKER.test(t) || (line.headingLevel !== undefined && line.headingLevel <= 3);
}

/** A line that ends where a paragraph may end. */
function endsClosed(text: string): boolean {
  return SENTENCE_FINAL.test(text) || QUOTED_FINAL.test(text);
}

/** Lines that stand alone whatever their last character: title, date, address, headings. */
function isStandalone(line: SourceLine): boolean {
  const t = line.text;
  if (isTitleLike(t) || isMetaLike(t) || SALUTATION.test(t) || NOTE_LINE.test(t) || NOTES_HEADING.test(t)) return true;
  // A heading with no sentence in it (Beijing style （一）… alone) is complete; an inline heading
  // followed by body text (（三）…。作风更加优良。…) can be cut like any paragraph.
  if ((isHeadingLine(line) || line.allBold) && !/[。！？]/.test(t)) return true;
  return false;
}

/** May this line be the second half? Not if it starts something of its own. */
function canBeContinuation(line: SourceLine): boolean {
  const t = line.text;
  if (CONTINUATION_START.test(t)) return true;
  if (isHeadingLine(line) || ENUM_ITEM.test(t) || DASH_ITEM.test(t) || ADDRESS_START.test(t)) return false;
  if (NOTE_LINE.test(t) || NOTES_HEADING.test(t) || isTitleLike(t) || isMetaLike(t)) return false;
  return true;
}

type WorkLine = SourceLine & { spacedOut?: boolean; indented?: boolean };

/** Paragraph indentation in a plain-text copy: two spaces, a tab or an ideographic space. */
const INDENT = /^(?:\u3000|[ \u00a0]{2,}|\t)/;

/**
 * @param opts.plainText the lines come from a text file, where line breaks may be hard wraps
 * (a PDF copy); Word paragraphs are never wrapped.
 */
export function repairLines(input: SourceLine[], opts: { plainText?: boolean } = {}): RepairResult {
  const repairs: Repair[] = [];
  const artifacts: Artifact[] = [];
  const kept: WorkLine[] = [];
  let whitespaceFixes = 0;
  let blankRun = 0;
  let blankRuns = 0;

  for (const raw of input) {
    const meta = isMetaLike(raw.text.trim());
    const norm = normalizeWhitespace(raw.text, { keepSpeakerSpace: meta });
    if (!norm.text) {
      blankRun++;
      if (blankRun === 2) blankRuns++;
      continue;
    }
    blankRun = 0;
    const kind = classifyArtifactLine(norm.text);
    if (kind) {
      artifacts.push({ kind, text: norm.text, line: raw.line });
      repairs.push({ kind: 'artifact-removed', text: norm.text, line: raw.line, message: `删除了排版残留“${excerpt(norm.text, 30)}”（第${raw.line}行）` });
      continue;
    }
    const edge = stripEdgeMarkers(norm.text);
    for (const marker of edge.removed) {
      artifacts.push({ kind: 'continuation-marker', text: marker, line: raw.line });
      repairs.push({ kind: 'artifact-removed', text: marker, line: raw.line, message: `删除了转版标记“${marker}”（第${raw.line}行）` });
    }
    let text = edge.text;
    if (edge.removed.length) text = normalizeWhitespace(text).text;
    if (norm.changed && !norm.spacedOut) {
      whitespaceFixes++;
      if (whitespaceFixes <= MAX_LISTED_WHITESPACE) {
        repairs.push({ kind: 'whitespace-collapsed', text: excerpt(text, 30), line: raw.line, message: `清理了第${raw.line}行中多余的空格` });
      }
    }
    const line: WorkLine = { ...raw, text };
    if (INDENT.test(raw.text)) line.indented = true;
    if (raw.boldEnd !== undefined && edge.removed.length) {
      // The bold span is counted from the line start: shift it past a removed leading marker.
      const shift = countVisible(edge.removed.length && norm.text.startsWith(edge.removed[0]) ? edge.removed[0] : '');
      line.boldStart = Math.max(0, (raw.boldStart ?? 0) - shift);
      line.boldEnd = Math.max(0, raw.boldEnd - shift);
    }
    if (norm.spacedOut) line.spacedOut = true;
    kept.push(line);
  }
  if (whitespaceFixes > MAX_LISTED_WHITESPACE) {
    repairs.push({ kind: 'whitespace-collapsed', text: '', message: `另有${whitespaceFixes - MAX_LISTED_WHITESPACE}行清理了多余的空格` });
  }
  if (blankRuns > 0) {
    repairs.push({ kind: 'blank-lines-collapsed', text: '', message: `合并了${blankRuns}处连续空行` });
  }

  const withoutRunningHeads = dropRunningHeads(kept, artifacts, repairs);
  const withoutDuplicates = dropDuplicateTitles(withoutRunningHeads, artifacts, repairs);
  const wrapWidth = opts.plainText ? hardWrapWidth(withoutDuplicates) : 0;
  return { lines: joinPageBreaks(withoutDuplicates, repairs, wrapWidth), repairs, artifacts };
}

/**
 * A newspaper repeats the title on each page (and sometimes prints it spaced out: 政 府 工 作 报 告).
 * The first title stays; later copies, and spaced-out copies of a title that also appears, go.
 */
function dropDuplicateTitles(lines: WorkLine[], artifacts: Artifact[], repairs: Repair[]): WorkLine[] {
  const titleIndex = lines.findIndex((l, i) => i < 5 && isTitleLike(l.text) && !l.spacedOut);
  const title = titleIndex >= 0 ? lines[titleIndex].text : null;
  const out: WorkLine[] = [];
  lines.forEach((l, i) => {
    const duplicate = title !== null && i !== titleIndex && isTitleLike(l.text) && (l.text === title || (l.spacedOut && title.includes(l.text)));
    if (duplicate) {
      artifacts.push({ kind: 'duplicate-title', text: l.text, line: l.line });
      repairs.push({ kind: 'artifact-removed', text: l.text, line: l.line, message: `删除了重复的标题“${l.text}”（第${l.line}行）` });
      return;
    }
    if (l.spacedOut) {
      repairs.push({ kind: 'whitespace-collapsed', text: l.text, line: l.line, message: `去掉了标题字间的空格（第${l.line}行）` });
    }
    const { spacedOut: _s, ...rest } = l;
    out.push(rest);
  });
  return out;
}

/** A running head or foot repeats verbatim on every page; a report sentence does not. */
const RUNNING_HEAD_REPEATS = 3;

function dropRunningHeads(lines: WorkLine[], artifacts: Artifact[], repairs: Repair[]): WorkLine[] {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text.length <= 60) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const running = (l: WorkLine) => {
    const t = l.text;
    if ((counts.get(t) ?? 0) < RUNNING_HEAD_REPEATS || endsClosed(t) || isHeadingLine(l)) return false;
    // 各位代表！ and enumerations repeat legitimately.
    return !SALUTATION.test(t) && !ADDRESS_START.test(t) && !ENUM_ITEM.test(t) && !DASH_ITEM.test(t) && !isTitleLike(t);
  };
  if (!lines.some(running)) return lines;
  return lines.filter((l) => {
    if (!running(l)) return true;
    artifacts.push({ kind: 'print-header', text: l.text, line: l.line });
    repairs.push({ kind: 'artifact-removed', text: l.text, line: l.line, message: `删除了每页重复的页眉页脚“${excerpt(l.text, 30)}”（第${l.line}行）` });
    return false;
  });
}

/**
 * Text copied from a PDF is wrapped at a fixed width, paragraphs marked only by indentation.
 * Returns that width when the copy looks so (most lines followed by an unindented line fill
 * the width), else 0. Then a full-width line followed by an unindented one is a wrap, even
 * after a full stop.
 */
function hardWrapWidth(lines: WorkLine[]): number {
  if (lines.length < 10) return 0;
  const indented = lines.filter((l) => l.indented).length;
  if (indented < 3 || indented > lines.length * 0.8) return 0;
  const lengths = lines.map((l) => l.text.length + (l.indented ? 2 : 0)).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)];
  if (width < 20) return 0;
  let beforeUnindented = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i + 1].indented || isHeadingLine(lines[i + 1])) continue;
    beforeUnindented++;
    if (lines[i].text.length + (lines[i].indented ? 2 : 0) >= width * 0.85) full++;
  }
  return beforeUnindented >= 5 && full >= beforeUnindented * 0.6 ? width : 0;
}

/** Join paragraphs that a page break cut mid-sentence: …编制村庄规划795 | 个。… */
function joinPageBreaks(lines: WorkLine[], repairs: Repair[], wrapWidth: number): SourceLine[] {
  const out: SourceLine[] = [];
  let prevRaw: WorkLine | undefined;
  for (const line of lines) {
    const prev = out[out.length - 1];
    // A line starting with ，。” cannot start a paragraph; otherwise the previous line must be open,
    // or (hard-wrapped copy) full to the wrap width with this line not indented.
    const wrapped = wrapWidth > 0 && prevRaw !== undefined && !line.indented && prevRaw.text.length + (prevRaw.indented ? 2 : 0) >= wrapWidth * 0.85;
    const join =
      prev !== undefined && canBeContinuation(line) && !isStandalone(prev) && (CONTINUATION_START.test(line.text) || !endsClosed(prev.text) || wrapped);
    prevRaw = line;
    const { indented: _i, ...plain } = line;
    if (!join) {
      out.push(plain);
      continue;
    }
    repairs.push({
      kind: 'paragraphs-joined',
      text: `${excerpt(prev.text, 12, true)}|${excerpt(line.text, 12)}`,
      line: line.line,
      message:
        wrapped && endsClosed(prev.text) ? `第${line.line}行是上一行的折行，已与上一段接上` : `第${line.line}行是被分页截断的上一段的后半部分，已与上一段接上`,
    });
    const joined: SourceLine = { ...prev, text: prev.text + plain.text };
    delete joined.allBold;
    out[out.length - 1] = joined;
  }
  return out;
}
