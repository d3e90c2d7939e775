/**
 * Drafting core: draft kinds for the UI (one module per kind in kinds/, registered in
 * kinds/index.ts), validation, the official amendment wording, and the exporters (docx,
 * Markdown, CSV, W3C Web Annotation). Exporters return bytes or text only.
 */
export * from './types';
export * from './kinds';
export { DRAFT_KIND_MODULES, allKindModules, findKindModule, isDraftKind, kindModule } from './kinds/index';
export { AMENDMENT_OP_OPTIONS, CATEGORY_OPTIONS } from './kinds/shared';
export { amendmentWording, type WordingOptions } from './kinds/amendment';
export { PROPOSAL_MAX_CHARS } from './kinds/proposal';
export { SUGGESTION_MIN_CHARS } from './kinds/suggestion';
export { countChars, normalizeForMatch, quote, nestQuotes, shorten, shortPath } from './text';
export * from './validate';
export * from './wording';
export * from './export/types';
export * from './export/rows';
export * from './export/docx';
export * from './export/markdown';
export * from './export/csv';
export * from './export/webannotation';
export * from './export/files';
export * from './export/briefing';
export * from './position';
export * from './authorship';
export * from './naming';
export * from './stored';
export * from './contact';
export * from './background';
export type { DraftKindModule, IssueSink, LengthGuide, TitledDraft } from './kindModule';
