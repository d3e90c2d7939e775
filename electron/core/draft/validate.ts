/**
 * Checks a draft against the rules the receiving office applies (FORMATS.md): required fields,
 * the `关于……的建议/提案` title form, one matter per suggestion/proposal, proposal length, and
 * for amendments that the quoted original really is in the report. The checks themselves are
 * in each kind's module (kinds/<kind>.ts); this looks the kind up.
 * Errors block export as a final form; warnings and infos are advice the user may ignore.
 */
import type { ValidationContext, ValidationResult } from './kindModule';
import type { Draft } from './types';
import { Collector, fixTitleWith } from './checks';
import { findKindModule } from './kinds/index';
import { PROPOSAL_TITLE } from './kinds/proposal';
import { SUGGESTION_TITLE } from './kinds/suggestion';

export type { ValidationContext, ValidationIssue, ValidationResult } from './kindModule';

const TITLE_RULES = { suggestion: SUGGESTION_TITLE, proposal: PROPOSAL_TITLE } as const;

/**
 * The title rewritten into the `关于……的建议/提案` form, or null when there is nothing to keep.
 * Strips stray end punctuation and book-title marks, and swaps a wrong ending (的提案 on a suggestion).
 */
export function fixTitle(title: string, kind: 'suggestion' | 'proposal'): string | null {
  return fixTitleWith(title, TITLE_RULES[kind].suffix);
}

export function validateDraft(draft: Draft, ctx: ValidationContext = {}): ValidationResult {
  const out = new Collector();
  const mod = findKindModule(draft.kind);
  // kind comes from the database at run time: an unknown one is reported, not thrown
  if (mod) mod.validate(draft, ctx, out);
  else out.error('kind', '未知的稿件类型');
  return out.result;
}
