/**
 * Text helpers the kind modules and the dispatchers share: quoting as Chinese typesetting nests
 * it, shortening for one-line labels, and comparing text and names the way readers do.
 * A leaf: it imports nothing of the drafting core, so kind modules can use it freely.
 */

/**
 * Wraps text in Chinese double quotes. Quotation marks already inside are demoted one level
 * (“” → ‘’, and ‘’ → “” for a third level) as Chinese typesetting nests them; ASCII double
 * quotes, common in newspaper copies with half-width punctuation, become ‘’ pairs.
 */
export function quote(text: string): string {
  return `“${nestQuotes(text)}”`;
}

/** Demotes the quotation marks of text that is about to be put inside “”. */
export function nestQuotes(text: string): string {
  let asciiOpen = true;
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '“':
        out += '‘';
        break;
      case '”':
        out += '’';
        break;
      case '‘':
        out += '“';
        break;
      case '’':
        out += '”';
        break;
      case '"':
        out += asciiOpen ? '‘' : '’';
        asciiOpen = !asciiOpen;
        break;
      default:
        out += ch;
    }
  }
  return out;
}

export { shorten, shortPath } from '../common/shortText';

/** Characters as the reader counts them: code points, whitespace excluded. */
export function countChars(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

/** Width- and space-insensitive form for comparing quotes with report text (newspaper copies mix ,/，). */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Names in a 附议代表 / 联名提案人 list (顿号, commas, semicolons or spaces between them). */
export function splitNames(list: string): string[] {
  return list
    .split(/[、，,；;\s]+/u)
    .map((n) => n.trim())
    .filter(Boolean);
}

export function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** One key per person: width-normalised, all whitespace removed. */
export function authorKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

export function sameAuthor(a: string, b: string): boolean {
  return authorKey(a) === authorKey(b);
}

/** A mark spanning several blocks is quoted as its pieces joined by an ellipsis. */
export function joinedQuote(targets: { exact: string }[]): string {
  return targets
    .map((t) => t.exact.trim())
    .filter(Boolean)
    .join('……');
}

/** YYYY-MM-DD in local time. */
export function localDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
