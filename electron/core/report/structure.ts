/**
 * Structure: what each repaired line is (part, section, lead paragraph, item, closing…), where it
 * sits (part/section numbers) and how people cite it (path). One pass over the lines: each is
 * classified into an action from the position reached so far, then the action is applied. Look-aheads
 * only plan parts: a report that starts mid-way, parts without numbers, a lost part heading.
 */
import { contextLabel, leadPath, ordinalPath } from './citation';
import { splitFrontMatter } from './frontmatter';
import { boldLeadEnd, heuristicLeadEnd } from './lead';
import { parseChineseNumeral } from './numerals';
import {
  ADDRESS_START,
  DASH_ITEM,
  ENUM_ITEM,
  NOTE_LINE,
  NOTES_HEADING,
  NUMBERED_ITEM,
  SALUTATION,
  SECTION_MARKER,
  isMetaLike,
  isUnnumberedPartHeading,
  partMarker,
} from './patterns';
import { sentenceEnds } from './sentences';
import { offsetAfterVisible, type SourceLine } from './source';
import type { Block, BlockKind } from './types';

export type DraftBlock = Omit<Block, 'id' | 'ord'>;

const MAX_PART_HEADING = 50;
const MAX_SECTION_HEADING = 90;
const HEADING_END = /[。！？!?]/;

/** The part and section a line sits in: null before the first one, or in a report without them. */
interface Position {
  part: number | null;
  section: number | null;
}

/** A part begun by a line the planning passes found: its heading, or a section after a lost heading. */
interface PlannedPart {
  part: number;
  heading: boolean;
}

/** The part number when the line heads the part after `current` (any part when there is none yet). */
function partNumber(line: SourceLine, current: number | null): number | null {
  const t = line.text;
  const m = partMarker(t);
  if (!m) return null;
  const n = parseChineseNumeral(m.numeral);
  if (n === null) return null;
  const styled = line.allBold === true || line.headingLevel !== undefined;
  if (t.length > (styled ? MAX_PART_HEADING + 20 : MAX_PART_HEADING)) return null;
  // A part heading stands alone: a sentence inside means an enumerated paragraph instead.
  if (HEADING_END.test(t.slice(0, -1)) || /[：:，,]$/.test(t)) return null;
  if (current === null) return n;
  return n > current && n <= current + 2 ? n : null;
}

/** The section number when the text starts the section after `current` (any when there is none yet). */
function sectionNumber(text: string, current: number | null): number | null {
  const m = SECTION_MARKER.exec(text);
  if (!m) return null;
  const n = parseChineseNumeral(m[1]);
  if (n === null) return null;
  if (current !== null && !(n > current && n <= current + 2)) return null;
  return n;
}

/** End of a section heading inside its line: the bold span, else the first sentence, else all. */
function sectionHeadingEnd(line: SourceLine, text: string): number {
  const firstEnd = HEADING_END.exec(text);
  const sentenceEnd = firstEnd ? firstEnd.index + 1 : text.length;
  if (line.boldStart === 0 && line.boldEnd !== undefined) {
    let boldEnd = offsetAfterVisible(text, line.boldEnd);
    while (boldEnd < text.length && /[。！？!?；;]/.test(text[boldEnd])) boldEnd++;
    if (boldEnd < sentenceEnd && boldEnd > 3) return boldEnd;
  }
  let end = sentenceEnd;
  while (end < text.length && /[”’）)》]/.test(text[end])) end++;
  return end;
}

/** Part numbers for a report that starts mid-way: sections before 二、 belong to part 一. */
function initialPart(body: SourceLine[]): number | null {
  for (const line of body) {
    const n = partNumber(line, null);
    if (n !== null) return n > 1 ? n - 1 : null;
  }
  return null;
}

function hasOutline(body: SourceLine[]): boolean {
  return body.some((l) => partMarker(l.text) !== null || SECTION_MARKER.test(l.text));
}

