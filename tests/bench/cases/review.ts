/** Review aids on a 1 MB report: every proofreading rule plus indicator extraction. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReportBytes, parseReportText } from '../../../electron/core/report/index';
import type { Block } from '../../../electron/core/report/types';
import { checkReport, extractIndicators } from '../../../electron/core/review/index';
import type { BenchCase } from '../types';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const FILES = [
  'xianning-2024-gov-work-report.txt',
  'state-council-2024-gov-work-report.txt',
  'hubei-2025-gov-work-report.docx',
  'beijing-2025-gov-work-report.docx',
];

/** The four corpus reports' text, repeated until the report is ~1 MB of UTF-8, parsed once. */
function oneMegabyteReport(): Block[] {
  const texts = FILES.map((f) =>
    importReportBytes(readFileSync(join(FIXTURES, f)), f)
      .blocks.map((b) => b.text)
      .join('\n\n'),
  );
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 1_000_000; i++) {
    const t = texts[i % texts.length];
    parts.push(t);
    bytes += Buffer.byteLength(t) + 2;
  }
  return parseReportText(parts.join('\n\n')).blocks;
}

export const cases: BenchCase[] = [
  {
    name: 'review: all checks on a 1 MB report',
    target: '< 200 ms',
    setup: () => {
      const blocks = oneMegabyteReport();
      checkReport(blocks.slice(0, 5)); // builds the OpenCC character map once, as the app would at first use
      return blocks;
    },
    fn: (blocks: Block[]) => {
      checkReport(blocks);
      extractIndicators(blocks);
    },
    iterations: 20,
  },
];
