import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { corpusBlocks, findings } from './corpus';

const RULE = 'latin-words';

describe('外文字母', () => {
  it('warns about an English word inside a Chinese sentence', () => {
    const [f] = findings(RULE, '深入学习贯彻党的二十大精神 and 二十届二中全会精神。');
    expect(f).toMatchObject({ excerpt: 'and', severity: 'warning' });
  });

  it('gives a hint for an unfamiliar capital abbreviation', () => {
    const [f] = findings(RULE, '推进XYZQ平台建设。');
    expect(f).toMatchObject({ excerpt: 'XYZQ', severity: 'info' });
  });

  it('accepts established abbreviations, codes, grades and units', () => {
    const text =
      'GDP增长5%，CPI涨幅3%，PPI回落，PM2.5浓度下降，新建5G基站，实行DIP和DRG支付方式改革，发展AI产业，' +
      'R&D投入增长，政务App上线，ETC普及，推进IPO，建设CBD，EOD模式，PPP项目，REITs试点，ESG披露，VR和AR应用，' +
      'IT和IC产业，LED照明，LNG接收站，通过ISO认证，创成4A景区和5A级景区，G106改建，国产大飞机C919，国企改革获评A类，500 kV线路长10 km。';
    expect(findings(RULE, text)).toEqual([]);
  });

  it('leaves an English passage alone', () => {
    expect(findings(RULE, 'The report was delivered in March.')).toEqual([]);
  });

  it('flags only “and” in the bundled report', () => {
    expect(checkReport(corpusBlocks('xianning'), { rules: [RULE] }).map((f) => f.excerpt)).toEqual(['and']);
  });

  it('raises nothing on the State Council report', () => {
    expect(checkReport(corpusBlocks('stateCouncil'), { rules: [RULE] })).toEqual([]);
  });
});
