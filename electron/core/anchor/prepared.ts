/**
 * A version's blocks prepared for repeated quote searches: lookup by id and normalised text built
 * once per block (lazily), plus the whole document as one normalised string for the last-resort
 * search. Re-anchoring thousands of marks must not re-normalise the report for each one.
 */
import { normalizeText, type NormalizedText } from './normalize';

export interface AnchorBlock {
  id: string;
  text: string;
}

/** Separator between blocks in the whole-document text; normalisation removes all whitespace, so it never occurs inside a block. */
const SEPARATOR = '\n';

export class PreparedVersion {
  readonly indexById = new Map<string, number>();
  private readonly norms: (NormalizedText | undefined)[];
  private doc: { text: string; starts: number[] } | undefined;

  constructor(readonly blocks: readonly AnchorBlock[]) {
    blocks.forEach((b, i) => this.indexById.set(b.id, i));
    this.norms = new Array(blocks.length);
  }

  norm(i: number): NormalizedText {
    return (this.norms[i] ??= normalizeText(this.blocks[i].text));
  }

  /** All blocks' normalised texts joined by SEPARATOR, with each block's start in it. */
  document(): { text: string; starts: number[] } {
    if (!this.doc) {
      const starts: number[] = [];
      let text = '';
      for (let i = 0; i < this.blocks.length; i++) {
        if (i > 0) text += SEPARATOR;
        starts.push(text.length);
        text += this.norm(i).text;
      }
      this.doc = { text, starts };
    }
    return this.doc;
  }

  /** Block index containing document offset `at` (the block that starts at or before it). */
  blockAt(at: number): number {
    const starts = this.document().starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
