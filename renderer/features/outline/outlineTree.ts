import type { Annotation, Block } from '../../../electron/api/contract';

export interface OutlineNode {
  block: Block;
  /** label: the heading or lead sentence */
  label: string;
  level: number;
  /** ord range covered by this node: [startOrd, endOrd) */
  endOrd: number;
  annotationCount: number;
}

/** Parts, sections and lead sentences, each with the number of annotations in its range. */
export function buildOutline(blocks: Block[], annotations: Annotation[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  for (const b of blocks) {
    if (b.kind === 'part') nodes.push({ block: b, label: b.text, level: 1, endOrd: 0, annotationCount: 0 });
    else if (b.kind === 'section') nodes.push({ block: b, label: b.text.slice(0, b.headingEnd || b.text.length), level: 2, endOrd: 0, annotationCount: 0 });
    else if (b.leadEnd > 0) nodes.push({ block: b, label: b.text.slice(0, b.leadEnd), level: 3, endOrd: 0, annotationCount: 0 });
  }
  // A node covers everything until the next node of the same or a higher level.
  for (let i = 0; i < nodes.length; i++) {
    const next = nodes.slice(i + 1).find((n) => n.level <= nodes[i].level);
    nodes[i].endOrd = next ? next.block.ord : blocks.length;
  }
  const ordById = new Map(blocks.map((b) => [b.id, b.ord]));
  const firstOrds = annotations.map((a) => ordById.get(a.targets[0]?.blockId ?? '') ?? -1).filter((o) => o >= 0);
  for (const n of nodes) n.annotationCount = firstOrds.filter((o) => o >= n.block.ord && o < n.endOrd).length;
  return nodes;
}
