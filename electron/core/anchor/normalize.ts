/**
 * Width and whitespace normalisation with a map back to the original string.
 *
 * Copies of the same report differ in ways readers do not count as changes: a newspaper copy
 * types `,` `:` `(` where the official text has `，` `：` `（`, digits may be full-width, spaces
 * creep in around numbers and line breaks. Matching and the diff's "formatting only" class both
 * compare normalised text, and need to map a hit back to original offsets.
 */

export type WhitespaceMode = 'remove' | 'collapse' | 'keep';

export interface NormalizeOptions {
  /**
   * remove (default): drop all whitespace — Chinese text has no meaningful spaces, and both sides
   * of a comparison are normalised the same way, so Latin words still compare consistently.
   * collapse: runs of whitespace become one ' ' (trimmed). keep: whitespace unchanged.
   */
  whitespace?: WhitespaceMode;
}

/** Normalised text plus, per normalised code unit, the original span it came from. */
export interface NormalizedText {
  original: string;
  text: string;
  /** starts[i]: original index of normalised code unit i */
  starts: Int32Array;
  /** ends[i]: original end (exclusive) of normalised code unit i */
  ends: Int32Array;
}

/** Characters whose full-width and half-width forms mean the same thing, beyond the FF01–FF5E block. */
const EXTRA: Record<string, string> = {
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"',
  '\u300c': '"', // 「 — some copies use corner brackets as quotes
  '\u300d': '"',
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u300e': "'", // 『
  '\u300f': "'",
  '\uff61': '\u3002', // half-width ideographic full stop → 。
  '\uff64': '\u3001', // half-width ideographic comma → 、
  '\u2015': '\u2014', // horizontal bar ― → em dash —
  '\u2e3a': '\u2014\u2014', // two-em dash
  '\u30fb': '\u00b7', // katakana middle dot → ·
  '\u2022': '\u00b7',
  '\u2027': '\u00b7',
  '\u2236': ':', // ratio sign ∶ used as a colon
};

/** Invisible characters some editors leave in copied text. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  // NBSP, ideographic space U+3000 and the other Unicode spaces.
  return code >= 0x80 && /\s/.test(c);
}

/** Map one code unit to its normalised form ('' = drop it). Whitespace is handled by the caller. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c;
  // Full-width ASCII block: ，：；（）！？％ＡＢ１２… → half-width.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  const extra = EXTRA[c];
  if (extra !== undefined) return extra;
  if (INVISIBLE.test(c)) return '';
  return c;
}

/** Any character normalisation would change (cheap test before doing the work). */
const CHANGES = /[\s\uff01-\uff5e\u201c\u201d\u201e\u300c-\u300f\u2018\u2019\uff61\uff64\u2015\u2e3a\u30fb\u2022\u2027\u2236\u200b-\u200d\u2060\ufeff\u00ad]/;
const CHANGES_ALL = new RegExp(CHANGES.source, 'g');

/** Fold a single string without an offset map (fast path for quotes and contexts). */
export function normalizeString(s: string, opts: NormalizeOptions = {}): string {
  if (!CHANGES.test(s)) return s;
  if ((opts.whitespace ?? 'remove') !== 'remove') return normalizeText(s, opts).text;
  return s.replace(CHANGES_ALL, (c) => (isSpace(c) ? '' : foldChar(c)));
}

/** Normalise `s` and keep the map from each normalised code unit back to the original. */
export function normalizeText(s: string, opts: NormalizeOptions = {}): NormalizedText {
  const mode = opts.whitespace ?? 'remove';
  // Worst case two units per character (the two-em dash); trimmed at the end.
  const codes = new Uint16Array(s.length * 2);
  const starts = new Int32Array(s.length * 2);
  const ends = new Int32Array(s.length * 2);
  let n = 0;
  let pendingSpace = -1; // collapse mode: original index where the current whitespace run began
  const emit = (code: number, from: number, to: number) => {
    codes[n] = code;
    starts[n] = from;
    ends[n] = to;
    n++;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const space = isSpace(c);
    if (mode !== 'keep' && space) {
      if (mode === 'collapse' && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (n > 0) emit(32, pendingSpace, i);
      pendingSpace = -1;
    }
    const f = space ? c : foldChar(c);
    for (let k = 0; k < f.length; k++) emit(f.charCodeAt(k), i, i + 1);
  }
  let text = '';
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return { original: s, text, starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

/**
 * Original span of the normalised range [start, end). An empty range maps to the original
 * position just before normalised unit `start` (or the end of the original text).
 */
export function toOriginalRange(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start] : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start], end: n.ends[end - 1] };
}

/**
 * Normalised index of an original offset: the first normalised unit at or after `offset`.
 * Used to turn a stored TextPosition into a hint inside normalised text.
 */
export function toNormalizedOffset(n: NormalizedText, offset: number): number {
  // starts is non-decreasing: binary search for the first start >= offset.
  let lo = 0;
  let hi = n.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `a` and `b` differ only in character width, quote style or whitespace. */
export function sameAfterNormalization(a: string, b: string): boolean {
  return a === b || normalizeString(a) === normalizeString(b);
}
