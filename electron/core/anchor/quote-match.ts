/**
 * Finding a TextQuote in a text, after Hypothesis's match-quote (hypothesis/client
 * src/annotator/anchoring/match-quote.ts): exact occurrences first because they are cheap, then
 * approximate ones from approx-string-match (Myers' bit-parallel edit distance); every candidate
 * is scored on quote 50 / prefix 20 / suffix 20 / position 2 and the best one wins.
 *
 * Works on whatever text it is given; callers pass normalised text (normalize.ts) and map the
 * result back to original offsets.
 */
import approxSearch from 'approx-string-match';

export interface QuoteContext {
  /** Expected text before the quote */
  prefix?: string;
  /** Expected text after the quote */
  suffix?: string;
  /** Expected start offset of the quote in the text (tie-breaker) */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1 combined score (quote, context and position) */
  score: number;
  /** edit distance between the quote and the matched text */
  errors: number;
}

export interface MatchQuoteOptions {
  /** Default min(256, quote.length / 2), as in Hypothesis. */
  maxErrors?: number;
  /** Stop after the exact search (no fuzzy fallback). */
  exactOnly?: boolean;
  /** Score at most this many candidates (those nearest the hint); default all, as the peer does. */
  maxCandidates?: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Every start of `str` in `text` (overlapping occurrences included). */
export function exactOccurrences(text: string, str: string): number[] {
  const out: number[] = [];
  if (str.length === 0) return out;
  let at = text.indexOf(str);
  while (at !== -1) {
    out.push(at);
    at = text.indexOf(str, at + 1);
  }
  return out;
}

function candidates(text: string, quote: string, maxErrors: number, exactOnly: boolean): Candidate[] {
  const exact = exactOccurrences(text, quote).map((start) => ({ start, end: start + quote.length, errors: 0 }));
  if (exact.length > 0 || exactOnly) return exact;
  return approxCandidates(text, quote, maxErrors);
}

/**
 * approx-string-match over the whole text, or — when the error budget is small against the
 * quote — only over windows around exact hits of its pieces. Pigeonhole: split the quote into
 * k+1 pieces; a match with ≤ k edits keeps at least one piece intact. Same matches, far less text.
 */
function approxCandidates(text: string, quote: string, maxErrors: number): Candidate[] {
  const k = Math.floor(maxErrors);
  const pieceLength = Math.floor(quote.length / (k + 1));
  if (pieceLength < 3 || text.length < 8 * quote.length) return approxSearch(text, quote, maxErrors);
  const windows: [number, number][] = [];
  for (let p = 0; p <= k; p++) {
    const offset = p * pieceLength;
    for (const at of exactOccurrences(text, quote.slice(offset, offset + pieceLength))) {
      windows.push([Math.max(0, at - offset - k), Math.min(text.length, at - offset + quote.length + k)]);
    }
    if (windows.length * (quote.length + 2 * k) > text.length) return approxSearch(text, quote, maxErrors); // not selective
  }
  windows.sort((a, b) => a[0] - b[0]);
  let best: Candidate[] = [];
  let bestErrors = Infinity;
  for (let w = 0; w < windows.length;) {
    const from = windows[w][0];
    let to = windows[w++][1];
    while (w < windows.length && windows[w][0] <= to) to = Math.max(to, windows[w++][1]);
    for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) {
      if (m.errors > bestErrors) continue;
      if (m.errors < bestErrors) [best, bestErrors] = [[], m.errors];
      best.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    }
  }
  return best;
}

/**
 * Fewest edits turning `str` into a substring of `text` (semi-global Levenshtein): anywhere in
 * `text` by default, or, `pinned`, starting exactly at its first character (the end is free) —
 * how well context fits when it must begin at a given place. Context strings are ~32
 * characters, where this small DP is many times cheaper than a library call that also recovers
 * match starts; re-anchoring scores tens of thousands of contexts.
 */
