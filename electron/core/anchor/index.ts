/** Anchoring: selectors, quote matching, paragraph alignment, diff and re-anchoring across versions. */
export type { TextTarget, AnchorStatus, ReanchorResult } from './types';
export { makeTarget, targetsForSelection, describeQuote, describeInContext, CONTEXT_LENGTH, type SelectionPoint } from './selectors';
export { normalizeText, normalizeString, toOriginalRange, toNormalizedOffset, sameAfterNormalization, type NormalizedText } from './normalize';
export { matchQuote, findExactQuotes, textMatchScore, type QuoteMatch, type QuoteContext } from './quote-match';
export {
  alignBlocks,
  alignmentCoverage,
  SAME_REPORT_COVERAGE,
  indexAlignment,
  textSimilarity,
  type Alignment,
  type AlignedPair,
  type PairKind,
  type TextChange,
  type AlignBlock,
} from './align';
export { diffText, diffVersions, isFormatOnly, type DiffOp, type BlockChange, type VersionDiff, type DiffStats } from './diff';
export { reanchor, reanchorWholeDocument, type ReanchorTarget, type ReanchorOptions } from './reanchor';
export { adoptionHint, type AmendmentText, type AdoptionHint } from './adoption';
