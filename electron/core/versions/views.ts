/**
 * What the version services read that the API layer keeps for them (caches and the worker's
 * diff): passed in, so core stays below the API.
 */
import type { Block } from '../report/types';
import type { StoredDraft } from '../store/drafts';

/** A version's paragraphs, by id (a cache: a version's blocks never change after import). */
export type VersionBlocks = (versionId: string) => { blocks: Block[]; byId: Map<string, Block> };

/** Two versions aligned: where an old paragraph went. */
export interface PairView {
  newBlocks: readonly Block[];
  /** the new paragraphs an old one became (several for a split); empty when it was deleted */
  alignedNew(oldBlockId: string): string[];
  /** the new paragraph standing where an old one stood (a deleted paragraph's place) */
  nearestNew(oldBlockId: string): string | null;
}
export type VersionPairs = (oldVersionId: string, newVersionId: string) => Promise<PairView>;

/** A draft's one-line name and its official wording, as the draft list shows them. */
export type DescribeDraft = (draft: StoredDraft) => { label: string; wording: string };

/** The text of a mark's targets, one after another. */
export function joinExact(targets: readonly { exact: string }[]): string {
  return targets.map((t) => t.exact).join('');
}
