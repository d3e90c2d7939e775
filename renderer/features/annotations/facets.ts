/**
 * The 批注 panel's section and author filters: the choices, each with how many marks it would
 * show given the other filters (so a count never promises cards that another filter hides).
 * Pure, so it is tested without a DOM.
 */
import type { AnnotationListItem, ReaderBlock } from '../../../electron/api/contract';
import { buildOutline } from '../outline/outlineTree';
import { filterAnnotations, personKey, type Filters, type SectionFilter } from '../../store/annotations';

export interface SectionOption extends SectionFilter {
  label: string;
  /** 1 a part (一、…), 2 a section within it ((一)…) */
  level: 1 | 2;
  count: number;
}

export interface AuthorOption {
  key: string;
  /** the spelling used most for this person; '' for marks nobody signed */
  name: string;
  count: number;
}

/** Parts and their sections, from the outline, with the marks each would show. */
export function sectionOptions(blocks: ReaderBlock[], list: AnnotationListItem[], filters: Filters, ordById: Map<string, number>): SectionOption[] {
  const others = filterAnnotations(list, { ...filters, section: null }, ordById);
  return buildOutline(blocks, others)
    .filter((n) => n.level <= 2)
    .map((n) => ({ blockId: n.block.id, from: n.block.ord, to: n.endOrd, label: n.label, level: n.level as 1 | 2, count: n.annotationCount }));
}

/** Everyone who marked this version (merged bundles bring other members), most marks first. */
export function authorOptions(list: AnnotationListItem[], filters: Filters, ordById: Map<string, number>): AuthorOption[] {
  const counted = new Set(filterAnnotations(list, { ...filters, author: null }, ordById).map((a) => a.id));
  const people = new Map<string, { spellings: Map<string, number>; count: number }>();
  for (const a of list) {
    const key = personKey(a.author);
    const p = people.get(key) ?? { spellings: new Map<string, number>(), count: 0 };
    p.spellings.set(a.author.trim(), (p.spellings.get(a.author.trim()) ?? 0) + 1);
    if (counted.has(a.id)) p.count++;
    people.set(key, p);
  }
  return [...people]
    .map(([key, p]) => ({ key, name: [...p.spellings].sort((x, y) => y[1] - x[1])[0][0], count: p.count }))
    .sort((a, b) => Number(!a.key) - Number(!b.key) || b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}
