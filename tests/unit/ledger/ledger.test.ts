import { describe, expect, it } from 'vitest';
import { extractLedger } from '../../../electron/core/ledger/index';
import { blocksOf, corpusBlocks } from '../review/corpus';
import { locate, readLedger, score } from './score';

/**
 * The hand-made ledgers (tests/fixtures/ledgers) were written by reading the reports, before the
 * extractor. Recall counts a hand entry found with the same value, unit and qualifier; an
 * extracted entry is "not a commitment" when no hand entry with its value is where it points.
 */
const REPORTS = [
  { corpus: 'xianning', file: 'xianning-2024.json', inScope: () => true },
  // Scope of this ledger: 第一部分 and 第二部分 (results of 2023, targets and fiscal figures of 2024).
  { corpus: 'stateCouncil', file: 'state-council-2024.json', inScope: (part: number | null) => part === null || part <= 2 },
] as const;

describe('extractLedger against hand-made ledgers', () => {
  for (const r of REPORTS) {
    const blocks = corpusBlocks(r.corpus);
    const hand = locate(blocks, readLedger(r.file));
    const partOf = new Map(blocks.map((b) => [b.id, b.part]));
    const s = score(
      extractLedger(blocks).filter((x) => r.inScope(partOf.get(x.blockId) ?? null)),
      hand,
    );
    const line = `${r.corpus}: recall ${s.recalled}/${s.total} (${(100 * s.recall).toFixed(1)}%), not commitments ${s.notCommitments.length}/${s.extracted} (${(100 * s.rate).toFixed(1)}%), kind ${s.kindRight}/${s.recalled}, type ${s.typeRight}/${s.recalled}`;
    it(`recovers ≥ 90% with the right value, unit and qualifier and < 5% non-commitments — ${line}`, () => {
      console.log(line);
      expect(s.recall, s.missed.map((m) => `missed: ${m.sentence} ${m.value}${m.unit} ${m.qualifier}`).join('\n')).toBeGreaterThanOrEqual(0.9);
      expect(s.rate, s.notCommitments.map((x) => `not a commitment: ${x.text}`).join('\n')).toBeLessThan(0.05);
    });
  }

  it('points every entry at its span and its citation path', () => {
    const blocks = corpusBlocks('xianning');
    const byId = new Map(blocks.map((b) => [b.id, b]));
    for (const x of extractLedger(blocks)) {
      const b = byId.get(x.blockId)!;
      expect(b.text.slice(x.start, x.end)).toBe(x.text);
      expect(x.text).toContain(x.value);
      expect(x.path).toBe(b.path);
    }
  });
});

describe('extractLedger', () => {
  const one = (...paragraphs: string[]) => extractLedger(blocksOf('一、2023年工作回顾', '全市GDP增长5%。', '二、2024年工作安排', ...paragraphs));
  const brief = (x: { metric: string; value: string; unit: string; qualifier: string | null }) => `${x.metric}|${x.value}|${x.unit}|${x.qualifier ?? ''}`;

  it('gives one entry per list item with the shared qualifier', () => {
    const list = one('确保粮食播种面积296.1万亩以上、产量23.6亿斤以上、生猪出栏260万头、蔬菜面积143万亩。').filter((x) => x.kind === 'target');
    expect(list.map(brief)).toEqual(['粮食播种面积|296.1|万亩|以上', '产量|23.6|亿斤|以上', '生猪出栏|260|万头|确保', '蔬菜面积|143|万亩|确保']);
    expect(list[0]).toMatchObject({ number: 296.1, baseUnit: '亩', amount: 2961000, type: 'absolute', year: 2024 });
  });

  it('reads metrics written after the figure, thresholds, 不少于 and growth, share and ratio types', () => {
    const list = one(
      '签约50亿元以上重大项目不少于7个。实施105个重大技改项目。新签约亿元以上项目当年开工率高于70%。力争每万人高价值发明专利拥有量达到1件。民间投资增长8%。高新技术企业达620家。',
    ).filter((x) => x.kind === 'target');
    expect(list.map((x) => `${brief(x)}|${x.type}`)).toEqual([
      '签约50亿元以上重大项目|7|个|不少于|absolute',
      '重大技改项目|105|个||absolute',
      '新签约亿元以上项目当年开工率|70|%|高于|share',
      '每万人高价值发明专利拥有量|1|件|力争|ratio',
      '民间投资|8|%||growth',
      '高新技术企业|620|家|达到|absolute',
    ]);
  });

  it('reads ranges, 多, and Chinese magnitudes after 新增/打造', () => {
    const list = one('县域重点打造2—3个优势产业。解决6700多个问题。力争规上工业企业新增百家。加快打造千亿元大健康产业。').filter((x) => x.kind === 'target');
    expect(list.map((x) => `${x.value}|${x.number}|${x.unit}|${x.qualifier ?? ''}`)).toEqual([
      '2—3|2|个|',
      '6700|6700|个|超过',
      '百|100|家|力争',
      '千|1000|亿元|',
    ]);
  });

  it('does not list dates, names, ranks, editions, quotes, attributes or denominators', () => {
    const list = one(
      '2024年是中华人民共和国成立75周年，是实施“十四五”规划的关键一年。“12345”热线在349个地级以上城市中居第46，进入全国前50。举办第七届大赛，新建5G基站。确保投资25亿元的金田项目落地。G353通城段开工。具体抓了七个方面工作。引进世界500强企业。',
    ).filter((x) => x.kind === 'target');
    expect(list).toEqual([]);
  });

  it('tells results from targets by the part and a long-term goal by its year', () => {
    const list = extractLedger(
      blocksOf('一、2023年工作回顾', '新增绿道32.9公里。', '二、2024年工作安排', '新建5G基站500个。到2027年，高新技术企业达到1000家。'),
    );
    expect(list.map((x) => `${x.kind}|${x.year}|${x.value}`)).toEqual(['result|2023|32.9', 'target|2024|500', 'goal|2027|1000']);
  });

  it('finds nothing in a report without figures', () => {
    expect(extractLedger(blocksOf('一、工作回顾', '我们做了很多工作。'))).toEqual([]);
  });
});
