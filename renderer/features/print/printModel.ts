/**
 * What a printed copy of the report holds: which paragraphs, their runs with the colours of the
 * marks over them, and the notes as numbered end notes in reading order. Pure (no DOM, no store),
 * so it is tested on its own; PrintView only lays it out.
 */
import type { AnnotationListItem, ReaderBlock } from '../../../electron/api/contract';
import { COLORS, type Color } from '../../../electron/core/common/vocabulary';
import { segmentBlock } from '../reader/segments';

export const PRINT_SCOPES = ['all', 'marked'] as const;
export type PrintScope = (typeof PRINT_SCOPES)[number];

export interface PrintOptions {
  /** 全文, or 仅含标注的段落 (with the headings above them, so the reader knows where they are) */
  scope: PrintScope;
  /** notes as [1] in the text and a 批注 list at the end */
  endNotes: boolean;
  /** a first page with the report's name, version, reviewer, date and the number of marks */
  cover: boolean;
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { scope: 'all', endNotes: true, cover: true };

/** Overlapping marks print as stripes in the reader's order (BlockView), so paper matches the screen. */
const STRIPE_ORDER = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const satisfies readonly Color[];

export interface PrintRun {
  start: number;
  end: number;
  /** colours of the marks over the run, in the reader's stripe order */
  colors: Color[];
  /** inside the lead sentence or inline heading (printed bold) */
  lead: boolean;
  /** end-note numbers printed right after the run: the notes of marks that end here */
  noteNumbers: number[];
}

export interface PrintedBlock {
  block: ReaderBlock;
  runs: PrintRun[];
  /** 仅含标注: its neighbours are left out, so the paragraph says where it is (第一部分（三）第2段) */
  showPath: boolean;
}

export interface EndNote {
  number: number;
  annotationId: string;
  /** 第二部分“2024年工作安排”中“…”一段, as amendment lists cite it */
  citation: string;
  quote: string;
  note: string;
  author: string;
  color: Color;
}

export interface PrintModel {
  blocks: PrintedBlock[];
  notes: EndNote[];
  /** marks placed in this version's text (orphans have no place to print) */
  markCount: number;
  colorCounts: { color: Color; count: number }[];
}

/** Headings kept above marked paragraphs: the title, part headings, section headings standing alone. */
function isHeading(b: ReaderBlock): boolean {
  return b.kind === 'title' || b.kind === 'part' || (b.kind === 'section' && (b.headingEnd === 0 || b.headingEnd >= b.text.length));
}

export function buildPrintModel(blocks: ReaderBlock[], annotations: AnnotationListItem[], options: PrintOptions): PrintModel {
  const ordById = new Map(blocks.map((b, i) => [b.id, i]));
  // Only marks with a place in this text, each with its targets in reading order.
  const placed = annotations
    .filter((a) => a.anchorStatus !== 'orphaned')
    .map((a) => ({
      a,
      targets: a.targets
        .filter((x) => ordById.has(x.blockId) && x.end > x.start)
        .sort((p, q) => ordById.get(p.blockId)! - ordById.get(q.blockId)! || p.start - q.start),
    }))
    .filter((m) => m.targets.length > 0)
    .sort((p, q) => ordById.get(p.targets[0].blockId)! - ordById.get(q.targets[0].blockId)! || p.targets[0].start - q.targets[0].start);

  const notes: EndNote[] = [];
  /** per block: note numbers by the offset their mark ends at */
  const refs = new Map<string, Map<number, number[]>>();
  if (options.endNotes)
    for (const { a, targets } of placed) {
      if (!a.note.trim()) continue;
      const first = blocks[ordById.get(targets[0].blockId)!];
      const number = notes.length + 1;
      notes.push({
        number,
        annotationId: a.id,
        citation: first.position || first.path,
        quote: targets.map((x) => x.exact).join(''),
        note: a.note.trim(),
        author: a.author.trim(),
        color: a.color,
      });
      const last = targets.at(-1)!;
      // where the text's runs can end: a stale end past the paragraph still gets its number printed
      const end = Math.min(last.end, blocks[ordById.get(last.blockId)!].text.length);
      const at = refs.get(last.blockId) ?? new Map<number, number[]>();
      at.set(end, [...(at.get(end) ?? []), number]);
      refs.set(last.blockId, at);
    }

  const marksByBlock = new Map<string, { id: string; start: number; end: number; color: Color }[]>();
  for (const { a, targets } of placed)
    for (const x of targets) {
      const mark = { id: a.id, start: x.start, end: x.end, color: a.color };
      const list = marksByBlock.get(x.blockId);
      if (list) list.push(mark);
      else marksByBlock.set(x.blockId, [mark]);
    }

  const included = options.scope === 'all' ? new Set(blocks.map((b) => b.id)) : markedWithHeadings(blocks, marksByBlock);
  const printed: PrintedBlock[] = [];
  for (const block of blocks) {
    if (!included.has(block.id)) continue;
    const marks = marksByBlock.get(block.id) ?? [];
    const colorOf = new Map(marks.map((m) => [m.id, m.color]));
    const at = refs.get(block.id);
    const runs: PrintRun[] = [];
    for (const seg of segmentBlock(block.text.length, block.headingEnd || block.leadEnd, marks)) {
      const colors = STRIPE_ORDER.filter((c) => seg.annotations.some((id) => colorOf.get(id) === c));
      const run: PrintRun = { start: seg.start, end: seg.end, colors, lead: seg.lead, noteNumbers: at?.get(seg.end) ?? [] };
      const prev = runs.at(-1);
      // Runs that look the same are one span (a note reference still closes the run it follows).
      if (prev && prev.noteNumbers.length === 0 && prev.lead === run.lead && prev.colors.join() === run.colors.join()) {
        prev.end = run.end;
        prev.noteNumbers = run.noteNumbers;
      } else runs.push(run);
    }
    printed.push({ block, runs, showPath: options.scope === 'marked' && !isHeading(block) });
  }

  const counts = new Map<Color, number>();
  for (const { a } of placed) counts.set(a.color, (counts.get(a.color) ?? 0) + 1);
  return {
    blocks: printed,
    notes,
    markCount: placed.length,
    colorCounts: COLORS.filter((c) => counts.has(c)).map((color) => ({ color, count: counts.get(color)! })),
  };
}

/** 仅含标注的段落: the marked paragraphs, the title, and the part and section headings they sit under. */
function markedWithHeadings(blocks: ReaderBlock[], marksByBlock: Map<string, unknown>): Set<string> {
  const out = new Set<string>();
  let part: ReaderBlock | null = null;
  let section: ReaderBlock | null = null;
  for (const b of blocks) {
    if (b.kind === 'title') out.add(b.id);
    if (b.kind === 'part') {
      part = b;
      section = null;
    } else if (b.kind === 'section') section = b;
    if (!marksByBlock.has(b.id)) continue;
    out.add(b.id);
    if (part) out.add(part.id);
    if (section && section !== b && isHeading(section)) out.add(section.id);
  }
  return out;
}
