/**
 * Builds a revised version of a report from its blocks while keeping track of where every old
 * character went — the ground truth re-anchoring is judged against (tests and the anchor bench).
 * Edits are given in OLD coordinates; the new version is a list of blocks made of pieces copied
 * from old blocks or literal new text.
 */

export interface SourceBlock {
  id: string;
  text: string;
}

type Piece = { kind: 'copy'; block: number; from: number; to: number } | { kind: 'text'; text: string };

interface TextEdit {
  from: number;
  to: number;
  insert: Piece[];
}

/** Where an old range is expected in the new version. */
export type Expected =
  { kind: 'orphan' } | { kind: 'at'; blockId: string; start: number; end: number; /** every character survived, contiguously */ intact: boolean };

/** Newspaper copy → official text: half-width punctuation becomes full-width (1:1, offsets keep). */
const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

export function toFullWidthPunctuation(s: string): string {
  return s.replace(/[,:;()?!]/g, (c) => FULL_WIDTH[c]);
}

export class Revision {
  private readonly edits: TextEdit[][];
  private readonly structural: ((units: Piece[][]) => void)[] = [];
  private inserted = 0;

  constructor(readonly oldBlocks: readonly SourceBlock[]) {
    this.edits = oldBlocks.map(() => []);
  }

  /** Replace old[block][from, to) by `text` (insert when from === to, delete when text is ''). */
  replace(block: number, from: number, to: number, text: string): this {
    return this.edit(block, from, to, text ? [{ kind: 'text', text }] : []);
  }

  /** Move old[block][from, to) to old[dest] at offset `at` (a sentence moved to another paragraph). */
  moveText(block: number, from: number, to: number, dest: number, at: number): this {
    this.edit(block, from, to, []);
    return this.edit(dest, at, at, [{ kind: 'copy', block, from, to }]);
  }

  private edit(block: number, from: number, to: number, insert: Piece[]): this {
    const list = this.edits[block];
    for (const e of list) {
      const overlaps = from < e.to && e.from < to;
      const sameInsertPoint = from === to && e.from === e.to && from === e.from;
      if (overlaps || sameInsertPoint) throw new Error(`overlapping edits in block ${block}`);
    }
    list.push({ from, to, insert });
    return this;
  }

  deleteBlock(block: number): this {
    this.structural.push((units) => {
      units.splice(this.unitOf(units, block), 1);
    });
    return this;
  }

  /** Move old block `block` to just after old block `after`. */
  moveBlock(block: number, after: number): this {
    this.structural.push((units) => {
      const [unit] = units.splice(this.unitOf(units, block), 1);
      units.splice(this.unitOf(units, after) + 1, 0, unit);
    });
    return this;
  }

  /** Split old block `block` in two at old offset `at`. */
  splitBlock(block: number, at: number): this {
    this.structural.push((units) => {
      const u = this.unitOf(units, block);
      const pieces = units[u];
      const k = pieces.findIndex((p) => p.kind === 'copy' && p.block === block && p.from < at && at <= p.to);
      if (k < 0) throw new Error('split point not in block');
      const p = pieces[k] as Extract<Piece, { kind: 'copy' }>;
      const first = [...pieces.slice(0, k), { ...p, to: at }];
      const second = [{ ...p, from: at }, ...pieces.slice(k + 1)].filter((x) => x.kind === 'text' || x.from < x.to);
      units.splice(u, 1, first, second);
    });
    return this;
  }

  /** Join old block `block` with the block that follows it in the new version. */
  joinWithNext(block: number): this {
    this.structural.push((units) => {
      const u = this.unitOf(units, block);
      const [next] = units.splice(u + 1, 1);
      units[u] = [...units[u], ...next];
    });
    return this;
  }

  insertBlockAfter(block: number, text: string): this {
    this.structural.push((units) => {
      units.splice(this.unitOf(units, block) + 1, 0, [{ kind: 'text', text }]);
    });
    return this;
  }

  private unitOf(units: Piece[][], block: number): number {
    const u = units.findIndex((pieces) => pieces.some((p) => p.kind === 'copy' && p.block === block));
    if (u < 0) throw new Error(`old block ${block} not in the new version`);
    return u;
  }