function editDistance(text: string, str: string, pinned = false): number {
  const m = str.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = pinned ? prev[m] : m;
  for (let j = 1; j <= text.length; j++) {
    cur[0] = pinned ? j : 0; // pinned: skipping text costs; otherwise the match may start anywhere
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (str.charCodeAt(i - 1) === c ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    if (cur[m] < best) best = cur[m];
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** Similarity 0..1 of `text` to `str` (1 − edit distance / length), 0 when either is empty. */
export function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  if (text === str) return 1; // the common case for untouched context: skip the search
  if (text.length * str.length <= 16384) return 1 - editDistance(text, str) / str.length;
  const matches = approxSearch(text, str, str.length);
  return matches.length === 0 ? 0 : 1 - matches[0].errors / str.length;
}

/** Context similarity of a candidate: 1 where no context was given, as in the peer. */
function contextScores(text: string, start: number, end: number, context: QuoteContext): { prefix: number; suffix: number } {
  const prefix = context.prefix ? textMatchScore(text.slice(Math.max(0, start - context.prefix.length), start), context.prefix) : 1;
  const suffix = context.suffix ? textMatchScore(text.slice(end, end + context.suffix.length), context.suffix) : 1;
  return { prefix, suffix };
}

export interface CandidateScore {
  /** combined 0..1 */
  score: number;
  /** prefix / suffix similarity 0..1 (1 where the context was not given) */
  prefix: number;
  suffix: number;
}

/** Combined 0..1 score of one candidate, with its parts. */
export function scoreCandidate(text: string, quoteLength: number, c: Candidate, context: QuoteContext): CandidateScore {
  const quoteScore = 1 - c.errors / quoteLength;
  const { prefix, suffix } = contextScores(text, c.start, c.end, context);
  const posScore = typeof context.hint === 'number' && text.length > 0 ? 1 - Math.abs(c.start - context.hint) / text.length : 1;
  const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * posScore) / MAX_SCORE;
  return { score, prefix, suffix };
}

const reversed = (s: string) => [...s].reverse().join('');

/**
 * An approximate match with its edges moved to where its context says they are. Edit distance is
 * blind at the edges: for 54453.23% → 544.53亿元 the fewest edits cover "544.53亿" (leaving 元 out
 * costs nothing more), and the mark would lose its last character. The suffix the mark was made
 * with starts exactly at its true end (the prefix ends at its true start), so each edge moves,
 * within a few characters, to where its context fits best; a tie keeps the edge where it was.
 */
function snapToContext(text: string, c: Candidate, context: QuoteContext): Candidate {
  const slack = Math.min(8, Math.max(2, c.errors));
  let { start, end } = c;
  if (context.suffix) {
    const suffix = context.suffix;
    const fit = (e: number) => editDistance(text.slice(e, e + suffix.length + slack), suffix, true);
    let best = fit(end);
    for (let d = 1; d <= slack; d++)
      for (const e of [end + d, end - d]) {
        if (e <= start || e > text.length) continue;
        const f = fit(e);
        if (f < best) [best, end] = [f, e];
      }
  }
  if (context.prefix) {
    const prefix = reversed(context.prefix);
    const fit = (s: number) => editDistance(reversed(text.slice(Math.max(0, s - prefix.length - slack), s)), prefix, true);
    const from = start;
    let best = fit(from);
    for (let d = 1; d <= slack; d++)
      for (const s of [from - d, from + d]) {
        if (s < 0 || s >= end) continue;
        const f = fit(s);
        if (f < best) [best, start] = [f, s];
      }
  }
  return { start, end, errors: c.errors };
}

/**
 * Best match for `quote` in `text`, or null when nothing is within the error budget.
 * Ties keep the earliest candidate (the peer's behaviour without a hint).
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, opts: MatchQuoteOptions = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const maxErrors = opts.maxErrors ?? Math.min(256, quote.length / 2);
  let found = candidates(text, quote, maxErrors, opts.exactOnly ?? false);
  if (found.length === 0) return null;
  if (opts.maxCandidates !== undefined && found.length > opts.maxCandidates) {
    const hint = context.hint ?? 0;
    found = [...found].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, opts.maxCandidates);
    found.sort((a, b) => a.start - b.start);
  }
  // Approximate matches: edges where the context fits (exact ones are the quote itself).
  if (found[0].errors > 0 && (context.prefix || context.suffix)) found = found.map((c) => snapToContext(text, c, context));
  let best: QuoteMatch | null = null;
  for (const c of found) {
    const { score } = scoreCandidate(text, quote.length, c, context);
    // On a tie, prefer the candidate closest to the quote's length (an edited number, not a cut-off one).
    const tie =
      best !== null && Math.abs(score - best.score) < 1e-9 && Math.abs(c.end - c.start - quote.length) < Math.abs(best.end - best.start - quote.length);
    if (!best || score > best.score + 1e-9 || tie) best = { start: c.start, end: c.end, score, errors: c.errors };
  }
  return best;
}

/**
 * Strict TextQuote matching as in the W3C model and Apache Annotator's matcher: every place where
 * prefix + exact + suffix occur verbatim, returning the range of `exact`. An empty `exact`
 * matches between characters.
 */
export function findExactQuotes(text: string, selector: { exact: string; prefix?: string; suffix?: string }): { start: number; end: number }[] {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const whole = prefix + selector.exact + suffix;
  const out: { start: number; end: number }[] = [];
  if (whole.length === 0) {
    for (let i = 0; i <= text.length; i++) out.push({ start: i, end: i });
    return out;
  }
  for (const at of exactOccurrences(text, whole)) {
    const start = at + prefix.length;
    out.push({ start, end: start + selector.exact.length });
  }
  return out;
}
