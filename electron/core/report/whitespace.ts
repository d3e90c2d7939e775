/**
 * Stray whitespace in Chinese text: copies from newspapers, PDFs and web pages carry indents,
 * ideographic spaces and NBSPs between characters. Chinese needs no spaces between words, so a
 * space between two CJK characters is noise; between Latin words it is kept (once).
 */

const WS_RUN = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const WS_CHAR = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

export interface NormalizedLine {
  text: string;
  /** Whitespace inside the line was removed or collapsed (not just trimmed at the edges). */
  changed: boolean;
  /** The line was a spaced-out title such as 政 府 工 作 报 告. */
  spacedOut: boolean;
}

const MAX_SPACED_OUT = 200;
const SPACED_OUT = /^(?:[\u4e00-\u9fff][\s\u00a0\u3000]+){2,}[\u4e00-\u9fff]$/;

/** Without whitespace at either end. A loop: /[ws]+$/ backtracks over every run inside the line. */
function trimEdges(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && WS_CHAR.test(s[start])) start++;
  while (end > start && WS_CHAR.test(s[end - 1])) end--;
  return s.slice(start, end);
}

export function normalizeWhitespace(raw: string, opts: { keepSpeakerSpace?: boolean } = {}): NormalizedLine {
  const trimmed = trimEdges(raw);
  // Titles are short; the length check also keeps the regex's backtracking within bounds.
  const spacedOut = trimmed.length <= MAX_SPACED_OUT && SPACED_OUT.test(trimmed);
  let changed = false;
  const text = trimmed.replace(WS_RUN, (run: string, at: number, s: string) => {
    const before = s[at - 1] ?? '';
    const after = s[at + run.length] ?? '';
    // Next to Latin letters or digits a space is deliberate typesetting (5G 基站, Hello World).
    if (LATIN_OR_DIGIT.test(before) || LATIN_OR_DIGIT.test(after)) {
      if (run !== ' ') changed = true;
      return ' ';
    }
    // 国务院总理 李强: the space separates role and name; keep one.
    if (opts.keepSpeakerSpace) {
      if (run !== ' ') changed = true;
      return ' ';
    }
    changed = true;
    return '';
  });
  return { text, changed, spacedOut };
}
