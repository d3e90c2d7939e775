/**
 * Paragraph alignment between two versions of a report: which new block(s) each old block became.
 *
 * Order of evidence, cheapest and surest first: the same block id (with text still similar), then
 * identical normalised text, then bigram similarity within a window around where the block should
 * be, then similarity anywhere (a paragraph moved to another part). Leftovers next to a matched
 * block are tested as the other half of a split or join. Matched blocks outside the longest
 * in-order chain are "moved". The result drives the compare view and re-anchoring.
 */
import { normalizeString } from './normalize';

/** What alignment needs of a block (Block satisfies it). */
export interface AlignBlock {
  id: string;
  text: string;
}

export type PairKind = 'same' | 'format' | 'edited' | 'moved' | 'split' | 'joined' | 'deleted' | 'inserted';

/** How the text changed between the paired blocks, independent of position. */
export type TextChange = 'none' | 'format' | 'edited';

/** One row of the compare view. Split/joined blocks give one row per block, sharing `group`. */
export interface AlignedPair {
  oldId: string | null;
  newId: string | null;
  /** 'moved' wins over the text classes; see `textChange` for whether a moved block was also edited. */
  kind: PairKind;
  /** 0..1 bigram Dice of normalised texts (against the whole group for split/joined); 1 = same text. */
  similarity: number;
  /** null for inserted/deleted rows */
  textChange: TextChange | null;
  /** out of order relative to its neighbours */
  moved: boolean;
  oldOrd: number | null;
  newOrd: number | null;
  /** rows of one split or join share this number */
  group?: number;
}

export interface Alignment {
  /** In new-version reading order; deleted blocks sit after the row of their old predecessor. */
  pairs: AlignedPair[];
}

export interface AlignOptions {
  /** Minimum similarity for a pair near its expected place (default 0.4). */
  nearThreshold?: number;
  /** Minimum similarity for a pair found anywhere: a move (default 0.6). */
  farThreshold?: number;
  /** Blocks either side of the expected place searched in the near pass (default 12). */
  window?: number;
}

/** Bigram multiset of a normalised text, for Dice similarity. */
export interface Profile {
  counts: Map<number, number>;
  total: number;
}

export function bigramProfile(text: string): Profile {
  const counts = new Map<number, number>();
  if (text.length === 1) counts.set(text.charCodeAt(0), 1);
  for (let i = 0; i + 1 < text.length; i++) {
    const k = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const total = Math.max(0, text.length - 1) || (text.length === 1 ? 1 : 0);
  return { counts, total };
}

function intersection(a: Profile, b: Profile): number {
  const [small, big] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let n = 0;
  for (const [k, c] of small.counts) {
    const d = big.counts.get(k);
    if (d) n += Math.min(c, d);
  }
  return n;
}

/** Sørensen–Dice coefficient on character bigrams: robust to edits, cheap, order-insensitive. */
export function dice(a: Profile, b: Profile): number {
  if (a.total + b.total === 0) return 1;
  return (2 * intersection(a, b)) / (a.total + b.total);
}

/** Share of `part`'s bigrams found in `whole`: high when part is a piece of whole (split/join). */
function containment(part: Profile, whole: Profile): number {
  return part.total === 0 ? 0 : intersection(part, whole) / part.total;
}

/** Similarity of two texts (normalised first), 0..1. */
export function textSimilarity(a: string, b: string): number {
  return dice(bigramProfile(normalizeString(a)), bigramProfile(normalizeString(b)));
}

/** Indices of a longest strictly increasing subsequence of `seq` (patience sorting). */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = []; // index into seq of the smallest tail of each length
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length ? tails[tails.length - 1] : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k];
  }
  return keep;
}

class Side {
  readonly norm: string[];
  private readonly profiles: (Profile | undefined)[];
  /** partner indices on the other side */
  readonly links: number[][];
  constructor(readonly blocks: readonly AlignBlock[]) {
    this.norm = blocks.map((b) => normalizeString(b.text));
    this.profiles = new Array(blocks.length);
    this.links = blocks.map(() => []);
  }
  profile(i: number): Profile {
    return (this.profiles[i] ??= bigramProfile(this.norm[i]));
  }
  free(i: number): boolean {
    return this.links[i].length === 0;
  }
}

