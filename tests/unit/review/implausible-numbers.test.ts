import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, findings } from './corpus';

const RULE = 'implausible-numbers';

describe('数据合理性', () => {
  it('flags a percentage where an amount belongs (完成投资54453.23%)', () => {
    const [f] = findings(RULE, '199个省市重点项目完成投资54453.23%。');
    expect(f).toMatchObject({ severity: 'error', excerpt: '54453.23%' });
    expect(findings(RULE, '全年完成投资85%。')[0]?.severity).toBe('warning');
  });

  it('leaves growth and shares of amounts alone', () => {
    expect(findings(RULE, '固定资产投资增长2.9%，民间投资占比55%，技术合同成交额占GDP比重9.75%。')).toEqual([]);
  });

  it('flags a bounded rate above 100%', () => {
    const [f] = findings(RULE, '群众满意率105%，城区绿地率42.3%。');
    expect(f).toMatchObject({ severity: 'error', excerpt: '满意率105%' });
    expect(findings(RULE, '满意率和基本满意率100%，依申请政务服务事项可网办率100%。')).toEqual([]);
  });

  it('warns when a macro aggregate grows implausibly fast', () => {
    expect(findings(RULE, '全市地区生产总值增长35%。')[0]).toMatchObject({ severity: 'warning' });
    expect(findings(RULE, '地区生产总值增长6%，接待游客人数增长21.4%。')).toEqual([]);
  });

  it('only hints at growth above 100% of a component (usually written 增长X倍)', () => {
    const [f] = findings(RULE, '跨境电商进出口增长180%。');
    expect(f).toMatchObject({ severity: 'info' });
    expect(f.message).toContain('1.8倍');
  });

  it('hints at mixed 万元 and 亿元 in one enumeration', () => {
    expect(findings(RULE, '分别投入资金3亿元、5000万元、2亿元。')[0]).toMatchObject({ severity: 'info' });
    expect(findings(RULE, '总投资14亿元，争取上级资金7.5亿元，其中奖补资金3000万元。')).toEqual([]);
  });

  it('finds the bundled report’s 54453.23% as its only error', () => {
    const f = checkReport(corpusBlocks('xianning'), { rules: [RULE] });
    expect(f.filter((x) => x.severity === 'error').map((x) => x.excerpt)).toEqual(['54453.23%']);
  });

  it.each(['stateCouncil', 'hubei', 'beijing'] as (keyof typeof CORPUS)[])('raises no error or warning on %s', (name) => {
    expect(checkReport(corpusBlocks(name), { rules: [RULE], minSeverity: 'warning' })).toEqual([]);
  });
});
