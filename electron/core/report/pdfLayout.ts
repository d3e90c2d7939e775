/**
 * A PDF's text layer → paragraphs. A PDF knows glyph runs at positions, not paragraphs: this
 * module removes page furniture (running heads, page numbers, newspaper mastheads), puts the
 * runs of each page in reading order (bands across the page, then columns left to right), and
 * joins wrapped lines into paragraphs by geometry (first-line indent, a short last line, a
 * larger gap, a change of font). Pure and linear-ish (sorting) in the number of runs; pdfjs
 * stays in ./pdf.ts.
 */
import { classifyArtifactLine } from './artifacts';
import { lineFromSegments, type SourceLine } from './source';
import type { Artifact, Repair } from './types';

/** One text item of pdfjs: its string at a baseline position (PDF points, y upwards). */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** font size in points */
  size: number;
  bold: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfRun[];
}

export interface PdfReading {
  lines: SourceLine[];
  repairs: Repair[];
  artifacts: Artifact[];
}

interface Segment {
  text: string;
  bold: boolean;
}

/** Runs on one baseline that touch: a line of a column, or a header, or a page number. */
interface Fragment {
  segments: Segment[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  page: number;
}

/** A fragment in reading order, with the left and right edges of the column it sits in. */
interface PlacedLine extends Fragment {
  left: number;
  right: number;
  /** which column of which band: a change means a column or page break */
  column: string;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Min and max by loop: a crafted page may hold more items than a spread's argument limit. */
function minOf<T>(xs: readonly T[], f: (x: T) => number, start = Infinity): number {
  let m = start;
  for (const x of xs) m = Math.min(m, f(x));
  return m;
}
function maxOf<T>(xs: readonly T[], f: (x: T) => number, start = -Infinity): number {
  let m = start;
  for (const x of xs) m = Math.max(m, f(x));
  return m;
}

const isSpace = (s: string) => /^\s*$/.test(s);
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** Two pieces of Latin text meet across a gap or a line break: they need a space. */
function needsSpace(before: string, after: string): boolean {
  return LATIN_END.test(before) && LATIN_START.test(after) && (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after));
}

function makeFragment(runs: PdfRun[], page: number): Fragment {
  const segments: Segment[] = [];
  let text = '';
  let last = '';
  let prevEnd = -Infinity;
  for (const r of runs) {
    const gap = r.x - prevEnd;
    // (the last character kept apart: slicing a string built by += would flatten it every time)
    if (last && gap > r.size * 0.2 && !/\s/.test(last) && needsSpace(last, r.text.slice(0, 1))) {
      segments.push({ text: ' ', bold: false });
      text += ' ';
    }
    segments.push({ text: r.text, bold: r.bold });
    text += r.text;
    last = r.text.slice(-1);
    prevEnd = Math.max(prevEnd, r.x + r.width);
  }
  const visible = runs.filter((r) => !isSpace(r.text));
  return {
    segments,
    text: text.trim(),
    x0: minOf(visible, (r) => r.x),
    x1: maxOf(visible, (r) => r.x + r.width),
    y: median(visible.map((r) => r.y)),
    size: median(visible.map((r) => r.size)),
    bold: visible.every((r) => r.bold),
    page,
  };
}

/**
 * Runs → fragments: runs on one baseline (within a third of the font size) that follow each other
 * with less than a character's gap. A wider gap is a column gutter or a header's separate parts.
 */
function pageFragments(page: PdfPage, pageNo: number): Fragment[] {
  const runs = page.runs.filter((r) => r.text.length > 0 && r.size > 0);
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfRun[][] = [];
  for (const r of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - r.y) <= Math.max(row[0].size, r.size) * 0.35) row.push(r);
    else rows.push([r]);
  }
  const out: Fragment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: PdfRun[] = [];
    let end = -Infinity;
    const flush = () => {
      if (current.some((r) => !isSpace(r.text))) out.push(makeFragment(current, pageNo));
      current = [];
    };
    for (const r of row) {
      if (current.length && r.x - end > Math.max(r.size, 4) * 0.8) flush();
      current.push(r);
      end = current.length === 1 ? r.x + r.width : Math.max(end, r.x + r.width);
    }
    flush();
  }
  return out;
}