/** Align two versions' blocks. Pure; O(blocks × window) similarity checks plus a pass over leftovers. */
export function alignBlocks(oldBlocks: readonly AlignBlock[], newBlocks: readonly AlignBlock[], opts: AlignOptions = {}): Alignment {
  const near = opts.nearThreshold ?? 0.4;
  const far = opts.farThreshold ?? 0.6;
  const window = opts.window ?? 12;
  const O = new Side(oldBlocks);
  const N = new Side(newBlocks);
  const link = (i: number, j: number) => {
    O.links[i].push(j);
    N.links[j].push(i);
  };
  const sim = (i: number, j: number) => {
    if (O.norm[i] === N.norm[j]) return 1;
    const a = O.norm[i].length;
    const b = N.norm[j].length;
    if ((2 * Math.min(a, b)) / (a + b || 1) < near) return 0; // lengths alone rule it out
    return dice(O.profile(i), N.profile(j));
  };

  // 1. Same id: the parser keeps ids for unchanged structure; still require some shared text.
  const newIndexById = new Map<string, number>();
  newBlocks.forEach((b, j) => newIndexById.set(b.id, j));
  oldBlocks.forEach((b, i) => {
    const j = newIndexById.get(b.id);
    if (j !== undefined && N.free(j) && sim(i, j) >= near) link(i, j);
  });

  // 2. Identical normalised text; duplicates pair up in reading order.
  const byText = new Map<string, number[]>();
  N.norm.forEach((t, j) => {
    if (!N.free(j)) return;
    const list = byText.get(t);
    if (list) list.push(j);
    else byText.set(t, [j]);
  });
  O.norm.forEach((t, i) => {
    if (!O.free(i)) return;
    const list = byText.get(t);
    const j = list?.find((x) => N.free(x));
    if (j !== undefined) link(i, j);
  });

  // 3. Similar text near the expected place, between the surrounding anchors.
  const expected = expectedPositions(O, newBlocks.length);
  const nearPairs: [number, number, number][] = [];
  for (let i = 0; i < oldBlocks.length; i++) {
    if (!O.free(i)) continue;
    const [lo, hi] = expected[i];
    for (let j = Math.max(0, lo - window); j <= Math.min(newBlocks.length - 1, hi + window); j++) {
      if (!N.free(j)) continue;
      const s = sim(i, j);
      if (s >= near) nearPairs.push([i, j, s]);
    }
  }
  greedyLink(nearPairs, O, N, link);

  // 4. Similar text anywhere: a paragraph moved to another part.
  const farPairs: [number, number, number][] = [];
  for (let i = 0; i < oldBlocks.length; i++) {
    if (!O.free(i)) continue;
    for (let j = 0; j < newBlocks.length; j++) {
      if (!N.free(j)) continue;
      const s = sim(i, j);
      if (s >= far) farPairs.push([i, j, s]);
    }
  }
  greedyLink(farPairs, O, N, link);

  // 5. Splits and joins: a leftover block that is a piece of its matched neighbour's partner.
  growGroups(O, N, link);
  growGroups(N, O, (j, i) => link(i, j));
  groupLeftovers(O, N, link, far, window, expected);
  groupLeftovers(N, O, (j, i) => link(i, j), far, window, invertExpected(N, oldBlocks.length));

  return buildPairs(O, N);
}

/** For each old block, the range of new indices between its nearest anchored neighbours. */
function expectedPositions(O: Side, newCount: number): [number, number][] {
  const n = O.blocks.length;
  const out: [number, number][] = new Array(n);
  let prevAnchor = -1;
  const prevOf = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    prevOf[i] = prevAnchor;
    if (!O.free(i)) prevAnchor = Math.max(...O.links[i]);
  }
  let nextAnchor = newCount;
  for (let i = n - 1; i >= 0; i--) {
    let lo = prevOf[i] + 1;
    let hi = nextAnchor - 1;
    if (hi < lo) [lo, hi] = [hi, lo]; // anchors out of order around a move
    // With few anchors (everything re-typeset) the gap is huge: centre on the proportional place.
    if (hi - lo > 40) {
      const centre = Math.round((i * newCount) / Math.max(1, n));
      lo = Math.max(lo, centre - 20);
      hi = Math.min(hi, centre + 20);
    }
    out[i] = [lo, hi];
    if (!O.free(i)) nextAnchor = Math.min(...O.links[i]);
  }
  return out;
}

function invertExpected(N: Side, oldCount: number): [number, number][] {
  return expectedPositions(N, oldCount);
}

function greedyLink(pairs: [number, number, number][], O: Side, N: Side, link: (i: number, j: number) => void) {
  // Best similarity first; ties favour the nearer diagonal so duplicates pair in order.
  pairs.sort((a, b) => b[2] - a[2] || Math.abs(a[0] - a[1]) - Math.abs(b[0] - b[1]));
  for (const [i, j] of pairs) if (O.free(i) && N.free(j)) link(i, j);
}

