/**
 * Sentence boundaries inside a block: after 。！？； (and half-width ! ? ;), keeping closing quotes
 * and brackets with the sentence they close. A half-width full stop is not a boundary (1.6%).
 */

const SENTENCE_END = /[。！？；!?;]+[”’」』）)》〉]*/g;

/** End offsets (exclusive) of each sentence; the last one is always text.length. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = SENTENCE_END.exec(text));) {
    const end = m.index + m[0].length;
    if (end > (ends[ends.length - 1] ?? 0)) ends.push(end);
  }
  if (text.length > 0 && (ends.length === 0 || ends[ends.length - 1] < text.length)) {
    // Trailing whitespace is not a sentence of its own.
    if (ends.length > 0 && !text.slice(ends[ends.length - 1]).trim()) ends[ends.length - 1] = text.length;
    else ends.push(text.length);
  }
  return ends;
}

/** The sentences themselves (for tests and the reader's sentence mode). */
export function splitSentences(text: string): string[] {
  let start = 0;
  return sentenceEnds(text).map((end) => {
    const s = text.slice(start, end);
    start = end;
    return s;
  });
}