/** A part heading without a number: 2024年工作回顾, or a short line in a docx/md level-1 heading style. */
function isUnnumberedPart(line: SourceLine): boolean {
  const t = line.text;
  if (isUnnumberedPartHeading(t)) return true;
  return line.headingLevel === 1 && t.length <= 30 && !/[，,。！？!?；;：:]/.test(t) && !SECTION_MARKER.test(t) && !itemLike(t);
}

/**
 * Parts of a report whose parts carry no number: each unnumbered part heading starts a part, and
 * so does a run of sections restarting at （一） with no heading since the previous run (a copy that
 * lost the heading). Returns the part number for those lines; empty when the report numbers its
 * parts, or has neither such headings nor a restart (its sections then stand directly under it).
 */
function planUnnumberedParts(body: SourceLine[]): Map<SourceLine, PlannedPart> {
  const plan = new Map<SourceLine, PlannedPart>();
  if (body.some((l) => partNumber(l, null) !== null)) return planLostPartHeadings(body, plan);
  let headings = 0;
  let runs = 0;
  let last: number | null = null;
  const events: { line: SourceLine; heading: boolean }[] = [];
  for (const line of body) {
    if (NOTES_HEADING.test(line.text)) break;
    if (isUnnumberedPart(line)) {
      headings++;
      events.push({ line, heading: true });
      continue;
    }
    const m = SECTION_MARKER.exec(line.text);
    const n = m ? parseChineseNumeral(m[1]) : null;
    if (n === null) continue;
    if (last === null || n <= last) {
      runs++;
      events.push({ line, heading: false });
    }
    last = n;
  }
  if (headings === 0 && runs < 2) return plan;
  let part = 0;
  let headingSinceRun = false;
  for (const e of events) {
    if (e.heading) {
      plan.set(e.line, { part: ++part, heading: true });
      headingSinceRun = true;
    } else {
      if (!headingSinceRun) plan.set(e.line, { part: ++part, heading: false });
      headingSinceRun = false;
    }
  }
  return plan;
}

/**
 * A numbered report that lost one part heading (a page break, a bad copy): sections restart at
 * （一） and the next part heading skips a number (二、… （一）（二） … （一）（二） … 四、). The
 * restart starts the missing part, without a heading block.
 */
function planLostPartHeadings(body: SourceLine[], plan: Map<SourceLine, PlannedPart>): Map<SourceLine, PlannedPart> {
  let probe = initialPart(body);
  const parts: { index: number; n: number }[] = [];
  for (let i = 0; i < body.length; i++) {
    const n = partNumber(body[i], probe);
    if (n !== null) {
      parts.push({ index: i, n });
      probe = n;
    }
  }
  let current = initialPart(body);
  let lastSection: number | null = null;
  let nextPart = 0;
  for (let i = 0; i < body.length; i++) {
    if (nextPart < parts.length && parts[nextPart].index === i) {
      current = parts[nextPart++].n;
      lastSection = null;
      continue;
    }
    const m = SECTION_MARKER.exec(body[i].text);
    const n = m ? parseChineseNumeral(m[1]) : null;
    if (n === null) continue;
    const following = parts[nextPart]?.n;
    if (n === 1 && lastSection !== null && current !== null && following === current + 2) {
      current++;
      plan.set(body[i], { part: current, heading: false });
    }
    lastSection = n;
  }
  return plan;
}

/** （二） glued after a sentence by a page-break join: split it off when it is the next section. */
function splitEmbeddedSection(line: SourceLine, expected: number, from = 0): [SourceLine, SourceLine] | null {
  const re = /[。！？!?]\s*(?=[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)])/g;
  re.lastIndex = from;
  for (let m: RegExpExecArray | null; (m = re.exec(line.text));) {
    if (parseChineseNumeral(m[1]) !== expected) continue;
    const cut = m.index + 1;
    const head: SourceLine = { ...line, text: line.text.slice(0, cut) };
    const tail: SourceLine = { text: line.text.slice(cut).trimStart(), line: line.line };
    return [head, tail];
  }
  return null;
}

