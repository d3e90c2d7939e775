/**
 * Reading the report's skeleton from its blocks: part headings (一、…) and list markers. Uses the
 * importer's `kind`/`part` when present and the text itself otherwise, so the rules keep working on
 * a report whose structure the importer could only partly recover.
 */
import type { Block } from '../report/types';
import { chineseNumber } from './text';

export type MarkerKind = 'part' | 'section' | 'shi' | 'arabic';

export interface Marker {
  kind: MarkerKind;
  value: number;
  start: number;
  end: number;
  /** The marker as written: 二、 （三） 四是 (5) */
  label: string;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LEADING: [MarkerKind, RegExp][] = [
  ['section', new RegExp(`^\\s*[（(](${CN})[）)]`)],
  ['part', new RegExp(`^\\s*(${CN})、`)],
  ['shi', new RegExp(`^\\s*(${CN})是`)],
  ['arabic', /^\s*[（(](\d{1,2})[）)]/],
];

/** The numbering marker a block opens with, if any. */
export function leadingMarker(b: Block): Marker | null {
  for (const [kind, re] of LEADING) {
    const m = re.exec(b.text);
    if (!m) continue;
    const value = kind === 'arabic' ? Number(m[1]) : chineseNumber(m[1]);
    if (value === null) continue;
    const start = m[0].length - m[0].trimStart().length;
    // A part heading is a short line; 一、二、三 inside a long paragraph is a list, not a part.
    if (kind === 'part' && b.kind !== 'part' && b.text.length > 60) return null;
    return { kind, value, start, end: m[0].length, label: m[0].trim() };
  }
  return null;
}

export function isPartHeading(b: Block): boolean {
  if (b.kind === 'part') return true;
  return leadingMarker(b)?.kind === 'part';
}

/** 一是 / 二是 inside running text, after a clause break: 主要原因：一是……；二是…… */
const INLINE_SHI = new RegExp(`(^|[：:；;。，,！!？?\\s])(${CN})是`, 'g');

export function inlineShiMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(INLINE_SHI)) {
    const value = chineseNumber(m[2]);
    if (value === null) continue;
    const start = m.index + m[1].length;
    out.push({ kind: 'shi', value, start, end: start + m[2].length + 1, label: m[2] + '是' });
  }
  return out;
}

export type PartRole = 'review' | 'plan' | 'other';

export interface PartInfo {
  /** Index into blocks of the heading. */
  index: number;
  heading: string;
  role: PartRole;
  year: number | null;
}

const PLAN_WORDS = /工作安排|主要任务|总体要求|重点任务|工作任务|工作思路|工作建议|目标任务|政策取向|主要目标|奋斗目标|发展目标/;
const REVIEW_WORDS = /回顾|过去[一五]年|工作总结|总结/;

function yearOf(s: string): number | null {
  const m = /(20\d{2})年/.exec(s);
  return m ? Number(m[1]) : null;
}

/**
 * Part headings with their role: review (工作回顾), plan (工作安排/主要任务/总体要求, or a year after
 * the review year), or other. Parts after the first plan part count as plan (政府自身建设 looks ahead).
 */
export function readParts(blocks: readonly Block[]): PartInfo[] {
  const parts: PartInfo[] = [];
  blocks.forEach((b, index) => {
    if (!isPartHeading(b)) return;
    const heading = b.text.slice(0, 60);
    parts.push({ index, heading, role: 'other', year: yearOf(heading) });
  });
  let reviewYear: number | null = null;
  for (const p of parts) {
    if (REVIEW_WORDS.test(p.heading) && !PLAN_WORDS.test(p.heading)) {
      p.role = 'review';
      reviewYear ??= p.year;
    }
  }
  let planSeen = false;
  for (const p of parts) {
    if (p.role === 'review') continue;
    if (PLAN_WORDS.test(p.heading) || (p.year !== null && reviewYear !== null && p.year > reviewYear)) {
      p.role = 'plan';
      planSeen = true;
    } else if (planSeen) {
      p.role = 'plan';
    }
  }
  return parts;
}

/** Role of every block: the role of the part it sits in; blocks before the first plan part are review. */
export function blockRoles(blocks: readonly Block[], parts = readParts(blocks)): PartRole[] {
  const roles: PartRole[] = new Array(blocks.length).fill('other');
  const firstPlan = parts.find((p) => p.role === 'plan');
  let current: PartRole = firstPlan ? 'review' : 'other';
  let pi = 0;
  for (let i = 0; i < blocks.length; i++) {
    while (pi < parts.length && parts[pi].index === i) {
      current = parts[pi].role === 'other' && !firstPlan ? 'other' : parts[pi].role;
      pi++;
    }
    roles[i] = current;
  }
  return roles;
}
