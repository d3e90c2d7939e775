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
  PART_LABEL,
  QUOTED_FINAL,
  SALUTATION,
  SECTION_MARKER,
  SENTENCE_FINAL,
  TABLE_CAPTION,
  TABLE_UNIT,
  isMetaLike,
  isTitleLike,
  isUnnumberedPartHeading,
  partMarker,
  tableCells,
} from './patterns';
import { labelledPartHeading, splitInlinePartHeading } from './partHeading';
import { countVisible, type SourceLine } from './source';
import type { Artifact, Repair } from './types';
import { normalizeWhitespace } from './whitespace';

export interface RepairResult {
  lines: SourceLine[];
  repairs: Repair[];
  artifacts: Artifact[];
}

/**
 * The repairs made so far and the ones the user declined. `offer` lists a repair that can be
 * declined and says whether to make it: a declined one is listed as such (so it can be made
 * again) and the text is left as the file has it.
 */
class RepairLog {
  readonly repairs: Repair[] = [];
  constructor(private readonly declined: ReadonlySet<string>) {}
  push(r: Repair): void {
    this.repairs.push(r);
  }
  offer(r: Repair & { key: string }): boolean {
    const declined = this.declined.has(r.key);
    this.repairs.push(declined ? { ...r, declined } : r);
    return !declined;
  }
}

/** The keys of the repairs a parse was told to decline, as listed in its repairs (what to decline next time). */
export function declinedKeys(repairs: readonly Repair[]): string[] {
  return repairs.flatMap((r) => (r.declined && r.key ? [r.key] : []));
}

/** Individual whitespace repairs listed before they are summarised. */
const MAX_LISTED_WHITESPACE = 20;

const excerpt = (s: string, n: number, fromEnd = false) => (fromEnd ? (s.length > n ? '…' + s.slice(-n) : s) : s.length > n ? s.slice(0, n) + '…' : s);

function isHeadingLine(line: SourceLine): boolean {
  const t = line.text;
  return partMarker(t) !== null || SECTION_MARKER.test(t) || (line.headingLevel !== undefined && line.headingLevel <= 3);
}

/** A table's caption or unit line (…收支情况表 / 单位：亿元): a line of its own. */
function isTableFurniture(t: string): boolean {
  return TABLE_UNIT.test(t) || TABLE_CAPTION.test(t);
}

/** A line that ends where a paragraph may end. */
function endsClosed(text: string): boolean {
  return SENTENCE_FINAL.test(text) || QUOTED_FINAL.test(text);
}

/** Lines that stand alone whatever their last character: title, date, address, headings. */
function isStandalone(line: SourceLine): boolean {
  const t = line.text;
  if (isTitleLike(t) || isMetaLike(t) || SALUTATION.test(t) || NOTE_LINE.test(t) || NOTES_HEADING.test(t)) return true;
  if ((line as WorkLine).tableRow) return true;
  // A heading with no sentence in it (Beijing style （一）… alone) is complete; an inline heading
  // followed by body text (（三）…。作风更加优良。…) can be cut like any paragraph.
  if ((isHeadingLine(line) || line.allBold) && !/[。！？]/.test(t)) return true;
  return false;
}

/**
 * Recognised by wording alone (…收支情况表, 单位：亿元, 2024年工作回顾): a line of its own, unless
 * the next line starts with ，。 and so proves it was cut from a sentence.
 */
function isSoftStandalone(t: string): boolean {
  return isTableFurniture(t) || isUnnumberedPartHeading(t);
}

/**
 * May this line be the second half? Not if it starts something of its own. Inside a hard-wrapped
 * paragraph (wrapped: the line does not start a paragraph) a wrap may fall before 二是 or ——.
 */