function itemLike(text: string): boolean {
  return (DASH_ITEM.test(text) && !isMetaLike(text)) || ENUM_ITEM.test(text) || NUMBERED_ITEM.test(text);
}

function noteLabel(text: string): string {
  const m = NOTE_LINE.exec(text);
  if (m) return m[0].replace(/\s*[：:]$/, '');
  return NOTES_HEADING.test(text) ? text.replace(/^附[：:]?\s*/, '').replace(/[：:]$/, '') : '注释';
}

function block(kind: BlockKind, text: string, fields: Partial<DraftBlock> = {}): DraftBlock {
  const b: DraftBlock = {
    kind,
    text,
    path: '',
    level: 4,
    part: null,
    section: null,
    headingEnd: 0,
    leadEnd: 0,
    sentenceEnds: fields.sentenceEnds ?? [],
    ...fields,
  };
  if (!fields.sentenceEnds) b.sentenceEnds = sentenceEnds(text);
  return b;
}

/**
 * What a body line is, decided from the line and the position before it. partStart: a planned
 * part without its heading (see planUnnumberedParts) starts at this line, read from its beginning.
 */
type Action = { partStart?: number } & (
  | { type: 'glossary-entry' } // any line after a notes heading, cited by number: 名词解释第2条
  | { type: 'notes-heading'; label: string }
  | { type: 'note'; label: string }
  | { type: 'part'; part: number }
  | { type: 'section'; section: number; headingEnd: number }
  | { type: 'salutation' } // a standalone 各位代表！ in the body turns to a new matter: it closes the section
  | { type: 'split'; pieces: [SourceLine, SourceLine] } // （二） glued after a sentence by a page-break join
  | { type: 'text' }
);

function classify(line: SourceLine, planned: PlannedPart | undefined, current: Position, notesTail: boolean): Action {
  const t = line.text;
  if (notesTail) return { type: 'glossary-entry' };
  if (NOTES_HEADING.test(t)) return { type: 'notes-heading', label: noteLabel(t) };
  if (NOTE_LINE.test(t) && t.length <= 200) return { type: 'note', label: noteLabel(t) };

  if (planned?.heading) return { type: 'part', part: planned.part };
  const partStart = planned?.part;
  const at: Position = planned ? { part: planned.part, section: null } : current;
  const part = planned ? null : partNumber(line, at.part);
  if (part !== null) return { type: 'part', part };

  const section = sectionNumber(t, at.section);
  if (section !== null) {
    const headingEnd = sectionHeadingEnd(line, t);
    if (headingEnd <= MAX_SECTION_HEADING) {
      const split = splitEmbeddedSection(line, section + 1, headingEnd);
      if (split) return { type: 'split', pieces: split, partStart };
      return { type: 'section', section, headingEnd, partStart };
    }
  }
  if (SALUTATION.test(t)) return { type: 'salutation', partStart };
  const split = at.part !== null || at.section !== null ? splitEmbeddedSection(line, (at.section ?? 0) + 1) : null;
  if (split) return { type: 'split', pieces: split, partStart };
  return { type: 'text', partStart };
}