function joinedProfile(side: Side, idx: number[]): Profile {
  return bigramProfile(
    [...idx]
      .sort((a, b) => a - b)
      .map((k) => side.norm[k])
      .join(''),
  );
}

/**
 * Grow one-to-many groups: a free block on side B next to a B-block linked to A-block `a`,
 * whose text is mostly contained in `a` and whose addition raises the group's similarity to `a`.
 * Called once per direction: (old→new) finds splits, (new→old) finds joins.
 */
function growGroups(A: Side, B: Side, link: (a: number, b: number) => void) {
  let changed = true;
  while (changed) {
    changed = false;
    for (let b = 0; b < B.blocks.length; b++) {
      if (!B.free(b)) continue;
      for (const nb of [b - 1, b + 1]) {
        if (nb < 0 || nb >= B.blocks.length || B.links[nb].length !== 1) continue;
        const a = B.links[nb][0];
        // Only one side of a link may be a group: an A-block already joined from several B's is not split further.
        if (A.links[a].some((x) => B.links[x].length > 1)) continue;
        const group = A.links[a];
        const grown = [...group, b];
        if (Math.max(...grown) - Math.min(...grown) + 1 !== grown.length) continue; // pieces stay consecutive
        if (containment(B.profile(b), A.profile(a)) < 0.7) continue;
        const before = dice(A.profile(a), joinedProfile(B, group));
        const after = dice(A.profile(a), joinedProfile(B, grown));
        if (after > before + 0.02) {
          link(a, b);
          changed = true;
          break;
        }
      }
    }
  }
}

/** A free A-block whose text is spread over 2–3 consecutive free B-blocks (no piece matched alone). */
function groupLeftovers(A: Side, B: Side, link: (a: number, b: number) => void, threshold: number, window: number, expected: [number, number][]) {
  for (let a = 0; a < A.blocks.length; a++) {
    if (!A.free(a)) continue;
    const [lo, hi] = expected[a];
    let best: { run: number[]; s: number } | null = null;
    for (let start = Math.max(0, lo - window); start <= Math.min(B.blocks.length - 1, hi + window); start++) {
      const run: number[] = [];
      for (let k = start; k < Math.min(B.blocks.length, start + 3) && B.free(k); k++) {
        run.push(k);
        if (run.length < 2) continue;
        const s = dice(A.profile(a), joinedProfile(B, run));
        if (s >= threshold && (!best || s > best.s)) best = { run: [...run], s };
      }
    }
    if (best) for (const b of best.run) link(a, b);
  }
}

function textChange(oldText: string, newText: string, oldNorm: string, newNorm: string): TextChange {
  if (oldText === newText) return 'none';
  return oldNorm === newNorm ? 'format' : 'edited';
}