function canBeContinuation(line: SourceLine, wrapped = false): boolean {
  const t = line.text;
  if (CONTINUATION_START.test(t)) return true;
  if (isHeadingLine(line) || SALUTATION.test(t)) return false;
  if (!wrapped && (ENUM_ITEM.test(t) || DASH_ITEM.test(t) || ADDRESS_START.test(t))) return false;
  if (NOTE_LINE.test(t) || NOTES_HEADING.test(t) || isTitleLike(t) || isMetaLike(t)) return false;
  if ((line as WorkLine).tableRow || isTableFurniture(t) || isUnnumberedPartHeading(t)) return false;
  return true;
}

type WorkLine = SourceLine & {
  spacedOut?: boolean;
  indented?: boolean;
  /** Indented or after a blank line: where a hard-wrapped copy starts its paragraphs. */
  paragraphStart?: boolean;
  /** A table row pasted as text (cells joined by tabs). */
  tableRow?: boolean;
};

/** `一、2023年工作回顾　过去一年，…` on one line: heading and body become two lines. */
function expandLines(input: SourceLine[], log: RepairLog): SourceLine[] {
  const out: SourceLine[] = [];
  for (const raw of input) {
    const split = raw.boldEnd === undefined ? splitInlinePartHeading(raw.text) : null;
    const made =
      split !== null &&
      log.offer({
        kind: 'other',
        key: `split:${raw.line}`,
        text: `${split.heading}|${excerpt(split.body, 12)}`,
        line: raw.line,
        message: `第${raw.line}行的部分标题“${split.heading}”与正文连在一行，已分为标题和正文两段`,
      });
    if (!made) {
      out.push(raw);
      continue;
    }
    out.push({ ...raw, text: split.heading }, { text: split.body, line: raw.line });
  }
  return out;
}

/** Paragraph indentation in a plain-text copy: two spaces, a tab or an ideographic space. */
const INDENT = /^(?:\u3000|[ \u00a0]{2,}|\t)/;

/**
 * @param opts.plainText the lines come from a text file, where line breaks may be hard wraps
 * (a PDF copy); Word paragraphs are never wrapped.
 * @param opts.declined keys of repairs the user undid: listed as declined, not made.
 */
