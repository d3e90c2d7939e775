/**
 * How a proofreading rule is added (DESIGN.md, "How to add…"), done once here: a module that
 * exports a ReviewRule, listed in RULES. The fixture flags “等等”, which official prose avoids
 * (公文 ends a list with 等); it proves the seam, it is not one of the app's rules.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, RULES } from '../../../electron/core/review/check';
import type { RawFinding, ReviewRule } from '../../../electron/core/review/types';
import { parseReportText } from '../../../electron/core/report';

const dengdeng: ReviewRule = {
  meta: { id: 'fixture-dengdeng', name: '“等等”', description: '公文列举后一般用“等”，不用“等等”。' },
  check(blocks) {
    const out: RawFinding[] = [];
    for (const b of blocks) {
      for (let at = b.text.indexOf('等等'); at >= 0; at = b.text.indexOf('等等', at + 2)) {
        out.push({ blockId: b.id, start: at, end: at + 2, severity: 'info', message: '公文列举后一般用“等”。', suggestion: '等' });
      }
    }
    return out;
  },
};

const report = parseReportText(['政府工作报告', '各位代表：', '一、过去一年的工作', '我们推进教育、医疗、养老等等民生实事，新建学校12所。'].join('\n'));

describe('adding a proofreading rule', () => {
  it('runs with the others once listed, its findings stamped, ordered and filterable like theirs', () => {
    const findings = checkReport(report.blocks, {}, [...RULES, dengdeng]);
    const mine = findings.filter((f) => f.rule === 'fixture-dengdeng');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ excerpt: '等等', suggestion: '等', severity: 'info' });
    expect(mine[0].id).toMatch(/^[0-9a-f]{16}$/);
    // the same text checked again gives the same id, so a dismissal survives
    expect(checkReport(report.blocks, {}, [...RULES, dengdeng]).find((f) => f.rule === 'fixture-dengdeng')?.id).toBe(mine[0].id);
    expect(checkReport(report.blocks, { rules: ['fixture-dengdeng'] }, [...RULES, dengdeng]).map((f) => f.rule)).toEqual(['fixture-dengdeng']);
    expect(checkReport(report.blocks, { minSeverity: 'warning' }, [...RULES, dengdeng]).some((f) => f.rule === 'fixture-dengdeng')).toBe(false);
  });

  it('does not run while it is not listed', () => {
    expect(checkReport(report.blocks).some((f) => f.rule === 'fixture-dengdeng')).toBe(false);
  });
});
