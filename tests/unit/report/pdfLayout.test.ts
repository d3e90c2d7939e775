/**
 * The PDF reader's geometry on typeset pages built here: whatever form the page numbers take,
 * however many columns a newspaper page has, the paragraphs come out whole and in reading order.
 */
import { describe, expect, it } from 'vitest';
import { layoutPdfPages, type PdfPage, type PdfRun } from '../../../electron/core/report/pdfLayout';
import { unifyRadicals } from '../../../electron/core/report/pdf';

const PARAGRAPHS = [
  '过去一年，全市地区生产总值增长百分之五点八，规模以上工业增加值增长百分之七，固定资产投资增长百分之六，社会消费品零售总额增长百分之八，城乡居民收入稳步提高。',
  '一、二〇二四年工作回顾',
  '我们坚持稳中求进工作总基调，扎实推进高质量发展，经济运行总体平稳、稳中有进，各项社会事业全面进步，人民生活持续改善，为完成全年目标任务打下了坚实基础。',
  '（一）着力扩大有效投资。全年实施重点项目三百个，完成投资一千二百亿元，交通、水利、能源等基础设施建设取得新进展，城市功能品质持续提升。',
  '二、二〇二五年工作安排',
  '今年是“十四五”规划收官之年，做好政府工作意义重大。我们要坚持以人民为中心的发展思想，统筹发展和安全，奋力推动经济社会高质量发展。',
];

interface Frame {
  /** left edges of the columns */
  columns: number[];
  /** characters per line */
  chars: number;
  size: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

const run = (text: string, x: number, y: number, size: number, bold = false): PdfRun => ({ text, x, y, width: text.length * size, size, bold });

/** Typeset paragraphs (2-character first-line indent) column by column, page by page. */
function typeset(paragraphs: string[], frame: Frame, bold: (p: string) => boolean = () => false): PdfPage[] {
  const pages: PdfPage[] = [];
  let page: PdfPage | undefined;
  let col = frame.columns.length;
  let y = 0;
  const newColumn = () => {
    col++;
    if (col >= frame.columns.length) {
      page = { width: frame.width, height: frame.height, runs: [] };
      pages.push(page);
      col = 0;
    }
    y = frame.top;
  };
  for (const p of paragraphs) {
    let rest = p;
    let first = true;
    while (rest) {
      if (!page || y < frame.bottom) newColumn();
      const indent = first ? 2 : 0;
      const line = rest.slice(0, frame.chars - indent);
      rest = rest.slice(line.length);
      page!.runs.push(run(line, frame.columns[col] + indent * frame.size, y, frame.size, bold(p)));
      y -= frame.size * 1.5;
      first = false;
    }
  }
  return pages;
}

const A4: Frame = { columns: [72], chars: 20, size: 12, top: 760, bottom: 90, width: 595, height: 842 };

describe('page numbers and running heads', () => {
  const forms: [string, (n: number) => string][] = [
    ['— 3 —', (n) => `— ${n} —`],
    ['- 3 -', (n) => `- ${n} -`],
    ['－3－', (n) => `－${n}－`],
    ['第3页', (n) => `第${n}页`],
    ['第 3 页 共 20 页', (n) => `第 ${n} 页 共 20 页`],
    ['bare 3', (n) => String(n)],
  ];
  it.each(forms)('removes page numbers printed as %s, and the paragraphs cross the page breaks whole', (_label, form) => {
    const pages = typeset(PARAGRAPHS, { ...A4, top: 200, bottom: 120 });
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => p.runs.push(run(form(i + 1), 280, 50, 10)));
    const read = layoutPdfPages(pages);
    expect(read.lines.map((l) => l.text)).toEqual(PARAGRAPHS);
    expect(read.artifacts.filter((a) => a.kind === 'page-number')).toHaveLength(pages.length);
    expect(read.repairs).toHaveLength(1);
    expect(read.repairs[0].message).toMatch(/^删除了页码“.+”等 \d+ 处（第1–\d+页）$/);
  });

  it('removes a running head repeated at the top of every page, but keeps the same words in the text', () => {
    const pages = typeset(['关于2024年预算执行情况', ...PARAGRAPHS], { ...A4, top: 200, bottom: 120 });
    pages.forEach((p) => p.runs.push(run('关于2024年预算执行情况', 200, 800, 9)));
    const read = layoutPdfPages(pages);
    expect(read.lines.map((l) => l.text)).toEqual(['关于2024年预算执行情况', ...PARAGRAPHS]);
    expect(read.artifacts.filter((a) => a.kind === 'print-header')).toHaveLength(pages.length);
  });

  it('removes a newspaper masthead and date line even on a single page', () => {
    const [page] = typeset(PARAGRAPHS.slice(0, 2), A4);
    page.runs.push(run('咸宁日报', 72, 805, 18, true), run('2025年1月20日 星期一', 250, 805, 10), run('第3版', 480, 805, 10));
    const read = layoutPdfPages([page]);
    expect(read.lines.map((l) => l.text)).toEqual(PARAGRAPHS.slice(0, 2));
    expect(read.artifacts.map((a) => a.text).sort()).toEqual(['2025年1月20日 星期一', '咸宁日报', '第3版'].sort());
  });
});