export function repairLines(input: SourceLine[], opts: { plainText?: boolean; declined?: readonly string[] } = {}): RepairResult {
  const log = new RepairLog(new Set(opts.declined ?? []));
  const artifacts: Artifact[] = [];
  const kept: WorkLine[] = [];
  let whitespaceFixes = 0;
  let blankRun = 0;
  let blankRuns = 0;

  let afterBlank = true;
  for (const raw of expandLines(input, log)) {
    const cells = raw.tableRow ? raw.text.split('\t').map((c) => c.trim()) : tableCells(raw.text);
    if (cells) {
      // A table row keeps its columns apart (one tab each) and stands alone.
      blankRun = 0;
      const text = cells.map((c) => normalizeWhitespace(c).text).join('\t');
      if (!text.replace(/\t/g, '')) continue;
      kept.push({ ...raw, text, tableRow: true, paragraphStart: true });
      afterBlank = false;
      continue;
    }
    const meta = isMetaLike(raw.text.trim());
    const label = labelledPartHeading(raw.text);
    const norm = label
      ? { ...normalizeWhitespace(label.name), text: `${label.label} ${normalizeWhitespace(label.name).text}` }
      : normalizeWhitespace(raw.text, { keepSpeakerSpace: meta });
    if (!norm.text) {
      blankRun++;
      if (blankRun === 2) blankRuns++;
      afterBlank = true;
      continue;
    }
    blankRun = 0;
    const kind = classifyArtifactLine(norm.text);
    const artifactMessage = `删除了排版残留“${excerpt(norm.text, 30)}”（第${raw.line}行）`;
    if (kind && log.offer({ kind: 'artifact-removed', key: `artifact:${raw.line}`, text: norm.text, line: raw.line, message: artifactMessage })) {
      artifacts.push({ kind, text: norm.text, line: raw.line });
      continue;
    }
    // The markers of one line are kept or removed together (one key): they are one decision.
    const stripped = stripEdgeMarkers(norm.text);
    let stripMarkers = true;
    for (const marker of stripped.removed) {
      const message = `删除了转版标记“${marker}”（第${raw.line}行）`;
      stripMarkers = log.offer({ kind: 'artifact-removed', key: `marker:${raw.line}`, text: marker, line: raw.line, message }) && stripMarkers;
    }
    const edge = stripMarkers ? stripped : { text: norm.text, removed: [] as string[] };
    for (const marker of edge.removed) artifacts.push({ kind: 'continuation-marker', text: marker, line: raw.line });
    let text = edge.text;
    if (edge.removed.length) text = normalizeWhitespace(text).text;
    if (norm.changed && !norm.spacedOut) {
      whitespaceFixes++;
      if (whitespaceFixes <= MAX_LISTED_WHITESPACE) {
        log.push({ kind: 'whitespace-collapsed', text: excerpt(text, 30), line: raw.line, message: `清理了第${raw.line}行中多余的空格` });
      }
    }
    const line: WorkLine = { ...raw, text };
    if (INDENT.test(raw.text)) line.indented = true;
    if (afterBlank || line.indented) line.paragraphStart = true;
    afterBlank = false;
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
    log.push({ kind: 'whitespace-collapsed', text: '', message: `另有${whitespaceFixes - MAX_LISTED_WHITESPACE}行清理了多余的空格` });
  }
  if (blankRuns > 0) {
    log.push({ kind: 'blank-lines-collapsed', text: '', message: `合并了${blankRuns}处连续空行` });
  }

  const withoutRunningHeads = dropRunningHeads(kept, artifacts, log);
  const withoutDuplicates = dropDuplicateTitles(withoutRunningHeads, artifacts, log);
  const wrapWidth = opts.plainText ? hardWrapWidth(withoutDuplicates) : 0;
  const joined = joinPageBreaks(withoutDuplicates, log, { wrapWidth, authoredParagraphs: !opts.plainText });
  return { lines: joined, repairs: log.repairs, artifacts };
}

/**
 * A newspaper repeats the title on each page (and sometimes prints it spaced out: 政 府 工 作 报 告).
 * The first title stays; later copies, and spaced-out copies of a title that also appears, go.
 */
function dropDuplicateTitles(lines: WorkLine[], artifacts: Artifact[], log: RepairLog): WorkLine[] {
  const titleIndex = lines.findIndex((l, i) => i < 5 && isTitleLike(l.text) && !l.spacedOut);
  const title = titleIndex >= 0 ? lines[titleIndex].text : null;
  const out: WorkLine[] = [];
  lines.forEach((l, i) => {
    const duplicate = title !== null && i !== titleIndex && isTitleLike(l.text) && (l.text === title || (l.spacedOut && title.includes(l.text)));
    if (
      duplicate &&
      log.offer({ kind: 'artifact-removed', key: `artifact:${l.line}`, text: l.text, line: l.line, message: `删除了重复的标题“${l.text}”（第${l.line}行）` })
    ) {
      artifacts.push({ kind: 'duplicate-title', text: l.text, line: l.line });
      return;
    }
    if (l.spacedOut) {
      log.push({ kind: 'whitespace-collapsed', text: l.text, line: l.line, message: `去掉了标题字间的空格（第${l.line}行）` });
    }
    const { spacedOut: _s, ...rest } = l;
    out.push(rest);
  });
  return out;
}

/** A running head or foot repeats verbatim on every page; a report sentence does not. */
const RUNNING_HEAD_REPEATS = 3;