// --- page furniture -------------------------------------------------------------------------

/** How far from the top or bottom edge a running head, page number or masthead may sit. */
const EDGE_ZONE = 0.15;
/** Only the outermost rows of a page are furniture candidates. */
const EDGE_ROWS = 2;

const PAGE_NUMBER = [
  /^[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*$/, // 3 / - 3 - / — 3 — / －3－
  /^[-—–－]\s*[一二三四五六七八九十百]{1,4}\s*[-—–－]$/, // — 三 —
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页 / 第 3 页 共 20 页
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 3/20
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];
/** Newspaper masthead pieces: 第3版 / A3版, a date line with the weekday, the paper's name. */
const EDITION = /^(?:第\s*[\d一二三四五六七八九十]{1,3}\s*版|[A-Z]?\d{1,2}\s*版)$/;
const DATE_LINE = /^(?:[12]\d{3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[12]\d{3}[-/.]\d{1,2}[-/.]\d{1,2})\s*(?:星期|周)[一二三四五六日天]/;
const PAPER_NAME = /^[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|时报|商报|都市报|青年报|经济报|新闻)$/;

type FurnitureKind = 'page-number' | 'print-header' | 'print-footer';

function furnitureByPattern(text: string, top: boolean): FurnitureKind | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t))) return 'page-number';
  if (t.length <= 40 && (EDITION.test(t) || DATE_LINE.test(t) || (top && PAPER_NAME.test(t)))) return top ? 'print-header' : 'print-footer';
  const kind = classifyArtifactLine(t);
  if (kind === 'page-number') return kind;
  if (kind === 'print-header' || kind === 'print-footer') return top ? 'print-header' : 'print-footer';
  return null;
}

interface Removed {
  kind: FurnitureKind;
  text: string;
  page: number;
}

/** The rows (by baseline) nearest the top and the bottom edge, inside the edge zone. */
function edgeCandidates(frags: Fragment[], page: PdfPage): { frag: Fragment; top: boolean }[] {
  const ys = [...new Set(frags.map((f) => Math.round(f.y)))].sort((a, b) => b - a);
  // baselines within 8 pt are one row (a masthead mixes type sizes on one line)
  const rows: number[] = [];
  for (const v of ys) if (rows.length === 0 || Math.abs(rows[rows.length - 1] - v) > 8) rows.push(v);
  const topRows = rows.slice(0, EDGE_ROWS);
  const bottomRows = rows.slice(-EDGE_ROWS);
  const near = (y: number, list: number[]) => list.some((r) => Math.abs(r - Math.round(y)) <= 8);
  const out: { frag: Fragment; top: boolean }[] = [];
  for (const f of frags) {
    if (page.height - f.y <= page.height * EDGE_ZONE && near(f.y, topRows)) out.push({ frag: f, top: true });
    else if (f.y <= page.height * EDGE_ZONE && near(f.y, bottomRows)) out.push({ frag: f, top: false });
  }
  return out;
}

/**
 * Running heads and feet, page numbers, mastheads: text in the outermost rows that is furniture
 * by its wording, or that repeats (digits aside) at the same height on many pages.
 */
