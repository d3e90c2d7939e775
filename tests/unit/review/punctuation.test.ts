import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { corpusBlocks, findings } from './corpus';

const RULE = 'punctuation';

describe('标点符号', () => {
  it('lists occasional half-width punctuation one by one, with the full-width mark as suggestion', () => {
    const f = findings(RULE, '“两重”项目全部开工,“两新”政策带动明显。', '主要指标:稳中有进。');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      [',', '，'],
      [':', '：'],
    ]);
  });

  it('summarises pervasive half-width punctuation in one finding with the count', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `第${i + 1}项工作扎实推进,成效明显,群众满意。`);
    const f = findings(RULE, ...paragraphs);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('全文有12处半角标点');
  });

  it('summarises the bundled newspaper copy’s hundreds of half-width marks in one finding', () => {
    const f = checkReport(corpusBlocks('xianning'), { rules: [RULE] });
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(Number(/全文有(\d+)处/.exec(f[0].message)?.[1])).toBeGreaterThan(300);
  });

  it('leaves numbers, times and English alone', () => {
    expect(findings(RULE, '会议于8:30开始，投资1,000万元。', 'See p. 3, line 2: done.')).toEqual([]);
  });

  it('finds doubled punctuation as an error', () => {
    expect(findings(RULE, '加快发展，，推动转型。')[0]).toMatchObject({ excerpt: '，，', severity: 'error', suggestion: '，' });
    expect(findings(RULE, '加快发展。。推动转型，。')).toHaveLength(2);
  });

  it('hints when % and ％ are both used', () => {
    const [f] = findings(RULE, '增长5％，增长6％，增长7%。');
    expect(f).toMatchObject({ severity: 'info', excerpt: '%', suggestion: '％' });
    expect(findings(RULE, '增长5％，增长6％。')).toEqual([]);
  });

  it('gives only a hint for 顿号 between quoted items', () => {
    const [f] = findings(RULE, '贯彻“一国两制”、“港人治港”方针。');
    expect(f).toMatchObject({ severity: 'info', excerpt: '、', suggestion: '' });
    expect(findings(RULE, '贯彻“一国两制”“港人治港”方针。')).toEqual([]);
  });

  it('raises no error or warning on the State Council report', () => {
    expect(checkReport(corpusBlocks('stateCouncil'), { rules: [RULE], minSeverity: 'warning' })).toEqual([]);
  });
});
