/**
 * Carrying marks from one version of a report to the next.
 *
 * Structure first: a mark on paragraph P is looked for where P went (the alignment), then in the
 * paragraphs around it, then anywhere — exact (after normalisation) before fuzzy, fuzzy over the
 * whole document only as a last resort. Searching one paragraph instead of the whole report is
 * what makes this fast, and trusting the alignment is what keeps short quotes ("坚持", "795")
 * from jumping to a look-alike elsewhere.
 *
 * `reanchorWholeDocument` is the peer's approach (Hypothesis match-quote over the whole text,
 * no structure), kept for the benchmark and as a reference.
 */
import DiffMatchPatch from 'diff-match-patch';
import { alignBlocks, indexAlignment, type AlignedPair, type Alignment } from './align';
import { normalizeString, toNormalizedOffset, toOriginalRange } from './normalize';
import { PreparedVersion, type AnchorBlock } from './prepared';
import { exactOccurrences, matchQuote, scoreCandidate } from './quote-match';
import type { AnchorStatus, ReanchorResult, TextTarget } from './types';

export type ReanchorTarget = TextTarget & { id: string };

export interface ReanchorOptions {
  /** Precomputed alignment of oldBlocks → newBlocks (computed when absent). */
  alignment?: Alignment;
  /** New blocks either side of the aligned block(s) searched before the whole document (default 2). */
  neighbours?: number;
}

/** Where a candidate was found: the less structural evidence, the more the text must prove. */
type Scope = 'aligned' | 'near' | 'document';

interface Candidate {
  block: number;
  /** normalised offsets in the block */
  start: number;
  end: number;
  errors: number;
  score: number;
  /** mean similarity of prefix/suffix (1 when the target had none) */
  context: number;
  scope: Scope;
}

/** Query strings of a target, normalised once. */
interface Query {
  quote: string;
  prefix: string;
  suffix: string;
}

function query(t: TextTarget): Query {
  return { quote: normalizeString(t.exact), prefix: normalizeString(t.prefix), suffix: normalizeString(t.suffix) };
}

/** Quotes this long are unlikely to recur by chance: an exact hit anywhere is trusted. */
const DISTINCTIVE_QUOTE = 16;

/** The acceptance rule per scope; see the module comment. */
function acceptable(c: Candidate, quoteLength: number): boolean {
  const quoteScore = 1 - c.errors / quoteLength;
  if (c.errors === 0) {
    if (c.scope === 'aligned') return true;
    return c.context >= 0.5 || quoteLength >= DISTINCTIVE_QUOTE;
  }
  if (c.scope === 'aligned') return quoteScore >= 0.5 && (c.context >= 0.5 || quoteScore >= 0.8);
  if (c.scope === 'near') return quoteScore >= 0.6 && c.context >= 0.5;
  return quoteScore >= 0.75 && c.context >= 0.5;
}

function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

class Reanchorer {
  private readonly oldV: PreparedVersion;
  private readonly newV: PreparedVersion;
  private readonly byOld: ReturnType<typeof indexAlignment>['byOld'];
  private readonly span: number;

  constructor(oldBlocks: readonly AnchorBlock[], newBlocks: readonly AnchorBlock[], opts: ReanchorOptions) {
    this.oldV = new PreparedVersion(oldBlocks);
    this.newV = new PreparedVersion(newBlocks);
    this.byOld = indexAlignment(opts.alignment ?? alignBlocks(oldBlocks, newBlocks)).byOld;
    this.span = opts.neighbours ?? 2;
  }

  private readonly dmp = new DiffMatchPatch();
  private readonly diffs = new Map<string, DiffMatchPatch.Diff[]>();

  /**
   * Where normalised old offset `at` of a 1-1 aligned block lies in the new block: identical for
   * a format-only change, through the character diff for an edited one (computed once per pair).
   */
  private mapOffset(pair: AlignedPair, oi: number, j: number, at: number): number {
    if (pair.textChange !== 'edited') return at;
    let d = this.diffs.get(pair.oldId!);
    if (!d) {
      d = this.dmp.diff_main(this.oldV.norm(oi).text, this.newV.norm(j).text);
      this.diffs.set(pair.oldId!, d);
    }
    return this.dmp.diff_xIndex(d, at);
  }

