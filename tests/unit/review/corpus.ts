/** The four corpus reports, imported once per test file through the real report engine. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReportBytes, parseReportText } from '../../../electron/core/report/index';
import type { Block } from '../../../electron/core/report/types';
import { checkReport } from '../../../electron/core/review/index';
import type { Finding } from '../../../electron/core/review/types';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export const CORPUS = {
  xianning: 'xianning-2024-gov-work-report.txt',
  stateCouncil: 'state-council-2024-gov-work-report.txt',
  hubei: 'hubei-2025-gov-work-report.docx',
  beijing: 'beijing-2025-gov-work-report.docx',
} as const;

const cache = new Map<string, Block[]>();

export function corpusBlocks(name: keyof typeof CORPUS): Block[] {
  const file = CORPUS[name];
  let blocks = cache.get(file);
  if (!blocks) {
    blocks = importReportBytes(readFileSync(join(FIXTURES, file)), file).blocks;
    cache.set(file, blocks);
  }
  return blocks;
}

/** Blocks of a small report written in the test: paragraphs separated by blank lines. */
export function blocksOf(...paragraphs: string[]): Block[] {
  return parseReportText(paragraphs.join('\n\n')).blocks;
}

/** Findings of one rule on the given paragraphs. */
export function findings(rule: string, ...paragraphs: string[]): Finding[] {
  return checkReport(blocksOf(...paragraphs), { rules: [rule] });
}

export function excerpts(rule: string, ...paragraphs: string[]): string[] {
  return findings(rule, ...paragraphs).map((f) => f.excerpt);
}
