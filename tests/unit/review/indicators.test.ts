import { describe, expect, it } from 'vitest';
import { extractIndicators, pairIndicators, type Indicator } from '../../../electron/core/review/index';
import { blocksOf, corpusBlocks } from './corpus';

const pick = (list: Indicator[], metric: string, kind: 'target' | 'result') => list.filter((x) => x.metric === metric && x.kind === kind)[0];

describe('extractIndicators', () => {
  const xianning = extractIndicators(corpusBlocks('xianning'));

  it('reads the bundled report’s 2024 main targets with value, unit and qualifier', () => {
    const expected: [string, number, string, string | null, string | null][] = [
      ['地区生产总值', 6, '%', null, '增长'],
      ['规上工业增加值', 7, '%', '左右', '增长'],
      ['固定资产投资', 8, '%', null, '增长'],
      ['地方一般公共预算收入', 8, '%', null, '增长'],
      ['社会消费品零售总额', 8, '%', null, '增长'],
      ['进出口总额', 10, '%', null, '增长'],
      ['城镇新增就业', 3.7, '万人', null, null],
      ['城镇登记失业率', 3, '%', '左右', null],
      ['居民消费价格指数', 3, '%', '以内', '控制在'],
    ];
    for (const [metric, value, unit, qualifier, direction] of expected) {
      const t = pick(xianning, metric, 'target');
      expect(t, metric).toBeDefined();
      expect({ value: t.value, unit: t.unit, qualifier: t.qualifier, direction: t.direction, year: t.year }, metric).toEqual({
        value,
        unit,
        qualifier,
        direction,
        year: 2024,
      });
    }
  });

  it('reads the bundled report’s 2023 results from the review part', () => {
    const r = (m: string) => pick(xianning, m, 'result');
    expect([r('地区生产总值').value, r('固定资产投资').value, r('社会消费品零售总额').value, r('地方一般公共预算收入').value]).toEqual([1.6, 2.9, 7.8, 11.4]);
    expect(r('进出口总额')).toMatchObject({ value: 18, qualifier: '超过', direction: '增长', year: 2023 });
    // The review half of this copy gives no figure for these:
    expect(r('规上工业增加值')).toBeUndefined();
    expect(r('城镇新增就业')).toBeUndefined();
  });

  it('points each indicator at its clause in the block', () => {
    const blocks = corpusBlocks('xianning');
    for (const x of xianning) {
      const b = blocks.find((bb) => bb.id === x.blockId)!;
      expect(b.text.slice(x.start, x.end)).toBe(x.text);
    }
    expect(pick(xianning, '居民消费价格指数', 'target').text).toBe('居民消费价格指数涨幅控制在3%以内');
  });

  it('reads the State Council report (国内生产总值 normalised, 万人以上, 5.5%左右, CPI)', () => {
    const sc = extractIndicators(corpusBlocks('stateCouncil'));
    expect(pick(sc, '地区生产总值', 'target')).toMatchObject({ value: 5, unit: '%', qualifier: '左右', year: 2024 });
    expect(pick(sc, '城镇新增就业', 'target')).toMatchObject({ value: 1200, unit: '万人', qualifier: '以上' });
    expect(pick(sc, '城镇调查失业率', 'target')).toMatchObject({ value: 5.5, unit: '%', qualifier: '左右' });
    expect(pick(sc, '居民消费价格指数', 'target')).toMatchObject({ value: 3, unit: '%', qualifier: '左右' });
    expect(pick(sc, '地区生产总值', 'result')).toMatchObject({ value: 126, unit: '万亿元', qualifier: '超过', year: 2023 });
    expect(sc.find((x) => x.metric === '地区生产总值' && x.kind === 'result' && x.unit === '%')?.value).toBe(5.2);
  });

  it('normalises synonyms (规模以上工业增加值, 全市GDP, 经济增长) and ignores components (跨境电商进出口)', () => {
    const list = extractIndicators(
      blocksOf(
        '一、2023年工作回顾',
        '全市GDP增长5.1%，规模以上工业增加值增长6.2%，跨境电商进出口增长180%。',
        '二、2024年工作安排',
        '主要预期目标：经济增长6%左右，规模以上工业增加值增长7%以上。',
      ),
    );
    expect(list.map((x) => `${x.kind}:${x.metric}:${x.value}`)).toEqual([
      'result:地区生产总值:5.1',
      'result:规上工业增加值:6.2',
      'target:地区生产总值:6',
      'target:规上工业增加值:7',
    ]);
  });

  it('finds nothing in a report without figures', () => {
    expect(extractIndicators(blocksOf('各位代表：', '坚持稳中求进工作总基调，推动高质量发展。'))).toEqual([]);
  });
});

describe('pairIndicators', () => {
  it('pairs the bundled report’s targets with last year’s results (地区生产总值 1.6% → 6%)', () => {
    const pairs = pairIndicators(extractIndicators(corpusBlocks('xianning')));
    const gdp = pairs.find((p) => p.metric === '地区生产总值')!;
    expect([gdp.result?.value, gdp.target?.value]).toEqual([1.6, 6]);
    expect(pairs.find((p) => p.metric === '进出口总额')).toMatchObject({ result: { value: 18 }, target: { value: 10 } });
    expect(pairs.find((p) => p.metric === '规上工业增加值')?.result).toBeUndefined();
    expect(pairs[0].metric).toBe('地区生产总值'); // in the order the targets are stated
  });

  it('pairs like with like: a growth target never with a total in 万亿元', () => {
    const pairs = pairIndicators(extractIndicators(corpusBlocks('stateCouncil')));
    const gdp = pairs.find((p) => p.metric === '地区生产总值')!;
    expect(gdp.result).toMatchObject({ value: 5.2, unit: '%' });
    expect(pairs.find((p) => p.metric === '城镇新增就业')).toMatchObject({ result: { value: 1244 }, target: { value: 1200 } });
  });

  it('keeps metrics that have only a target or only a result', () => {
    const pairs = pairIndicators(extractIndicators(blocksOf('一、2023年工作回顾', '粮食产量24.16亿斤。', '二、2024年工作安排', '城镇新增就业3.7万人。')));
    expect(pairs.map((p) => [p.metric, !!p.target, !!p.result])).toEqual([
      ['城镇新增就业', true, false],
      ['粮食产量', false, true],
    ]);
  });
});
