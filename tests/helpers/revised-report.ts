/**
 * A "next version" of the bundled 咸宁 report, made the way a revision really differs from the
 * copy a deputy annotated: a number changed, a sentence inserted, a paragraph deleted, and one
 * paragraph retyped with full-width punctuation (a change of form only). Used by the revisions
 * API tests and the browser test; each edit is asserted to apply, so a changed fixture fails loudly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLED_REPORT = join(import.meta.dirname, '..', '..', 'resources', 'reports', 'xianning-2024-gov-work-report.txt');

/** The edits, as phrases of the report (old → new). */
export const EDITS = {
  /** a number: 620 → 650 */
  number: { old: '高新技术企业达620家', new: '高新技术企业达650家' },
  /** a sentence inserted at the start of a paragraph body: everything after it shifts */
  inserted: { after: '积极发展数字经济。', sentence: '加快建设城市算力中心,推进数据要素市场化配置改革。' },
  /** a whole paragraph deleted */
  deleted: '保障性租赁住房计划开工430套、公租房租赁补贴发放970户。',
  /** the paragraph retyped with full-width punctuation (starts with this) */
  formatOnly: '2024年经济社会发展主要预期目标:',
} as const;

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`edit does not apply exactly once: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

export function revisedReportText(original = readFileSync(BUNDLED_REPORT, 'utf8')): string {
  let text = original;
  text = replaceOnce(text, EDITS.number.old, EDITS.number.new);
  text = replaceOnce(text, EDITS.inserted.after, EDITS.inserted.after + EDITS.inserted.sentence);
  text = replaceOnce(text, EDITS.deleted + '\n', '');
  const lines = text.split('\n');
  const k = lines.findIndex((l) => l.startsWith(EDITS.formatOnly));
  if (k < 0) throw new Error('format-only paragraph not found');
  lines[k] = lines[k].replace(/[,:;()]/g, (c) => FULL_WIDTH[c]);
  return lines.join('\n');
}