  /**
   * The new version. ids 'text' (default): blocks whose text is unchanged keep their id, others get
   * a fresh one. ids 'place': a block made from one old block keeps that block's id even if edited
   * (a parser with positional ids). `fullWidth` converts punctuation to full-width throughout.
   */
  build(opts: { fullWidth?: boolean; idPrefix?: string; ids?: 'text' | 'place' } = {}): {
    blocks: SourceBlock[];
    locate: (blockId: string, start: number, end: number) => Expected;
  } {
    const units: Piece[][] = this.oldBlocks.map((b, i) => {
      const pieces: Piece[] = [];
      let at = 0;
      for (const e of [...this.edits[i]].sort((x, y) => x.from - y.from || x.to - y.to)) {
        if (e.from > at) pieces.push({ kind: 'copy', block: i, from: at, to: e.from });
        pieces.push(...e.insert);
        at = Math.max(at, e.to);
      }
      if (at < b.text.length) pieces.push({ kind: 'copy', block: i, from: at, to: b.text.length });
      return pieces;
    });
    for (const op of this.structural) op(units);

    const where = this.oldBlocks.map((b) => ({ block: new Int32Array(b.text.length).fill(-1), offset: new Int32Array(b.text.length).fill(-1) }));
    const blocks: SourceBlock[] = units.map((pieces, n) => {
      let text = '';
      for (const p of pieces) {
        if (p.kind === 'text') text += p.text;
        else {
          for (let k = p.from; k < p.to; k++) {
            where[p.block].block[k] = n;
            where[p.block].offset[k] = text.length + (k - p.from);
          }
          text += this.oldBlocks[p.block].text.slice(p.from, p.to);
        }
      }
      if (opts.fullWidth) text = toFullWidthPunctuation(text);
      const sources = new Set(pieces.flatMap((p) => (p.kind === 'copy' ? [p.block] : [])));
      const [source] = [...sources];
      const same = sources.size === 1 && text === this.oldBlocks[source].text;
      const placed = opts.ids === 'place' && sources.size === 1 && units.filter((u) => u.some((p) => p.kind === 'copy' && p.block === source)).length === 1;
      const id = same || placed ? this.oldBlocks[source].id : `${opts.idPrefix ?? 'v2-'}${n}-${++this.inserted}`;
      return { id, text };
    });
    const indexOfOld = new Map(this.oldBlocks.map((b, i) => [b.id, i]));

    const locate = (blockId: string, start: number, end: number): Expected => {
      const i = indexOfOld.get(blockId);
      if (i === undefined) throw new Error(`unknown old block ${blockId}`);
      const count = new Map<number, number[]>();
      for (let k = start; k < end; k++) {
        const n = where[i].block[k];
        if (n < 0) continue;
        count.set(n, [...(count.get(n) ?? []), where[i].offset[k]]);
      }
      let bestBlock = -1;
      let offsets: number[] = [];
      for (const [n, list] of count) if (list.length > offsets.length) [bestBlock, offsets] = [n, list];
      if (offsets.length * 2 < end - start) return { kind: 'orphan' };
      const s = Math.min(...offsets);
      const e = Math.max(...offsets) + 1;
      return { kind: 'at', blockId: blocks[bestBlock].id, start: s, end: e, intact: offsets.length === end - start && e - s === end - start };
    };
    return { blocks, locate };
  }
}

/** Deterministic PRNG (mulberry32) so generated targets and edits are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Is a re-anchoring result right, given the expected place? An untouched quote must land exactly.
 * An edited one must overlap its expected range well, or — when text was inserted inside the
 * quote — lie within that range and keep at least half of the quote's length.
 */
export function isCorrect(result: { blockId: string | null; start: number; end: number }, expected: Expected, quoteLength?: number): boolean {
  if (expected.kind === 'orphan') return result.blockId === null;
  if (result.blockId !== expected.blockId) return false;
  if (expected.intact) return result.start === expected.start && result.end === expected.end;
  const inter = Math.max(0, Math.min(result.end, expected.end) - Math.max(result.start, expected.start));
  const union = Math.max(result.end, expected.end) - Math.min(result.start, expected.start);
  if (union > 0 && inter / union >= 0.5) return true;
  const inside = result.start >= expected.start && result.end <= expected.end;
  return quoteLength !== undefined && inside && (result.end - result.start) * 2 >= quoteLength;
}

/** Blocks long enough to carry edits and marks (headings and one-liners are left alone). */
function bodyBlocks(blocks: readonly SourceBlock[]): number[] {
  return blocks.map((b, i) => (b.text.length >= 120 ? i : -1)).filter((i) => i >= 0);
}

/**
 * A revision like the official text after a newspaper copy and a round of amendments: numbers
 * changed, sentences inserted/deleted/moved, words replaced, one paragraph moved to another part,
 * one deleted, one split, two joined, one inserted, and punctuation full-width throughout.
 * Returns the new blocks, the ground truth, and a log of what was done.
 */
