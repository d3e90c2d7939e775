/**
 * Whether a file offered as the next version is the same report: alignment coverage over the
 * corpus — real reports of four governments, the synthetic genre samples, and revisions made the
 * way revisions differ (tests/helpers/revised-report.ts, a heavily rewritten copy, half a report).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignBlocks, alignmentCoverage, SAME_REPORT_COVERAGE } from '../../../electron/core/anchor/align';
import { importReportBytes } from '../../../electron/core/report';
import { revisedReportText } from '../../helpers/revised-report';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const file = (name: string) => readFileSync(join(FIXTURES, name));
const blocksOf = (bytes: Uint8Array, name: string) => importReportBytes(bytes, name).blocks;
const coverage = (a: { id: string; text: string }[], b: { id: string; text: string }[]) => alignmentCoverage(alignBlocks(a, b), a, b);

const xianningText = file('xianning-2024-gov-work-report.txt').toString('utf8');
const reports = {
  xianning: blocksOf(file('xianning-2024-gov-work-report.txt'), 'x.txt'),
  stateCouncil: blocksOf(file('state-council-2024-gov-work-report.txt'), 's.txt'),
  beijing: blocksOf(file('beijing-2025-gov-work-report.docx'), 'b.docx'),
  hubei: blocksOf(file('hubei-2025-gov-work-report.docx'), 'h.docx'),
};
const synthetic = [
  'plan-report.txt',
  'budget-report.txt',
  'cppcc-standing-committee-report.txt',
  'district-report-unnumbered-parts.txt',
  'county-report-part-labels.txt',
].map((n) => blocksOf(file(join('synthetic', n)), n));

describe('alignmentCoverage', () => {
  it('is near 1 for a revision of the same report, and for the report itself', () => {
    expect(coverage(reports.xianning, reports.xianning)).toBe(1);
    expect(coverage(reports.xianning, blocksOf(Buffer.from(revisedReportText()), 'r.txt'))).toBeGreaterThan(0.95);
  });

  it('stays above the threshold when one version is half of the other, or half of every paragraph was rewritten', () => {
    const lines = xianningText.split('\n');
    const half = blocksOf(Buffer.from(lines.slice(0, lines.length >> 1).join('\n')), 'half.txt');
    expect(coverage(reports.xianning, half)).toBeGreaterThan(0.9);
    expect(coverage(half, reports.xianning)).toBeGreaterThan(0.9);
    // every other sentence replaced by one of another report
    const other = file('state-council-2024-gov-work-report.txt')
      .toString('utf8')
      .split(/(?<=。)/);
    let k = 0;
    const rewritten = lines
      .map((l) =>
        l
          .split(/(?<=。)/)
          .map((s, i) => (i % 3 === 1 ? other[k++ % other.length] : s))
          .join(''),
      )
      .join('\n');
    expect(coverage(reports.xianning, blocksOf(Buffer.from(rewritten), 'rw.txt'))).toBeGreaterThan(SAME_REPORT_COVERAGE);
  });

  it('is far below the threshold for two different reports, real or synthetic', () => {
    const all = [...Object.values(reports), ...synthetic];
    for (let i = 0; i < all.length; i++)
      for (let j = 0; j < all.length; j++) {
        if (i === j) continue;
        expect(coverage(all[i], all[j]), `${i} → ${j}`).toBeLessThan(SAME_REPORT_COVERAGE);
      }
    expect(coverage(reports.hubei, reports.beijing)).toBeLessThan(0.1);
    expect(coverage(reports.xianning, reports.stateCouncil)).toBeLessThan(0.1);
    // ~90 whole-report alignments: seconds on an idle machine, more when the e2e build shares the cores
  }, 120_000);
});
