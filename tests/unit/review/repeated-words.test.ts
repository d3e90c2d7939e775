import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, excerpts, findings } from './corpus';

const RULE = 'repeated-words';

describe('重复字词', () => {
  it('finds a doubled word as an error with the single word as suggestion', () => {
    const [f] = findings(RULE, '要深刻把握把握国际国内形势的三个重大判断。');
    expect(f).toMatchObject({ severity: 'error', excerpt: '把握把握', suggestion: '把握' });
    expect(excerpts(RULE, '积极承办承办国家级、省级赛事。')).toEqual(['承办承办']);
    expect(excerpts(RULE, '推进高质量发展发展方式转变。')).toEqual(['发展发展']);
    expect(excerpts(RULE, '加快建设数字政府数字政府平台。')).toEqual(['数字政府数字政府']);
  });

  it('finds a doubled 的 but not 目的的 / 有的的确 / 的的确确', () => {
    expect(findings(RULE, '这是我们的的目标。')[0]).toMatchObject({ excerpt: '的的', severity: 'error', suggestion: '的' });
    expect(excerpts(RULE, '达到目的的手段要合法。有的的确很难。的的确确如此。')).toEqual([]);
  });

  it('does not flag legitimate reduplication', () => {
    const text =
      '人人参与、年年有余，一一落实，常常检查，天天向上，家家户户明明白白，事事有人管，层层压实责任，一步一步推进，' +
      '实实在在、和和美美，为了了解情况，一校一策、高校一校一策，孤儿儿童保障，编号1010号。';
    expect(excerpts(RULE, text)).toEqual([]);
  });

  it('does not join repeats across punctuation', () => {
    expect(excerpts(RULE, '把握、把握，研究。研究')).toEqual([]);
  });

  it('treats colloquial verb reduplication as a warning and the seam of 纪委监委 as no repeat', () => {
    expect(findings(RULE, '大家再讨论讨论这个方案。')[0]).toMatchObject({ excerpt: '讨论讨论', severity: 'warning' });
    expect(findings(RULE, '自觉接受纪委监委监督。')).toEqual([]);
  });

  it('finds exactly the bundled report’s two slips (把握把握, 承办承办), both errors', () => {
    const found = checkReport(corpusBlocks('xianning'), { rules: [RULE] });
    expect(found.map((f) => [f.excerpt, f.severity])).toEqual([
      ['把握把握', 'error'],
      ['承办承办', 'error'],
    ]);
  });

  it.each(['stateCouncil', 'hubei', 'beijing'] as (keyof typeof CORPUS)[])('raises no repeat false alarm on %s', (name) => {
    expect(checkReport(corpusBlocks(name), { rules: [RULE] })).toEqual([]);
  });
});