function buildPairs(O: Side, N: Side): Alignment {
  // Units: a 1-1 pair, a split (one old, many new) or a join (many old, one new).
  interface Unit {
    olds: number[];
    news: number[];
  }
  const units: Unit[] = [];
  const seenNew = new Set<number>();
  for (let i = 0; i < O.blocks.length; i++) {
    if (O.free(i)) continue;
    const news = [...O.links[i]].sort((a, b) => a - b);
    if (news.length > 1) {
      units.push({ olds: [i], news });
      news.forEach((j) => seenNew.add(j));
      continue;
    }
    const j = news[0];
    if (seenNew.has(j)) continue;
    seenNew.add(j);
    units.push({ olds: [...N.links[j]].sort((a, b) => a - b), news: [j] });
  }
  // Moves: units outside the longest chain that keeps old and new order.
  units.sort((a, b) => a.olds[0] - b.olds[0]);
  const inOrder = longestIncreasing(units.map((u) => u.news[0]));

  const rows: { key: number; sub: number; pair: AlignedPair }[] = [];
  let group = 0;
  units.forEach((u, ui) => {
    const moved = !inOrder.has(ui);
    const oldText = u.olds.map((i) => O.blocks[i].text).join('');
    const newText = u.news.map((j) => N.blocks[j].text).join('');
    const oldNorm = u.olds.map((i) => O.norm[i]).join('');
    const newNorm = u.news.map((j) => N.norm[j]).join('');
    const change = textChange(oldText, newText, oldNorm, newNorm);
    const similarity = oldNorm === newNorm ? 1 : dice(bigramProfile(oldNorm), bigramProfile(newNorm));
    const multi = u.olds.length > 1 || u.news.length > 1;
    const kind: PairKind = multi ? (u.news.length > 1 ? 'split' : 'joined') : moved ? 'moved' : change === 'none' ? 'same' : change;
    const g = multi ? ++group : undefined;
    for (const i of u.olds)
      for (const j of u.news) {
        // A split lists the old block on each new row; a join lists each old block against the new one.
        rows.push({
          key: j,
          sub: i,
          pair: {
            oldId: O.blocks[i].id,
            newId: N.blocks[j].id,
            kind,
            similarity,
            textChange: change,
            moved,
            oldOrd: i,
            newOrd: j,
            ...(g !== undefined ? { group: g } : {}),
          },
        });
      }
  });
  for (let j = 0; j < N.blocks.length; j++) {
    if (!N.free(j)) continue;
    rows.push({
      key: j,
      sub: -1,
      pair: { oldId: null, newId: N.blocks[j].id, kind: 'inserted', similarity: 0, textChange: null, moved: false, oldOrd: null, newOrd: j },
    });
  }
  // A deleted block sits after the row of its nearest preceding old block that survived.
  let anchorKey = -1;
  for (let i = 0; i < O.blocks.length; i++) {
    if (!O.free(i)) {
      anchorKey = Math.max(...O.links[i]);
      continue;
    }
    rows.push({
      key: anchorKey + 0.5,
      sub: i,
      pair: { oldId: O.blocks[i].id, newId: null, kind: 'deleted', similarity: 0, textChange: null, moved: false, oldOrd: i, newOrd: null },
    });
  }
  rows.sort((a, b) => a.key - b.key || a.sub - b.sub);
  return { pairs: rows.map((r) => r.pair) };
}

/** Lookups over an alignment, built once per use. */
export interface AlignmentIndex {
  /** rows for an old block (several for a split) */
  byOld: Map<string, AlignedPair[]>;
  /** rows for a new block (several for a join) */
  byNew: Map<string, AlignedPair[]>;
}

export function indexAlignment(alignment: Alignment): AlignmentIndex {
  const byOld = new Map<string, AlignedPair[]>();
  const byNew = new Map<string, AlignedPair[]>();
  for (const p of alignment.pairs) {
    if (p.oldId !== null) byOld.set(p.oldId, [...(byOld.get(p.oldId) ?? []), p]);
    if (p.newId !== null) byNew.set(p.newId, [...(byNew.get(p.newId) ?? []), p]);
  }
  return { byOld, byNew };
}

/**
 * How much of two versions is the same report, 0..1: the characters of paragraphs the alignment
 * paired, weighted by how similar each pair is, as a share of the old text or of the new,
 * whichever is larger (a version that is half of the other still counts as the same report).
 * A revision of a report scores near 1; two different reports of the genre, under 0.3 (their
 * shared phrases rarely make a paragraph pair): see the corpus test in align-diff.test.ts.
 */
export function alignmentCoverage(alignment: Alignment, oldBlocks: readonly AlignBlock[], newBlocks: readonly AlignBlock[]): number {
  const length = (blocks: readonly AlignBlock[]) => new Map(blocks.map((b) => [b.id, normalizeString(b.text).length]));
  const oldLength = length(oldBlocks);
  const newLength = length(newBlocks);
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const oldTotal = total(oldLength);
  const newTotal = total(newLength);
  if (oldTotal === 0 || newTotal === 0) return oldTotal === newTotal ? 1 : 0;
  let oldMatched = 0;
  let newMatched = 0;
  const seenOld = new Set<string>();
  const seenNew = new Set<string>();
  for (const p of alignment.pairs) {
    if (p.oldId === null || p.newId === null) continue;
    // A split lists its old block once per piece (and a join its new block): count each once.
    if (!seenOld.has(p.oldId)) {
      seenOld.add(p.oldId);
      oldMatched += p.similarity * (oldLength.get(p.oldId) ?? 0);
    }
    if (!seenNew.has(p.newId)) {
      seenNew.add(p.newId);
      newMatched += p.similarity * (newLength.get(p.newId) ?? 0);
    }
  }
  return Math.min(1, Math.max(oldMatched / oldTotal, newMatched / newTotal));
}

/**
 * Below this coverage a file offered as the next version of a report is more likely another report
 * (another province's, another year's): the app asks before adding it as a version. Measured on the
 * corpus: revisions ≥ 0.9, a revision with half of every paragraph rewritten ≈ 0.45, different
 * reports ≤ 0.3.
 */
export const SAME_REPORT_COVERAGE = 0.4;