export function buildStructure(lines: SourceLine[]): DraftBlock[] {
  const { front, bodyStart } = splitFrontMatter(lines);
  const out: DraftBlock[] = [];
  const frontPaths: Record<string, string> = { title: '标题', meta: '题注', salutation: '称呼' };
  for (const f of front) {
    const level = f.kind === 'title' || f.kind === 'meta' ? 0 : 4;
    out.push(block(f.kind, f.text, { level, path: f.kind === 'note' ? noteLabel(f.text) : frontPaths[f.kind] }));
  }

  const body = lines.slice(bodyStart);
  /** The report has part or section headings: paths name them, and text before them is 开头. */
  const outlined = hasOutline(body);
  const plan = planUnnumberedParts(body);
  let at: Position = { part: initialPart(body), section: null };
  const counters = new Map<string, number>();
  let notesTail = false;
  let notesLabel = '注释';
  let notesCount = 0;

  const nextOrdinal = () => {
    const key = `${at.part}|${at.section}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const context = () => {
    if (!outlined) return '';
    if (at.part === null && at.section === null) return '开头';
    return contextLabel(at.part, at.section);
  };
  const where = () => ({ part: at.part, section: at.section });

  /** Apply a line's action: move the position and emit its block; a split returns its pieces. */
  const apply = (action: Action, line: SourceLine): SourceLine[] => {
    const t = line.text;
    if (action.partStart !== undefined) at = { part: action.partStart, section: null };
    switch (action.type) {
      case 'glossary-entry':
        out.push(block('note', t, { path: `${notesLabel}第${++notesCount}条` }));
        break;
      case 'notes-heading':
        notesTail = true;
        notesLabel = action.label;
        out.push(block('note', t, { path: notesLabel }));
        break;
      case 'note':
        out.push(block('note', t, { path: action.label }));
        break;
      case 'part':
        at = { part: action.part, section: null };
        out.push(block('part', t, { level: 1, ...where(), headingEnd: t.length, path: contextLabel(action.part, null) }));
        break;
      case 'section': {
        const { section, headingEnd } = action;
        at = { part: at.part, section };
        const b = block('section', t, { level: 2, ...where(), headingEnd, path: contextLabel(at.part, section) });
        // Heading inline with its body: the block is also the section's first paragraph.
        if (t.slice(headingEnd).trim()) nextOrdinal();
        out.push(b);
        break;
      }
      case 'salutation':
        at = { part: at.part, section: null };
        out.push(block('salutation', t, { ...where(), path: ordinalPath(context(), nextOrdinal()) }));
        break;
      case 'split':
        return action.pieces;
      case 'text': {
        const kind: BlockKind = itemLike(t) ? 'item' : 'paragraph';
        const ends = sentenceEnds(t);
        // 各位代表！… addresses the deputies; its first words are not a heading.
        const leadEnd = ADDRESS_START.test(t) ? 0 : boldLeadEnd(line, t) || heuristicLeadEnd(t, ends[0], kind === 'item');
        const n = nextOrdinal();
        const ctx = context();
        out.push(
          block(kind, t, {
            ...where(),
            level: leadEnd ? 3 : 4,
            leadEnd,
            sentenceEnds: ends,
            path: leadEnd ? leadPath(ctx, t.slice(0, leadEnd)) : ordinalPath(ctx, n),
          }),
        );
        break;
      }
    }
    return [];
  };

  for (const line of body) {
    // Pieces of this line still to place, the next one last: a split piece may split again. The
    // pieces are new lines, never planned: the split has already entered a planned part.
    const pending = [line];
    for (let piece = pending.pop(); piece; piece = pending.pop()) {
      const pieces = apply(classify(piece, plan.get(piece), at, notesTail), piece);
      for (let i = pieces.length - 1; i >= 0; i--) pending.push(pieces[i]);
    }
  }

  markClosing(out);
  return out;
}

/** The closing appeal: from the last 各位代表… near the end, after the last heading. */
function markClosing(blocks: DraftBlock[]): void {
  let start = -1;
  let contentAfter = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.kind === 'note') continue;
    if (b.kind === 'part' || b.kind === 'section' || b.kind === 'title' || b.kind === 'meta') break;
    if (ADDRESS_START.test(b.text)) {
      if (b.path === '称呼') break; // the opening 各位代表： of a very short report
      start = i;
      break;
    }
    if (++contentAfter > 2) break;
  }
  if (start < 0) return;
  let n = 0;
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'note') continue;
    n++;
    Object.assign(b, { kind: 'closing', level: 4, part: null, section: null, leadEnd: 0, path: n === 1 ? '结尾' : `结尾第${n}段` });
  }
}