describe('columns', () => {
  it('reads a four-column page column by column, under a title spanning the columns', () => {
    const frame: Frame = { columns: [40, 240, 440, 640], chars: 10, size: 10, top: 700, bottom: 540, width: 842, height: 1190 };
    const pages = typeset(PARAGRAPHS, frame);
    expect(pages).toHaveLength(1);
    expect(pages[0].runs.some((r) => r.x >= 640)).toBe(true);
    pages[0].runs.push(run('政府工作报告', 340, 760, 28, true));
    const read = layoutPdfPages(pages);
    expect(read.lines.map((l) => l.text)).toEqual(['政府工作报告', ...PARAGRAPHS]);
    expect(read.lines[0].headingLevel).toBe(0);
  });

  it('marks bold lines as heading hints and keeps a space between Latin words across a line break', () => {
    const pages = typeset([PARAGRAPHS[1], PARAGRAPHS[2]], A4, (p) => p === PARAGRAPHS[1]);
    // a paragraph whose first line ends in a Latin word and whose second starts with one
    const page = pages[0];
    const y = Math.min(...page.runs.map((r) => r.y)) - 18;
    page.runs.push({ ...run('支持企业与Microsoft', 96, y, 12), width: 312 - 96 }, { ...run('Research合作。', 72, y - 18, 12), width: 12 * 8 });
    const read = layoutPdfPages(pages);
    expect(read.lines.map((l) => l.text)).toEqual([PARAGRAPHS[1], PARAGRAPHS[2], '支持企业与Microsoft Research合作。']);
    expect(read.lines[0].allBold).toBe(true);
    expect(read.lines[1].allBold).toBeUndefined();
  });
});

describe('characters', () => {
  it('turns radicals some fonts map their glyphs to back into the ideographs a reader sees', () => {
    expect(unifyRadicals('政府⼯作报告，⻛险防控，⺠⽣实事，光刻㬵，金上―湖北')).toBe('政府工作报告，风险防控，民生实事，光刻胶，金上—湖北');
  });
});

describe('hostile pages', () => {
  const LIMIT = 8;
  /**
   * CPU time of the layout (medians of three), at n and 4n items: about 4 when linear (4.6 with a
   * sort's log n), 16 when quadratic. Quadrupling, not doubling, keeps garbage-collection noise
   * on a busy 2-core machine from passing for growth: the bound (8, a slope of 1.5) sits far
   * from both.
   */
  function ratio(build: (n: number) => PdfPage[], n: number): number {
    const time = (pages: PdfPage[]) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = process.cpuUsage();
        layoutPdfPages(pages);
        const used = process.cpuUsage(start);
        samples.push(used.user + used.system);
      }
      return samples.sort((a, b) => a - b)[1];
    };
    const small = build(n);
    const large = build(4 * n);
    time(small); // warm-up
    let best = Infinity;
    // a busy machine gets a second and third chance; a quadratic layout fails every time
    for (let attempt = 0; attempt < 3 && best > LIMIT; attempt++) best = Math.min(best, time(large) / time(small));
    return best;
  }

  const cases: [string, (n: number) => PdfPage[], number][] = [
    ['one row of many glyph runs', (n) => [{ width: 595, height: 842, runs: Array.from({ length: n }, (_, i) => run('字', 72 + i * 12, 700, 12)) }], 20_000],
    [
      'many lines in one column',
      (n) => [{ width: 595, height: 842, runs: Array.from({ length: n }, (_, i) => run('字字字字字字字字字字', 72, 800 - (i * 700) / n, 0.5)) }],
      20_000,
    ],
    [
      'many lines crossing the gutters of three columns',
      (n) => [
        {
          width: 842,
          height: 1190,
          runs: Array.from({ length: n }, (_, i) => {
            const y = 1100 - (i * 1000) / n;
            return i % 4 === 0 ? run('字字字字字字字字字字字字字字字字字字字', 100, y, 0.1) : run('字字字字字', 40 + 250 * (i % 3), y, 0.1);
          }),
        },
      ],
      8_000,
    ],
  ];
  it.each(cases)('lays out %s in linear time', (_label, build, n) => {
    expect(ratio(build, n)).toBeLessThan(LIMIT);
  });
});