  /** The quote at its mapped place in a 1-1 aligned block, when it is still there verbatim. */
  private mapped(t: TextTarget, q: Query): Candidate | null {
    const oi = this.oldV.indexById.get(t.blockId);
    const rows = this.byOld.get(t.blockId);
    if (oi === undefined || !rows || rows.length !== 1 || rows[0].newId === null || rows[0].group !== undefined) return null;
    const j = this.newV.indexById.get(rows[0].newId)!;
    const oldNorm = this.oldV.norm(oi);
    const start = this.mapOffset(rows[0], oi, j, toNormalizedOffset(oldNorm, t.start));
    const text = this.newV.norm(j).text;
    if (text.startsWith(q.quote, start)) return this.candidate(j, text, start, start + q.quote.length, 0, q, start, 'aligned');
    return null;
  }

  /** New blocks the target's old block became, and a hint (normalised offset) in each. */
  private aligned(t: TextTarget): { blocks: number[]; hints: (number | undefined)[]; centre: number | null } {
    const oi = this.oldV.indexById.get(t.blockId);
    if (oi === undefined) {
      // Old version unknown (or block missing from it): the same id in the new version is all we have.
      const j = this.newV.indexById.get(t.blockId);
      return j === undefined ? { blocks: [], hints: [], centre: null } : { blocks: [j], hints: [undefined], centre: j };
    }
    const rows = this.byOld.get(t.blockId) ?? [];
    const blocks = rows.filter((r) => r.newId !== null).map((r) => this.newV.indexById.get(r.newId!)!);
    blocks.sort((a, b) => a - b);
    const oldNorm = this.oldV.norm(oi);
    let hint = toNormalizedOffset(oldNorm, t.start);
    const hints: (number | undefined)[] = [];
    for (const b of blocks) {
      const len = this.newV.norm(b).text.length;
      // A split continues the old text in the next piece: shift the hint along.
      hints.push(blocks.length === 1 ? Math.round((hint * len) / Math.max(1, oldNorm.text.length)) : hint);
      hint -= len;
    }
    if (blocks.length) return { blocks, hints, centre: blocks[0] };
    // Deleted paragraph: its text may have gone into a neighbour; look around where it stood.
    for (let d = 1; d < this.oldV.blocks.length; d++) {
      for (const k of [oi - d, oi + d]) {
        const row = this.oldV.blocks[k] && this.byOld.get(this.oldV.blocks[k].id)?.find((r) => r.newId !== null);
        if (row) return { blocks: [], hints: [], centre: this.newV.indexById.get(row.newId!)! };
      }
    }
    return { blocks: [], hints: [], centre: null };
  }

  private exactIn(block: number, q: Query, hint: number | undefined, scope: Scope): Candidate | null {
    const text = this.newV.norm(block).text;
    let best: Candidate | null = null;
    for (const start of exactOccurrences(text, q.quote)) {
      best = better(best, this.candidate(block, text, start, start + q.quote.length, 0, q, hint, scope));
    }
    return best;
  }

  private fuzzyIn(block: number, q: Query, hint: number | undefined, scope: Scope): Candidate | null {
    const text = this.newV.norm(block).text;
    const m = matchQuote(text, q.quote, { prefix: q.prefix, suffix: q.suffix, hint }, { maxCandidates: 50 });
    return m ? this.candidate(block, text, m.start, m.end, m.errors, q, hint, scope) : null;
  }

  private candidate(block: number, text: string, start: number, end: number, errors: number, q: Query, hint: number | undefined, scope: Scope): Candidate {
    const s = scoreCandidate(text, q.quote.length, { start, end, errors }, { prefix: q.prefix, suffix: q.suffix, hint });
    // Mean similarity of the context that was given (a quote at a paragraph edge has one side only).
    const sides = (q.prefix ? 1 : 0) + (q.suffix ? 1 : 0);
    const context = sides === 0 ? 1 : ((q.prefix ? s.prefix : 0) + (q.suffix ? s.suffix : 0)) / sides;
    return { block, start, end, errors, score: s.score, context, scope };
  }