export function officialRevision(oldBlocks: readonly SourceBlock[], seed = 2024): ReturnType<Revision['build']> & { log: string[] } {
  const rng = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const rev = new Revision(oldBlocks);
  const log: string[] = [];
  const body = bodyBlocks(oldBlocks);
  if (body.length < 12) throw new Error('report too short for the revision script');
  const used = oldBlocks.map(() => [] as [number, number][]);
  const free = (b: number, from: number, to: number) => used[b].every(([f, t]) => to + 2 <= f || t + 2 <= from);
  const take = (b: number, from: number, to: number) => used[b].push([from, to]);

  // Structural edits on distinct blocks, chosen first so text edits avoid them where needed.
  const sentenceEnds = (t: string) => [...t.matchAll(/。/g)].map((m) => m.index + 1);
  const shuffled = [...body].sort(() => rng() - 0.5);
  const splitB = shuffled.find((b) => sentenceEnds(oldBlocks[b].text).length >= 4)!;
  const [deleted, moved, inserted] = shuffled.filter((b) => b !== splitB);
  const joinA = body.find((i) => body.includes(i + 1) && ![deleted, moved, splitB, inserted].some((x) => x === i || x === i + 1))!;
  const structural = new Set([deleted, moved, splitB, inserted, joinA, joinA + 1]);
  const moveAfter = body.find((i) => Math.abs(i - moved) > body.length / 3 && !structural.has(i))!;
  // Keep the split point free of text edits: reserve it now.
  const splitEnds = sentenceEnds(oldBlocks[splitB].text);
  const splitAt = splitEnds[Math.floor(splitEnds.length / 2) - 1];
  take(splitB, splitAt, splitAt);

  // Numbers changed (795 → 802).
  for (let n = 0, tries = 0; n < 15 && tries < 500; tries++) {
    const b = pick(body);
    if (b === deleted) continue;
    const nums = [...oldBlocks[b].text.matchAll(/\d+(?:\.\d+)?/g)];
    if (!nums.length) continue;
    const m = pick(nums);
    const from = m.index;
    const to = from + m[0].length;
    if (!free(b, from, to)) continue;
    const value = m[0].includes('.') ? (parseFloat(m[0]) + 0.3).toFixed(1) : String(parseInt(m[0], 10) + 7);
    rev.replace(b, from, to, value);
    take(b, from, to);
    log.push(`数字 ${m[0]}→${value}（段 ${b}）`);
    n++;
  }
  // Words replaced.
  const words: [string, string][] = [
    ['着力', '全力'],
    ['加快', '加速'],
    ['持续', '不断'],
    ['深入', '深化'],
    ['推进', '推动'],
  ];
  for (let n = 0, tries = 0; n < 6 && tries < 500; tries++) {
    const b = pick(body);
    const [from, to] = pick(words);
    const at = oldBlocks[b].text.indexOf(from, Math.floor((rng() * oldBlocks[b].text.length) / 2));
    if (at < 0 || b === deleted || !free(b, at, at + from.length)) continue;
    rev.replace(b, at, at + from.length, to);
    take(b, at, at + from.length);
    log.push(`用词 ${from}→${to}（段 ${b}）`);
    n++;
  }
  // Sentences inserted.
  for (let n = 0, tries = 0; n < 8 && tries < 500; tries++) {
    const b = pick(body);
    const ends = sentenceEnds(oldBlocks[b].text);
    if (!ends.length || b === deleted) continue;
    const at = pick(ends);
    if (!free(b, at, at)) continue;
    rev.replace(b, at, at, '同时,要进一步加强统筹协调,确保各项任务落地见效。');
    take(b, at, at);
    log.push(`插入句子（段 ${b}）`);
    n++;
  }
  // Sentences deleted.
  for (let n = 0, tries = 0; n < 3 && tries < 500; tries++) {
    const b = pick(body);
    const ends = sentenceEnds(oldBlocks[b].text);
    if (ends.length < 4 || structural.has(b)) continue;
    const k = 1 + Math.floor(rng() * (ends.length - 2));
    const [from, to] = [ends[k - 1], ends[k]];
    if (!free(b, from, to)) continue;
    rev.replace(b, from, to, '');
    take(b, from, to);
    log.push(`删去句子（段 ${b}）`);
    n++;
  }
  // A sentence moved to the start of the following paragraph.
  for (let tries = 0; tries < 500; tries++) {
    const b = pick(body);
    const dest = b + 1;
    const ends = sentenceEnds(oldBlocks[b].text);
    if (!body.includes(dest) || structural.has(b) || structural.has(dest) || ends.length < 3) continue;
    const [from, to] = [ends[ends.length - 2], ends[ends.length - 1]];
    if (!free(b, from, to) || !free(dest, 0, 0)) continue;
    rev.moveText(b, from, to, dest, 0);
    take(b, from, to);
    take(dest, 0, 0);
    log.push(`句子移到下一段（段 ${b}→${dest}）`);
    break;
  }

  rev
    .deleteBlock(deleted)
    .moveBlock(moved, moveAfter)
    .joinWithNext(joinA)
    .insertBlockAfter(inserted, '新增一段:加快建设全国统一大市场,破除地方保护和市场分割,促进商品要素资源在更大范围内畅通流动。');
  rev.splitBlock(splitB, splitAt);
  log.push(`删去段 ${deleted}`, `段 ${moved} 移到段 ${moveAfter} 之后`, `段 ${joinA}、${joinA + 1} 合并`, `段 ${inserted} 后插入新段`, `段 ${splitB} 拆分`);
  return { ...rev.build({ fullWidth: true }), log };
}

/**
 * Fixture text as blocks without the report parser: one block per non-empty line, ids p0, p1, …
 * Anchor tests use it so they exercise anchoring alone, whatever the parser does with the lines.
 */
export function paragraphsOf(text: string): SourceBlock[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((t, i) => ({ id: `p${i}`, text: t }));
}