function dropRunningHeads(lines: WorkLine[], artifacts: Artifact[], log: RepairLog): WorkLine[] {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text.length <= 60) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const running = (l: WorkLine) => {
    const t = l.text;
    if ((counts.get(t) ?? 0) < RUNNING_HEAD_REPEATS || endsClosed(t) || isHeadingLine(l)) return false;
    // A page head is a name, not a sentence: a line with clause punctuation is a (wrapped) sentence.
    if (/[，,。！？；;]/.test(t)) return false;
    // 各位代表！, enumerations and table headers/units repeat legitimately.
    if (l.tableRow || isTableFurniture(t)) return false;
    return !SALUTATION.test(t) && !ADDRESS_START.test(t) && !ENUM_ITEM.test(t) && !DASH_ITEM.test(t) && !isTitleLike(t);
  };
  if (!lines.some(running)) return lines;
  return lines.filter((l) => {
    if (!running(l)) return true;
    const message = `删除了每页重复的页眉页脚“${excerpt(l.text, 30)}”（第${l.line}行）`;
    if (!log.offer({ kind: 'artifact-removed', key: `artifact:${l.line}`, text: l.text, line: l.line, message })) return true;
    artifacts.push({ kind: 'print-header', text: l.text, line: l.line });
    return false;
  });
}

/**
 * Text copied from a PDF is wrapped at a fixed width, paragraphs marked only by indentation or
 * by blank lines. Returns that width when the copy looks so (lines inside a paragraph all fill
 * about the same width), else 0. Then a full-width line followed by a line that does not start
 * a paragraph is a wrap, even after a full stop.
 */
function hardWrapWidth(lines: WorkLine[]): number {
  if (lines.length < 10) return 0;
  const starts = lines.filter((l) => l.paragraphStart).length;
  if (starts < 3 || starts > lines.length * 0.8) return 0;
  const interior: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1];
    if (next.paragraphStart || next.tableRow || lines[i].tableRow || isHeadingLine(next)) continue;
    interior.push(wrapLength(lines[i]));
  }
  if (interior.length < 5) return 0;
  interior.sort((a, b) => a - b);
  const width = interior[Math.floor(interior.length / 2)];
  if (width < 16) return 0;
  // Wrapped lines are all about as long as the width; unwrapped paragraphs vary wildly.
  const full = interior.filter((n) => n >= width * 0.85).length;
  return full >= interior.length * 0.8 ? width : 0;
}

/** Length as laid out: the two-character indent counts. */
function wrapLength(line: WorkLine): number {
  return line.text.length + (line.indented ? 2 : 0);
}

/**
 * Join paragraphs that a page break cut mid-sentence: …编制村庄规划795 | 个。…
 * @param opts.authoredParagraphs the lines are Word paragraphs: their boundaries are the author's,
 * so a short line that ends without punctuation (a task heading 一是…, an unnumbered part name) is
 * never the first half of a cut paragraph, whatever follows it.
 */