  private neighbours(blocks: number[], centre: number | null): number[] {
    const own = new Set(blocks);
    const out: number[] = [];
    // For a deleted paragraph, the block now standing where it stood counts as near too.
    const around = blocks.length ? blocks : centre === null ? [] : [centre];
    for (const b of around)
      for (let d = -this.span; d <= this.span; d++) {
        const k = b + d;
        if (k >= 0 && k < this.newV.blocks.length && !own.has(k) && !out.includes(k)) out.push(k);
      }
    return out;
  }

  /** Exact hits over the whole document, excluding blocks already searched. */
  private exactAnywhere(q: Query, skip: Set<number>): Candidate | null {
    const doc = this.newV.document();
    let best: Candidate | null = null;
    for (const at of exactOccurrences(doc.text, q.quote)) {
      const block = this.newV.blockAt(at);
      if (skip.has(block)) continue;
      const start = at - doc.starts[block];
      best = better(best, this.candidate(block, this.newV.norm(block).text, start, start + q.quote.length, 0, q, undefined, 'document'));
    }
    return best;
  }

  private fuzzyAnywhere(q: Query): Candidate | null {
    const doc = this.newV.document();
    // Only matches with ≥ 75% of the quote intact are accepted here, so search no wider.
    const maxErrors = Math.floor(q.quote.length / 4);
    const m = matchQuote(doc.text, q.quote, { prefix: q.prefix, suffix: q.suffix }, { maxCandidates: 50, maxErrors });
    if (!m) return null;
    const block = this.newV.blockAt(m.start);
    const text = this.newV.norm(block).text;
    const start = m.start - doc.starts[block];
    const end = Math.min(text.length, m.end - doc.starts[block]); // never run into the next block
    return this.candidate(block, text, start, end, m.errors, q, undefined, 'document');
  }

  find(t: TextTarget): Candidate | null {
    const q = query(t);
    if (!q.quote) return null;
    const accept = (c: Candidate | null) => (c && acceptable(c, q.quote.length) ? c : null);
    // 0. Where the alignment says it is, if the quote is still there (no search at all).
    const direct = this.mapped(t, q);
    if (direct && direct.context >= 0.5) return direct;
    const { blocks, hints, centre } = this.aligned(t);

    // 1. Exact in the aligned block(s): the paragraph it was on, however reworded around it.
    let hit: Candidate | null = null;
    for (let k = 0; k < blocks.length; k++) hit = better(hit, this.exactIn(blocks[k], q, hints[k], 'aligned'));
    if (accept(hit)) return hit;

    // 2. Exact in the neighbours (a sentence moved to the next paragraph).
    const near = this.neighbours(blocks, centre);
    let nearHit: Candidate | null = null;
    for (const b of near) nearHit = better(nearHit, this.exactIn(b, q, undefined, 'near'));
    if (accept(nearHit)) return nearHit;

    // 3. Exact anywhere (a paragraph moved to another part and reworded beyond alignment).
    const searched = new Set([...blocks, ...near]);
    const anywhere = this.exactAnywhere(q, searched);
    if (accept(anywhere)) return anywhere;

    // 4. Fuzzy in the aligned block(s) and neighbours (the quote itself was edited).
    let fuzzy: Candidate | null = null;
    for (let k = 0; k < blocks.length; k++) fuzzy = better(fuzzy, accept(this.fuzzyIn(blocks[k], q, hints[k], 'aligned')));
    if (fuzzy) return fuzzy;
    for (const b of near) fuzzy = better(fuzzy, accept(this.fuzzyIn(b, q, undefined, 'near')));
    if (fuzzy) return fuzzy;

    // 5. Fuzzy anywhere, last resort.
    return accept(this.fuzzyAnywhere(q));
  }

