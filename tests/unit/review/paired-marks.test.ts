import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, findings } from './corpus';

const RULE = 'paired-marks';

describe('成对标点', () => {
  it('finds an unclosed opening quote (“互联网+”“监管)', () => {
    const f = findings(RULE, '深入推进“互联网+”“监管、优化跨部门综合监管。');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ excerpt: '“', severity: 'error' });
    expect(f[0].start).toBe('深入推进“互联网+”'.length);
  });

  it('finds unclosed book-title marks and brackets, and stray closers', () => {
    expect(findings(RULE, '贯彻《中华人民共和国预算法，加强管理。').map((x) => x.excerpt)).toEqual(['《']);
    expect(findings(RULE, '实施咸宁（武汉离岸科创园计划。').map((x) => x.excerpt)).toEqual(['（']);
    expect(findings(RULE, '实施咸宁武汉）离岸科创园计划。').map((x) => x.excerpt)).toEqual(['）']);
    expect(findings(RULE, '开展【专项行动，成效明显。').map((x) => x.excerpt)).toEqual(['【']);
  });

  it('finds quotes in the wrong order (”…“)', () => {
    const [f] = findings(RULE, '推进”放管服“改革。');
    expect(f).toMatchObject({ excerpt: '”放管服“', severity: 'error' });
    expect(f.message).toContain('颠倒');
  });

  it('accepts balanced, nested and half-width pairs, and list numbers', () => {
    const ok = [
      '践行“深实严细久”工作标准和“五到四从四多”工作方法。',
      '他说：“要落实‘两个毫不动摇’。”',
      '咸宁(武汉)离岸科创园，《政府工作报告》〔2024〕1号【重点】。',
      '1）加强领导；2）压实责任。',
    ];
    for (const p of ok) expect(findings(RULE, p), p).toEqual([]);
  });

  it('warns when a bracket pair mixes widths', () => {
    expect(findings(RULE, '咸宁(武汉）离岸科创园。')[0]).toMatchObject({ severity: 'warning', suggestion: '（武汉）' });
  });

  it('finds the bundled report’s unclosed quote and nothing else', () => {
    const f = checkReport(corpusBlocks('xianning'), { rules: [RULE] });
    expect(f.map((x) => x.excerpt)).toEqual(['“']);
  });

  it.each(['stateCouncil', 'hubei', 'beijing'] as (keyof typeof CORPUS)[])('raises no false alarm on %s', (name) => {
    expect(checkReport(corpusBlocks(name), { rules: [RULE] })).toEqual([]);
  });
});
