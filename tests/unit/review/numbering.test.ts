import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, findings } from './corpus';

const RULE = 'numbering';

describe('序号与数量', () => {
  it('finds a gap and a duplicate in inline 一是…', () => {
    const gap = findings(RULE, '主要原因：一是结构调整；二是价格回落；四是统计规范。');
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ severity: 'error', excerpt: '四是', suggestion: '三是' });
    const dup = findings(RULE, '主要原因：一是结构调整；二是价格回落；二是统计规范。');
    expect(dup[0]).toMatchObject({ excerpt: '二是', suggestion: '三是' });
  });

  it('finds a repeated section number （二）（二）', () => {
    const f = findings(
      RULE,
      '二、2024年工作安排',
      '（一）强信心、稳预期，奋力推动经济稳增长。',
      '（二）优结构、助转型，聚力构建现代化产业体系。',
      '（二）守底线、提品质，奋力建设美丽咸宁。',
    );
    expect(f.map((x) => x.excerpt)).toEqual(['（二）']);
    expect(f[0].suggestion).toBe('（三）');
  });

  it('checks a stated count against the sections that follow', () => {
    const f = findings(
      RULE,
      '二、2024年工作安排',
      '为实现上述目标，重点抓好四个方面工作：',
      '（一）强信心、稳预期，奋力推动经济稳增长。',
      '着力扩大有效投资。持续开展项目攻坚年活动。',
      '（二）优结构、助转型，聚力构建现代化产业体系。',
      '（三）守底线、提品质，奋力建设美丽咸宁。',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', excerpt: '四', suggestion: '三' });
  });

  it('checks an inline count: 三项 followed by 一是…二是 only', () => {
    const [f] = findings(RULE, '重点抓好三项工作：一是稳增长；二是促改革。');
    expect(f).toMatchObject({ excerpt: '三' });
    expect(findings(RULE, '重点抓好两项工作：一是稳增长；二是促改革。')).toEqual([]);
  });

  it('is quiet on correct numbering, set phrases and session names', () => {
    const ok = [
      '坚持“两个毫不动摇”，落实“四下基层”，共建“一带一路”，坚持“一国两制”。',
      '深入贯彻党的二十届三中全会精神和十四届全国人大二次会议精神。',
      '主要原因：一是结构调整；二是价格回落；三是统计规范。',
    ];
    expect(findings(RULE, ...ok)).toEqual([]);
  });

  it('agrees with the bundled report: 七个方面 then 一是…七是 and （一）…（七）', () => {
    expect(checkReport(corpusBlocks('xianning'), { rules: [RULE] })).toEqual([]);
  });

  it.each(['stateCouncil', 'hubei', 'beijing'] as (keyof typeof CORPUS)[])('raises no false alarm on %s', (name) => {
    expect(checkReport(corpusBlocks(name), { rules: [RULE] })).toEqual([]);
  });
});
