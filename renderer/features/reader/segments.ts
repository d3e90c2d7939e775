/**
 * Splits a block's text into runs that share the same marks (highlights, find hits, proofreading
 * underlines, lead sentence). Pure, so it is tested without a DOM.
 */
export interface Mark {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** ids of annotations covering the whole run, in the order given */
  annotations: string[];
  /** index of the find hit covering the run, -1 if none */
  findHit: number;
  /** ids of proofreading findings underlining the run */
  findings: string[];
  /** inside the lead sentence / inline heading (printed bold) */
  lead: boolean;
}

export function segmentBlock(
  length: number,
  leadEnd: number,
  annotations: (Mark & { id: string })[],
  findHits: (Mark & { index: number })[] = [],
  findings: (Mark & { id: string })[] = [],
): Segment[] {
  const cuts = new Set<number>([0, length]);
  if (leadEnd > 0 && leadEnd < length) cuts.add(leadEnd);
  const clamp = (x: number) => Math.max(0, Math.min(length, x));
  for (const m of [...annotations, ...findHits, ...findings]) {
    cuts.add(clamp(m.start));
    cuts.add(clamp(m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const covers = (m: Mark) => m.start <= start && m.end >= end;
    out.push({
      start,
      end,
      annotations: annotations.filter(covers).map((m) => m.id),
      findHit: findHits.find(covers)?.index ?? -1,
      findings: findings.filter(covers).map((m) => m.id),
      lead: start < leadEnd,
    });
  }
  return out;
}