  result(t: ReanchorTarget, c: Candidate | null): ReanchorResult {
    if (!c) return orphan(t.id);
    const block = this.newV.blocks[c.block];
    const { start, end } = toOriginalRange(this.newV.norm(c.block), c.start, c.end);
    const match = c.errors === 0 ? 'exact' : 'fuzzy';
    let status: AnchorStatus = 'edited';
    if (match === 'exact') status = block.id === t.blockId && start === t.start && end === t.end ? 'unchanged' : 'moved';
    return { id: t.id, match, status, blockId: block.id, start, end, score: round(c.score), exact: block.text.slice(start, end) };
  }

  /** Same block id, same offsets, same text: nothing to search. */
  unchanged(t: ReanchorTarget): ReanchorResult | null {
    const j = this.newV.indexById.get(t.blockId);
    if (j === undefined) return null;
    const text = this.newV.blocks[j].text;
    if (text.slice(t.start, t.end) !== t.exact) return null;
    // Context must agree too, or a short quote could be a coincidence in a rewritten paragraph.
    if (!text.slice(0, t.start).endsWith(t.prefix) || !text.slice(t.end).startsWith(t.suffix)) return null;
    return { id: t.id, match: 'exact', status: 'unchanged', blockId: t.blockId, start: t.start, end: t.end, score: 1, exact: t.exact };
  }
}

function orphan(id: string): ReanchorResult {
  return { id, match: 'orphan', status: 'orphaned', blockId: null, start: 0, end: 0, score: 0, exact: '' };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Re-anchor targets made on `oldBlocks` in `newBlocks`. Results are in target order.
 * Pure and synchronous; see worker.ts to run it off the UI thread.
 */
export function reanchor(
  targets: readonly ReanchorTarget[],
  oldBlocks: readonly AnchorBlock[],
  newBlocks: readonly AnchorBlock[],
  alignment?: Alignment,
  opts: Omit<ReanchorOptions, 'alignment'> = {},
): ReanchorResult[] {
  const r = new Reanchorer(oldBlocks, newBlocks, { ...opts, alignment });
  return targets.map((t) => r.unchanged(t) ?? r.result(t, r.find(t)));
}

/**
 * The peer approach (Hypothesis): match-quote over the whole document text, no structure.
 * Same normalisation as `reanchor`, so the comparison isolates the value of structure. With
 * `oldBlocks` the old document position is used as the hint, as Hypothesis uses the old offset.
 */
export function reanchorWholeDocument(
  targets: readonly ReanchorTarget[],
  newBlocks: readonly AnchorBlock[],
  opts: { oldBlocks?: readonly AnchorBlock[] } = {},
): ReanchorResult[] {
  const newV = new PreparedVersion(newBlocks);
  const oldV = opts.oldBlocks ? new PreparedVersion(opts.oldBlocks) : null;
  const doc = newV.document();
  return targets.map((t) => {
    const q = query(t);
    if (!q.quote) return orphan(t.id);
    let hint: number | undefined;
    const oi = oldV?.indexById.get(t.blockId);
    if (oldV && oi !== undefined) hint = oldV.document().starts[oi] + toNormalizedOffset(oldV.norm(oi), t.start);
    const m = matchQuote(doc.text, q.quote, { prefix: q.prefix, suffix: q.suffix, hint });
    if (!m) return orphan(t.id);
    const b = newV.blockAt(m.start);
    const norm = newV.norm(b);
    const { start, end } = toOriginalRange(norm, m.start - doc.starts[b], Math.min(norm.text.length, m.end - doc.starts[b]));
    const block = newV.blocks[b];
    const match = m.errors === 0 ? 'exact' : 'fuzzy';
    const status: AnchorStatus = match === 'fuzzy' ? 'edited' : block.id === t.blockId && start === t.start && end === t.end ? 'unchanged' : 'moved';
    return { id: t.id, match, status, blockId: block.id, start, end, score: round(m.score), exact: block.text.slice(start, end) };
  });
}