function joinPageBreaks(lines: WorkLine[], log: RepairLog, opts: { wrapWidth: number; authoredParagraphs: boolean }): SourceLine[] {
  const { wrapWidth } = opts;
  const out: WorkLine[] = [];
  let prevRaw: WorkLine | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const prev = out[out.length - 1];
    // 第一部分 | 2024年工作回顾: the label and the part's name on two lines make one heading.
    if (prev !== undefined && isBarePartLabel(prev.text) && isShortName(line.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${line.text}` };
      prevRaw = line;
      continue;
    }
    // 三、持续提升政府 | 治理效能和服务水平: a numbered heading wrapped onto a second line.
    // Word paragraphs only: in a text copy such a line is as likely a cut body line (一、工作回顾 |
    // 第一段正文写到这里被 | 分页截断了。).
    // A declined join (same key as below) falls through, and is declined there too.
    if (
      opts.authoredParagraphs &&
      prev !== undefined &&
      prevRaw === prev &&
      isHeadingContinuation(prev, line, lines[i + 1]) &&
      log.offer({
        kind: 'paragraphs-joined',
        key: `join:${line.line}`,
        text: `${prev.text}|${line.text}`,
        line: line.line,
        message: `第${line.line}行是上一行标题“${excerpt(prev.text, 12)}”折到下一行的部分，已合为一个标题`,
      })
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + line.text };
      prevRaw = line;
      continue;
    }
    // A line starting with ，。” cannot start a paragraph; otherwise the previous line must be open,
    // or (hard-wrapped copy) full to the wrap width with this line not starting a paragraph.
    const wrapped = wrapWidth > 0 && prevRaw !== undefined && !line.paragraphStart && wrapLength(prevRaw) >= wrapWidth * 0.85;
    const punctuationStart = CONTINUATION_START.test(line.text);
    const join =
      prev !== undefined &&
      canBeContinuation(line, wrapped) &&
      !isStandalone(prev) &&
      (punctuationStart || !isSoftStandalone(prev.text)) &&
      (punctuationStart || !(opts.authoredParagraphs && isHeadingShaped(prev.text))) &&
      (punctuationStart || !endsClosed(prev.text) || wrapped);
    prevRaw = line;
    const made =
      join &&
      log.offer({
        kind: 'paragraphs-joined',
        key: `join:${line.line}`,
        text: `${excerpt(prev.text, 12, true)}|${excerpt(line.text, 12)}`,
        line: line.line,
        message:
          wrapped && endsClosed(prev.text)
            ? `第${line.line}行是上一行的折行，已与上一段接上`
            : `第${line.line}行是被分页截断的上一段的后半部分，已与上一段接上`,
      });
    if (!made) {
      out.push(line);
      continue;
    }
    const joined: WorkLine = { ...prev, text: prev.text + line.text };
    delete joined.allBold;
    out[out.length - 1] = joined;
  }
  return out.map(({ indented: _i, paragraphStart: _p, tableRow: _t, spacedOut: _s, ...plain }) => plain);
}

/**
 * Short, no sentence in it, at most two phrases (聚焦…，着力…), and not stopped mid-clause (，、：…)
 * or mid-figure (…编制村庄规划795 | 个): how a heading line looks.
 */
function isHeadingShaped(t: string): boolean {
  if (countVisible(t) > MAX_HEADING_LINE || /[。！？!?；;]/.test(t) || /[，,、：:（(“‘《—…\-\dA-Za-z０-９]$/.test(t)) return false;
  return (t.match(/[，,]/g) ?? []).length <= 1;
}

/** Longest line taken for a heading on its own; body paragraphs in the genre run far longer. */
const MAX_HEADING_LINE = 40;

/**
 * A second line that finishes a numbered heading: the heading (一、/（一）) has no punctuation, the
 * line is short, without punctuation or figures, starts nothing of its own, and is followed by
 * text that is not another such line — a list of targets (地区生产总值增长5%左右 | …) stays a list.
 */
function isHeadingContinuation(heading: WorkLine, line: WorkLine, next: WorkLine | undefined): boolean {
  if (partMarker(heading.text) === null && !SECTION_MARKER.test(heading.text)) return false;
  if (/[，,。！？!?；;：:]/.test(heading.text) || heading.tableRow) return false;
  const t = line.text;
  if (countVisible(t) > 16 || countVisible(heading.text + t) > MAX_HEADING_LINE) return false;
  if (/[\p{P}\d０-９%％]/u.test(t) || line.tableRow || line.paragraphStart !== heading.paragraphStart) return false;
  if (!canBeContinuation(line) || ENUM_ITEM.test(t) || isUnnumberedPartHeading(t)) return false;
  // Word's own formatting, where there is any, must agree: a bold heading's tail is bold too.
  if (heading.allBold !== line.allBold || heading.headingLevel !== line.headingLevel) return false;
  return next === undefined || !(countVisible(next.text) <= 16 && !/[，,。！？!?；;]/.test(next.text) && canBeContinuation(next));
}

function isBarePartLabel(t: string): boolean {
  const m = PART_LABEL.exec(t);
  return m !== null && m[0].length === t.length;
}

function isShortName(t: string): boolean {
  return t.length <= 30 && !/[，,。！？!?；;：:]/.test(t) && partMarker(t) === null && !SECTION_MARKER.test(t);
}
