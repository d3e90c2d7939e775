/**
 * Stable block ids. An id depends on the block's kind, its normalised text and how many identical
 * blocks precede it — not on its ordinal — so re-importing the same text gives the same ids and
 * inserting a paragraph early leaves later paragraphs' ids unchanged. Marks point at these ids.
 */
import { createHash } from 'node:crypto';
import type { DraftBlock } from './structure';
import type { Block } from './types';

/** Width and spacing do not make a different paragraph: compare NFKC text without whitespace. */
export function normalizeForId(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function hash8(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 8);
}

/** Final blocks, in order, with ord and id. */
export function assignIds(blocks: DraftBlock[]): Block[] {
  const occurrences = new Map<string, number>();
  const used = new Set<string>();
  return blocks.map((b, ord) => {
    const key = `${b.kind}\u0000${normalizeForId(b.text)}`;
    const k = occurrences.get(key) ?? 0;
    occurrences.set(key, k + 1);
    let id = 'p-' + hash8(`${key}\u0000${k}`);
    // A 32-bit clash between different texts is rare but possible in a long report.
    for (let salt = 1; used.has(id); salt++) id = 'p-' + hash8(`${key}\u0000${k}\u0000${salt}`);
    used.add(id);
    return { id, ord, ...b };
  });
}