function removeFurniture(pages: Fragment[][], source: PdfPage[]): { body: Fragment[][]; removed: Removed[] } {
  const candidates = pages.map((frags, i) => edgeCandidates(frags, source[i]));
  const key = (c: { frag: Fragment; top: boolean }) =>
    `${c.top ? 'T' : 'B'}|${Math.round(c.frag.y / 6)}|${c.frag.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const pagesWith = new Map<string, Set<number>>();
  candidates.forEach((list, i) => {
    for (const c of list) {
      if (c.frag.text.length > 60) continue;
      const k = key(c);
      const set = pagesWith.get(k) ?? new Set<number>();
      set.add(i);
      pagesWith.set(k, set);
    }
  });
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.4));
  const removed: Removed[] = [];
  const drop = new Set<Fragment>();
  candidates.forEach((list) => {
    for (const c of list) {
      const byPattern = furnitureByPattern(c.frag.text, c.top);
      const repeated = (pagesWith.get(key(c))?.size ?? 0) >= minRepeats;
      if (!byPattern && !repeated) continue;
      drop.add(c.frag);
      removed.push({ kind: byPattern ?? (c.top ? 'print-header' : 'print-footer'), text: c.frag.text, page: c.frag.page });
    }
  });
  return { body: pages.map((frags) => frags.filter((f) => !drop.has(f))), removed };
}

// --- reading order --------------------------------------------------------------------------

/** Bands: runs of fragments separated by a horizontal strip of white wider than a line. */
function bands(frags: Fragment[], blank: number): Fragment[][] {
  const sorted = [...frags].sort((a, b) => b.y - a.y);
  const out: Fragment[][] = [];
  let bottom = Infinity;
  for (const f of sorted) {
    const top = f.y + f.size * 0.9;
    if (out.length === 0 || bottom - top > blank) out.push([f]);
    else out[out.length - 1].push(f);
    bottom = Math.min(bottom, f.y - f.size * 0.2);
  }
  return out;
}

/**
 * Columns of a band: gutters are vertical strips that (almost) no line crosses. Returns the
 * columns' x-ranges, left to right; one range when the band is a single column.
 */
function columnsOf(frags: Fragment[], size: number): [number, number][] {
  const left = minOf(frags, (f) => f.x0);
  const right = maxOf(frags, (f) => f.x1);
  const width = right - left;
  if (frags.length < 6 || width <= 0) return [[left, right]];
  // 2 pt bins; coarser on an absurdly wide page, so that the histogram stays small
  const BIN = Math.max(2, width / 4096);
  const n = Math.ceil(width / BIN) + 1;
  const cover = new Int32Array(n + 1);
  const narrow = frags.filter((f) => f.x1 - f.x0 < width * 0.6);
  for (const f of narrow) {
    cover[Math.floor((f.x0 - left) / BIN)]++;
    cover[Math.ceil((f.x1 - left) / BIN)]--;
  }
  const tolerance = Math.max(1, Math.floor(narrow.length * 0.02));
  const minGutter = Math.max(4, size * 0.5);
  const depth = new Int32Array(n);
  for (let i = 0, d = 0; i < n; i++) depth[i] = d += cover[i];
  const cuts: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && depth[i] <= tolerance) {
      if (start < 0) start = i;
      continue;
    }
    if (start > 0) {
      // A gutter ends where text starts; at the right edge, a last column of one or two lines
      // is as thin as the tolerance, so the gutter ends at its first line.
      let end = i;
      if (i === n) for (end = start; end < n && depth[end] === 0; end++);
      if (end < n && (end - start) * BIN >= minGutter) cuts.push([left + start * BIN, left + end * BIN]);
    }
    start = -1;
  }
  if (cuts.length === 0) return [[left, right]];
  const cols: [number, number][] = [];
  let from = left;
  for (const [a, b] of cuts) {
    cols.push([from, a]);
    from = b;
  }
  cols.push([from, right]);
  // The first column needs a few lines of its own (a last column may hold the end of the text
  // only); otherwise the "gutter" was a gap between a few short lines.
  const first = narrow.filter((f) => f.x1 <= cols[0][1] + 1).length;
  return first >= 3 ? cols : [[left, right]];
}

const byTopThenLeft = (a: Fragment, b: Fragment) => b.y - a.y || a.x0 - b.x0;

/** One page's fragments in reading order, each with its column's edges. */
function placePage(frags: Fragment[], size: number, pageEdges: [number, number]): PlacedLine[] {
  const out: PlacedLine[] = [];
  bands(frags, size * 1.0).forEach((band, bi) => {
    const cols = columnsOf(band, size);
    if (cols.length === 1) {
      const left = minOf(band, (f) => f.x0, pageEdges[0]);
      const right = maxOf(band, (f) => f.x1, pageEdges[1]);
      for (const f of band.sort(byTopThenLeft)) out.push({ ...f, left, right, column: `${f.page}:${bi}:0` });
      return;
    }
    const colOf = (f: Fragment) => {
      let hit = -1;
      for (let i = 0; i < cols.length; i++) {
        if (f.x0 < cols[i][1] + 1 && f.x1 > cols[i][0] - 1) {
          if (hit >= 0) return -1;
          hit = i;
        }
      }
      return hit;
    };
    // Lines that cross a gutter (a heading over several columns) cut the band where they stand.
    const column = new Map<Fragment, number>(band.map((f) => [f, colOf(f)]));
    const spanning = band.filter((f) => column.get(f)! < 0).sort(byTopThenLeft);
    const perColumn = cols.map((_, i) => band.filter((f) => column.get(f) === i).sort(byTopThenLeft));
    const edges = perColumn.map((mine) => [minOf(mine, (f) => f.x0), maxOf(mine, (f) => f.x1)] as [number, number]);
    const bandLeft = minOf(band, (f) => f.x0);
    const bandRight = maxOf(band, (f) => f.x1);
    // each column is read down to the next spanning line, then that line, then on (one pass each)
    const next = cols.map(() => 0);
    for (let s = 0; s <= spanning.length; s++) {
      const lower = s < spanning.length ? spanning[s].y : -Infinity;
      perColumn.forEach((mine, i) => {
        for (; next[i] < mine.length && mine[next[i]].y >= lower; next[i]++) {
          const f = mine[next[i]];
          out.push({ ...f, left: edges[i][0], right: edges[i][1], column: `${f.page}:${bi}:${s}:${i}` });
        }
      });
      if (s < spanning.length) out.push({ ...spanning[s], left: bandLeft, right: bandRight, column: `${spanning[s].page}:${bi}:${s}:span` });
    }
  });
  return out;
}

// --- paragraphs -----------------------------------------------------------------------------

const SENTENCE_END = /[。！？!?；;：:”’」』）)]$/;

/** Does `line` start a new paragraph after `prev`? */
function startsParagraph(prev: PlacedLine | undefined, line: PlacedLine, pitch: number, bodySize: number): boolean {
  if (!prev) return true;
  const size = Math.min(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > size * 0.12) return true;
  // bold type starting after plain type (a heading); bold ending is a lead sentence's end, not a break
  if (line.bold && !prev.bold) return true;
  // A title in large type wraps centred: its lines start and end anywhere, only a gap parts them.
  if (size > bodySize * 1.15) return prev.column === line.column && prev.y - line.y > size * 1.9;
  // first-line indent (2 em in official texts) or a centred line
  if (line.x0 - line.left > line.size * 0.8) return true;
  // the previous line stopped short of its column's right edge: its paragraph ended there
  const shortfall = prev.right - prev.x1;
  if (shortfall > prev.size * 1.5 || (shortfall > prev.size * 0.8 && SENTENCE_END.test(prev.text))) return true;
  // a wider gap than the lines' own spacing, in the same column
  if (prev.column === line.column && prev.y - line.y > pitch * 1.35 * (line.size / size)) return true;
  return false;
}

/** The line spacing of the body text, as a multiple of the font size. */
function pitchRatio(lines: PlacedLine[]): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a.column !== b.column || Math.abs(a.size - b.size) > 0.5) continue;
    const dy = a.y - b.y;
    if (dy > 0 && dy < a.size * 3) ratios.push(dy / a.size);
  }
  return median(ratios) || 1.5;
}

const furnitureLabel: Record<FurnitureKind, string> = { 'page-number': '页码', 'print-header': '页眉', 'print-footer': '页脚' };

/** One repair per distinct piece of furniture (digits aside), with where it was found. */
function furnitureRepairs(removed: Removed[]): Repair[] {
  const groups = new Map<string, Removed[]>();
  for (const r of removed) {
    const k = `${r.kind}|${r.text.replace(/\d+/g, '#')}`;
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const label = furnitureLabel[first.kind];
    const message =
      group.length === 1
        ? `删除了${label}“${first.text}”（第${first.page}页）`
        : `删除了${label}“${first.text}”等 ${group.length} 处（第${first.page}–${group[group.length - 1].page}页）`;
    return { kind: 'artifact-removed', text: first.text, message };
  });
}

/**
 * Pages (as pdfjs reads them) → one SourceLine per paragraph, plus what was removed as page
 * furniture. The title (the largest type on the first page) gets heading level 0; bold or larger
 * type is a heading hint.
 */
export function layoutPdfPages(pages: PdfPage[]): PdfReading {
  const fragments = pages.map((p, i) => pageFragments(p, i + 1));
  const { body, removed } = removeFurniture(fragments, pages);
  const all = body.flat();
  const sizes: number[] = [];
  for (const f of all) for (let i = 0; i < Math.min(f.text.length, 50); i++) sizes.push(f.size);
  const bodySize = median(sizes) || 12;

  // the usual text edges of a page, for pages with few or short lines (the last page)
  const fullPages = body.filter((frags) => frags.length >= 5);
  const pageEdges: [number, number] = [median(fullPages.map((fs) => minOf(fs, (f) => f.x0))), median(fullPages.map((fs) => maxOf(fs, (f) => f.x1)))];
  const placed = body.flatMap((frags) => {
    if (frags.length === 0) return [];
    const edges: [number, number] = fullPages.length ? pageEdges : [minOf(frags, (f) => f.x0), maxOf(frags, (f) => f.x1)];
    return placePage(frags, bodySize, edges);
  });
  const pitch = pitchRatio(placed) * bodySize;

  /** `last`: the paragraph's last visible character, for the space between Latin words across lines */
  const paragraphs: { segments: Segment[]; size: number; page: number; last: string }[] = [];
  let prev: PlacedLine | undefined;
  for (const line of placed) {
    const current = paragraphs[paragraphs.length - 1];
    if (startsParagraph(prev, line, pitch, bodySize) || !current) {
      paragraphs.push({ segments: [...line.segments], size: line.size, page: line.page, last: line.text.slice(-1) });
    } else {
      if (needsSpace(current.last, line.text.slice(0, 1))) current.segments.push({ text: ' ', bold: false });
      for (const seg of line.segments) current.segments.push(seg);
      current.last = line.text.slice(-1);
    }
    prev = line;
  }

  const firstPage = paragraphs.filter((p) => p.page === 1);
  const titleSize = maxOf(firstPage, (p) => p.size, 0);
  const title = titleSize > bodySize * 1.25 ? firstPage.slice(0, 3).find((p) => p.size === titleSize) : undefined;
  const lines = paragraphs.map((p, i) => {
    const larger = p.size > bodySize * 1.15;
    const segments = larger ? p.segments.map((s) => ({ ...s, bold: true })) : p.segments;
    return lineFromSegments(
      segments.map((s) => ({ text: s.text.replace(/\s*\n\s*/g, ''), bold: s.bold })),
      i + 1,
      p === title ? 0 : undefined,
    );
  });
  const artifacts: Artifact[] = removed.map((r) => ({ kind: r.kind, text: r.text }));
  return { lines, repairs: furnitureRepairs(removed), artifacts };
}
