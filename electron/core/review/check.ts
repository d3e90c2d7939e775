/**
 * checkReport: runs every proofreading rule over a report's blocks and returns findings in
 * document order, each with an id that stays the same when the same text is checked again.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../report/types';
import type { CheckOptions, Finding, RawFinding, ReviewRule, RuleMeta, Severity } from './types';
import { repeatedWordsRule } from './rules/repeated-words';
import { latinWordsRule } from './rules/latin-words';
import { traditionalCharsRule } from './rules/traditional-chars';
import { pairedMarksRule } from './rules/paired-marks';
import { implausibleNumbersRule } from './rules/implausible-numbers';
import { numberingRule } from './rules/numbering';
import { punctuationRule } from './rules/punctuation';
import { numeralsRule } from './rules/numerals';

export const RULES: readonly ReviewRule[] = [
  repeatedWordsRule,
  traditionalCharsRule,
  pairedMarksRule,
  numberingRule,
  implausibleNumbersRule,
  punctuationRule,
  numeralsRule,
  latinWordsRule,
];

/** Rule metadata for the UI's filter list. */
export const RULE_LIST: readonly RuleMeta[] = RULES.map((r) => r.meta);

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Short hash so a dismissed finding is recognised after the report is checked again. */
export function findingId(rule: string, blockId: string, start: number, excerpt: string): string {
  return createHash('sha1').update(`${rule}\u0000${blockId}\u0000${start}\u0000${excerpt}`).digest('hex').slice(0, 16);
}

/** `rules` is for tests that register a rule of their own; the app checks with RULES. */
export function checkReport(blocks: readonly Block[], opts: CheckOptions = {}, rules: readonly ReviewRule[] = RULES): Finding[] {
  const enabled = opts.rules ? new Set(opts.rules) : null;
  const maxRank = RANK[opts.minSeverity ?? 'info'];
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  const out: Finding[] = [];
  for (const rule of rules) {
    if (enabled && !enabled.has(rule.meta.id)) continue;
    for (const raw of rule.check(blocks)) {
      if (RANK[raw.severity] > maxRank) continue;
      out.push(stamp(rule.meta.id, raw, byId.get(raw.blockId)));
    }
  }
  out.sort((a, b) => (order.get(a.blockId) ?? 0) - (order.get(b.blockId) ?? 0) || a.start - b.start || a.end - b.end || RANK[a.severity] - RANK[b.severity]);
  return out;
}

function stamp(rule: string, raw: RawFinding, block: Block | undefined): Finding {
  const excerpt = raw.excerpt ?? block?.text.slice(raw.start, raw.end) ?? '';
  return {
    id: findingId(rule, raw.blockId, raw.start, excerpt),
    rule,
    severity: raw.severity,
    blockId: raw.blockId,
    start: raw.start,
    end: raw.end,
    excerpt,
    message: raw.message,
    suggestion: raw.suggestion,
  };
}
