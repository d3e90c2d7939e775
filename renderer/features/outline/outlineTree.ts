import type { AnnotationListItem, ReaderBlock } from '../../../electron/api/contract';

export interface OutlineNode {
  block: ReaderBlock;
  /** label: the heading or lead sentence */
  label: string;
  level: number;
  /** ord range covered by this node: [startOrd, endOrd) */
  endOrd: number;
  annotationCount: number;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function partLabel(n: number): string {
  return `${CN[n] ?? n}、（本部分开头未收录）`;
}

/** Parts, sections and lead sentences, each with the number of annotations in its range. */
export function buildOutline(blocks: ReaderBlock[], annotations: AnnotationListItem[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  const partsSeen = new Set<number>();
  for (const b of blocks) {
    if (b.kind === 'part' && b.part !== null) partsSeen.add(b.part);
    // A report that starts mid-way (a newspaper's second page) has sections before any part
    // heading: give them a part node so the outline keeps its shape.
    else if (b.part !== null && !partsSeen.has(b.part) && (b.kind === 'section' || b.leadEnd > 0)) {
      partsSeen.add(b.part);
      nodes.push({ block: b, label: partLabel(b.part), level: 1, endOrd: 0, annotationCount: 0 });
    }
    if (b.kind === 'part') nodes.push({ block: b, label: b.text, level: 1, endOrd: 0, annotationCount: 0 });
    else if (b.kind === 'section') nodes.push({ block: b, label: b.text.slice(0, b.headingEnd || b.text.length), level: 2, endOrd: 0, annotationCount: 0 });
    else if (b.leadEnd > 0) nodes.push({ block: b, label: b.text.slice(0, b.leadEnd), level: 3, endOrd: 0, annotationCount: 0 });
  }
  // A node covers everything until the next node of the same or a higher level.
  for (let i = 0; i < nodes.length; i++) {
    const next = nodes.slice(i + 1).find((n) => n.level <= nodes[i].level);
    nodes[i].endOrd = next ? next.block.ord : blocks.length;
  }
  // Prefix sums over paragraph order: O(blocks + annotations), not nodes × annotations.
  const ordById = new Map(blocks.map((b) => [b.id, b.ord]));
  const perOrd = new Array<number>(blocks.length + 1).fill(0);
  for (const a of annotations) {
    const o = ordById.get(a.targets[0]?.blockId ?? '');
    if (o !== undefined) perOrd[o + 1]++;
  }
  for (let i = 1; i < perOrd.length; i++) perOrd[i] += perOrd[i - 1];
  for (const n of nodes) n.annotationCount = perOrd[n.endOrd] - perOrd[n.block.ord];
  return nodes;
}
