/**
 * W3C Web Annotation selectors, one pair per block a mark covers.
 * Offsets are JavaScript string indices into the block's text.
 */
export interface TextTarget {
  blockId: string;
  start: number;
  end: number;
  /** TextQuoteSelector */
  exact: string;
  prefix: string;
  suffix: string;
}

import type { AnchorStatus } from '../common/vocabulary';
export type { AnchorStatus };

/** Result of re-anchoring one target in a new version. */
export interface ReanchorResult {
  /** caller's id for the target */
  id: string;
  /** exact: the quote was found verbatim (after width/whitespace normalisation); fuzzy: approximate; orphan: not found */
  match: 'exact' | 'fuzzy' | 'orphan';
  status: AnchorStatus;
  blockId: string | null;
  start: number;
  end: number;
  /** 0..1, 1 = certain */
  score: number;
  /** the text now at the new position (empty for orphans) */
  exact: string;
}
