import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, findings } from './corpus';

const RULE = 'numerals';

describe('数字用法', () => {
  it('flags full-width digits with half-width ones as suggestion', () => {
    expect(findings(RULE, '全年新增就业３.７万人，完成２０２４年目标。').map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['３', '3'],
      ['７', '7'],
      ['２０２４', '2024'],
    ]);
  });

  it('flags an Arabic number with 千/百 as its unit but not 千瓦 or 万', () => {
    const [f] = findings(RULE, '新增就业3千人，建设500千伏变电站，投资3万元，提高2个百分点。');
    expect(f).toMatchObject({ excerpt: '3千', suggestion: '3000' });
    expect(findings(RULE, '建设500千伏变电站，装机100千瓦，投资3万元，提高2个百分点，评选2023十大新闻。')).toEqual([]);
  });

  it('flags a 顿号 inside an estimate (三、四个)', () => {
    expect(findings(RULE, '用三、四年时间完成改造。')[0]).toMatchObject({ excerpt: '三、四', suggestion: '三四' });
    expect(findings(RULE, '重点抓好三、五、七项工作，第三、四批试点，三、四年级学生。')).toEqual([]);
  });

  it('hints at thousands separators used for some numbers only', () => {
    expect(findings(RULE, '投资12,345万元，另有56789万元。')[0]).toMatchObject({ severity: 'info', excerpt: '12,345' });
    expect(findings(RULE, '投资12345万元，另有56789万元。')).toEqual([]);
  });

  it('is quiet on fixed terms with Chinese numerals and on 3个', () => {
    expect(findings(RULE, '实施“十四五”规划，共建“一带一路”，坚持“两个毫不动摇”，党的二十届三中全会，建成3个园区，新增5G基站500个。')).toEqual([]);
  });

  it.each(Object.keys(CORPUS) as (keyof typeof CORPUS)[])('raises no false alarm on %s', (name) => {
    expect(checkReport(corpusBlocks(name), { rules: [RULE] })).toEqual([]);
  });
});
