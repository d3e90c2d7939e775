/**
 * The genre beyond the four corpus files: the other reports deputies review in the same session
 * (计划报告, 预算报告, 政协常委会工作报告), other heading and closing conventions, and the
 * files those reports come in. Fixtures in tests/fixtures/synthetic are synthetic (see README there).
 */
import { describe, expect, it } from 'vitest';
import { parseReportText, reportOutline, summarizeOutline } from '../../../electron/core/report/index';
import { STATE_COUNCIL, fixtureText, importFixture } from './helpers';

const PLAN = 'synthetic/plan-report.txt';
const BUDGET = 'synthetic/budget-report.txt';
const CPPCC = 'synthetic/cppcc-standing-committee-report.txt';
const DISTRICT = 'synthetic/district-report-unnumbered-parts.txt';
const COUNTY = 'synthetic/county-report-part-labels.txt';

type Report = ReturnType<typeof parseReportText>;
const find = (r: Report, start: string) => {
  const b = r.blocks.find((x) => x.text.startsWith(start));
  if (!b) throw new Error(`no block starting with ${start}`);
  return b;
};
const outlineShape = (r: Report) => reportOutline(r).map((p) => [p.part, p.heading, p.sections.length]);

describe('计划报告 (plan report)', () => {
  const r = importFixture(PLAN);

  it('joins the title set on two lines and reads the issuing body as front matter', () => {
    expect(r.blocks.slice(0, 4).map((b) => [b.kind, b.path])).toEqual([
      ['title', '标题'],
      ['meta', '题注'],
      ['meta', '题注'],
      ['salutation', '称呼'],
    ]);
    expect(r.title).toBe('关于2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告');
    expect(r.blocks[2].text).toBe('江城市发展和改革委员会');
    expect(r).toMatchObject({ date: '2025年1月14日', region: '江城市', year: 2025, speaker: null });
  });

  it('has three parts of three sections, with 1． and （1） items cited by their leads', () => {
    expect(outlineShape(r).map(([p, , n]) => [p, n])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(find(r, '1．经济总量稳步扩大')).toMatchObject({ kind: 'item', path: '第一部分（一）“经济总量稳步扩大”段' });
    expect(find(r, '（1）稳定和扩大就业')).toMatchObject({ kind: 'item', path: '第三部分（三）“稳定和扩大就业”段' });
    // A section heading inline with its body: 总体要求。 ends the heading.
    const s = find(r, '（一）总体要求');
    expect(s.text.slice(0, s.headingEnd)).toBe('（一）总体要求。');
  });

  it('keeps a problems paragraph as a plain paragraph and ends with the closing', () => {
    expect(find(r, '同时也要看到')).toMatchObject({ leadEnd: 0, path: '第一部分（三）第2段' });
    const last = r.blocks[r.blocks.length - 1];
    expect(last).toMatchObject({ kind: 'closing', path: '结尾', part: null, section: null });
    expect(last.text).toMatch(/^各位代表！完成好2025年/);
  });
});

describe('预算报告 (budget report with tables pasted as text)', () => {
  const r = importFixture(BUDGET);

  it('keeps each table row, caption and unit line a paragraph of its own, columns kept apart', () => {
    const rows = r.blocks.filter((b) => b.text.includes('\t'));
    expect(rows.map((b) => b.text.split('\t')[0])).toEqual([
      '项目',
      '一般公共预算收入',
      '其中：税收收入',
      '非税收入',
      '一般公共预算支出',
      '项目',
      '一般公共预算收入',
      '一般公共预算支出',
    ]);
    expect(rows[1].text).toBe('一般公共预算收入\t283.1\t286.5\t101.2\t4.6');
    expect(rows.every((b) => b.kind === 'paragraph' && b.leadEnd === 0)).toBe(true);
    expect(find(r, '2024年全市一般公共预算收支情况表').text).toBe('2024年全市一般公共预算收支情况表');
    expect(r.blocks.filter((b) => b.text === '单位：亿元')).toHaveLength(2);
    expect(r.repairs.filter((x) => x.kind === 'paragraphs-joined')).toEqual([]);
  });

  it('still joins a sentence cut right after a word that ends like a caption', () => {
    const p = parseReportText(
      '政府工作报告\n一、工作回顾\n我们制定了路线图和时间表\n，确保各项任务落地。\n2024年全市一般公共预算收支情况表\n单位：亿元\n项目\t预算数\t执行数',
    );
    expect(p.blocks.slice(2).map((b) => b.text)).toEqual([
      '我们制定了路线图和时间表，确保各项任务落地。',
      '2024年全市一般公共预算收支情况表',
      '单位：亿元',
      '项目\t预算数\t执行数',
    ]);
  });

  it('continues the section after a table and reads the finance official as speaker', () => {
    expect(find(r, '2．市本级一般公共预算').path).toBe('第一部分（一）“市本级一般公共预算”段');
    expect(find(r, '（二）政府性基金预算执行情况')).toMatchObject({ kind: 'section', path: '第一部分（二）' });
    expect(r).toMatchObject({ speaker: '周文华', year: 2025 });
    expect(outlineShape(r).map(([p, , n]) => [p, n])).toEqual([
      [1, 3],
      [2, 2],
      [3, 2],
    ]);
  });

  it('takes 各位代表，… at the end as the closing', () => {
    expect(find(r, '各位代表，做好2025年财政工作')).toMatchObject({ kind: 'closing', path: '结尾' });
  });
});

describe('政协常委会工作报告', () => {
  const r = importFixture(CPPCC);

  it('reads 各位委员： as the salutation and a bare name as the speaker', () => {
    expect(r.blocks.slice(0, 4).map((b) => b.kind)).toEqual(['title', 'meta', 'meta', 'salutation']);
    expect(r.blocks[3]).toMatchObject({ text: '各位委员：', path: '称呼' });
    expect(r).toMatchObject({ title: '政协江城市第十届委员会常务委员会工作报告', speaker: '李明华', region: '江城市', year: 2025 });
  });

  it('cites 一是 paragraphs by their lead and keeps inline 一是 enumerations in their paragraph', () => {
    expect(find(r, '二是创新开展协商议政')).toMatchObject({ kind: 'item', path: '第一部分（二）“二是创新开展协商议政”段' });
    expect(find(r, '坚持把学习贯彻').text).toContain('三是加强思想政治引领。');
    expect(outlineShape(r).map(([p, , n]) => [p, n])).toEqual([
      [1, 4],
      [2, 3],
    ]);
  });

  it('ends with 各位委员！… as the closing', () => {
    expect(r.blocks[r.blocks.length - 1]).toMatchObject({ kind: 'closing', path: '结尾' });
    expect(r.blocks.filter((b) => b.kind === 'closing')).toHaveLength(1);
  });
});

describe('parts without numbers, sections restarting at （一）', () => {
  const r = importFixture(DISTRICT);

  it('takes 2024年工作回顾 / 2025年工作安排 lines as part headings, not as text to join', () => {
    expect(r.blocks.filter((b) => b.kind === 'part').map((b) => [b.text, b.path])).toEqual([
      ['2024年工作回顾', '第一部分'],
      ['2025年工作安排', '第二部分'],
    ]);
    expect(r.repairs.filter((x) => x.kind === 'paragraphs-joined')).toEqual([]);
    expect(outlineShape(r)).toEqual([
      [1, '2024年工作回顾', 3],
      [2, '2025年工作安排', 3],
    ]);
  });

  it('cites the restarted sections and their 第一，/1．/（1） items under the second part', () => {
    expect(find(r, '（一）聚力产业升级').path).toBe('第二部分（一）');
    expect(find(r, '第一，做强先进制造业')).toMatchObject({ kind: 'item', path: '第二部分（一）“第一，做强先进制造业”段' });
    expect(find(r, '2．提升精细化管理水平').path).toBe('第二部分（二）“提升精细化管理水平”段');
    expect(find(r, '（2）办好人民满意教育').path).toBe('第二部分（三）“办好人民满意教育”段');
  });

  it('does not take a short sentence with a subject or a time in front for a lead', () => {
    expect(find(r, '我们要坚持稳中求进')).toMatchObject({ leadEnd: 0, path: '第二部分第2段' });
    expect(find(r, '今年是“十四五”规划收官之年').leadEnd).toBe(0);
    expect(find(r, '各位代表，新征程上')).toMatchObject({ kind: 'closing', path: '结尾' });
  });

  it('gives a report with sections but no parts an outline (part 0), cited by section', () => {
    const p = parseReportText(
      '政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n（一）稳增长成效明显。全县地区生产总值增长6%。\n（二）民生持续改善。\n新增就业3000人。\n各位代表！完成好今年的目标任务，意义重大。让我们团结奋斗！',
    );
    expect(outlineShape(p)).toEqual([[0, null, 2]]);
    expect(summarizeOutline(p)).toMatchObject({ parts: 1, sections: 2 });
    expect(find(p, '新增就业').path).toBe('（二）第1段');
    expect(find(p, '各位代表！完成好')).toMatchObject({ kind: 'closing', path: '结尾' });
  });

  it('starts a new part where sections restart at （一） though the part heading is missing', () => {
    const p = parseReportText('政府工作报告\n（一）稳增长。正文一。\n（二）促改革。正文二。\n（一）扩内需。正文三。\n（二）惠民生。正文四。');
    expect(p.blocks.filter((b) => b.kind === 'section').map((b) => b.path)).toEqual(['第一部分（一）', '第一部分（二）', '第二部分（一）', '第二部分（二）']);
    expect(outlineShape(p)).toEqual([
      [1, null, 2],
      [2, null, 2],
    ]);
  });
});

describe('a numbered report that lost a part heading', () => {
  it('starts the missing part where sections restart and the next heading skips a number', () => {
    const r = parseReportText(
      '政府工作报告\n一、工作回顾\n（一）稳增长。正文一。\n（二）促改革。正文二。\n（一）扩内需。正文三。\n（二）惠民生。正文四。\n三、政府自身建设\n（一）依法行政。正文五。',
    );
    expect(r.blocks.filter((b) => b.kind === 'section').map((b) => b.path)).toEqual([
      '第一部分（一）',
      '第一部分（二）',
      '第二部分（一）',
      '第二部分（二）',
      '第三部分（一）',
    ]);
    expect(outlineShape(r)).toEqual([
      [1, '一、工作回顾', 2],
      [2, null, 2],
      [3, '三、政府自身建设', 1],
    ]);
  });

  it('leaves a （一） reference inside a part alone when no heading is missing', () => {
    const r = parseReportText(
      '政府工作报告\n一、工作回顾\n（一）稳增长。正文一。\n（二）促改革。正文二。\n（一）所述措施继续实施。\n二、工作安排\n（一）依法行政。正文五。',
    );
    expect(r.blocks.map((b) => b.kind)).toEqual(['title', 'part', 'section', 'section', 'paragraph', 'part', 'section']);
    expect(r.blocks[4].path).toBe('第一部分（二）第2段');
  });
});

describe('part headings written as 第一部分 / 第一章, or with the body on the same line', () => {
  it('reads 第一部分　2024年工作回顾 as a part and keeps one space after the label', () => {
    const r = importFixture(COUNTY);
    expect(r.blocks.filter((b) => b.kind === 'part').map((b) => [b.text, b.path])).toEqual([
      ['第一部分 2024年工作回顾', '第一部分'],
      ['第二部分 2025年工作安排', '第二部分'],
      ['第三部分 全面加强政府自身建设', '第三部分'],
    ]);
    expect(find(r, '过去一年，我们坚持').path).toBe('第一部分第1段');
    expect(find(r, '（二）持之以恒惠民生').path).toBe('第二部分（二）');
    expect(r.year).toBe(2025);
  });

  it('joins a bare 第二章 line with the part name on the next line', () => {
    const r = parseReportText('第一章　总体要求\n（一）指导思想。坚持稳中求进。\n第二章\n主要任务\n（一）扩内需。正文。');
    expect(r.blocks.filter((b) => b.kind === 'part').map((b) => b.text)).toEqual(['第一章 总体要求', '第二章 主要任务']);
    expect(find(r, '（一）扩内需').path).toBe('第二部分（一）');
  });

  it('splits 一、2023年工作回顾 from the body on the same line, and says so', () => {
    const r = parseReportText(
      '政府工作报告\n一、2023年工作回顾　过去一年，我们坚持稳中求进工作总基调，经济运行稳中向好。\n（一）稳增长。正文一。\n二、2024年工作安排今年是关键一年。我们要推动高质量发展。\n（一）扩内需。正文三。',
    );
    expect(r.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['title', '政府工作报告'],
      ['part', '一、2023年工作回顾'],
      ['paragraph', '过去一年，我们坚持稳中求进工作总基调，经济运行稳中向好。'],
      ['section', '（一）稳增长。正文一。'],
      ['part', '二、2024年工作安排'],
      ['paragraph', '今年是关键一年。我们要推动高质量发展。'],
      ['section', '（一）扩内需。正文三。'],
    ]);
    expect(r.repairs.filter((x) => x.kind === 'other').map((x) => x.line)).toEqual([2, 4]);
  });

  it('does not split an enumerated sentence or a heading spaced around its digits', () => {
    const r = parseReportText('政府工作报告\n一、 2023 年工作回顾\n正文。\n二、坚持稳中求进，推动经济持续回升向好。今年要继续努力。');
    // A space next to a digit is typesetting, kept as in the source.
    expect(r.blocks[1]).toMatchObject({ kind: 'part', text: '一、 2023 年工作回顾' });
    expect(r.blocks[3].kind).not.toBe('part');
    expect(r.repairs.some((x) => x.kind === 'other')).toBe(false);
  });
});

describe('closing appeals', () => {
  const body = '政府工作报告\n一、2024年工作安排\n（一）扩内需。正文。\n（二）惠民生。正文。\n';

  it.each([
    '各位代表！完成好今年的目标任务，使命光荣。让我们团结奋斗！',
    '各位代表，让我们在市委坚强领导下，奋勇前进！',
    '各位代表、各位委员！让我们团结一心，再创佳绩！',
    '同志们！让我们更加紧密地团结起来，奋勇前进！',
  ])('%s is the closing, not the last section’s paragraph', (closing) => {
    const r = parseReportText(body + closing + '\n我们的目标一定能够实现！');
    expect(r.blocks.slice(-2).map((b) => [b.kind, b.path, b.section])).toEqual([
      ['closing', '结尾', null],
      ['closing', '结尾第2段', null],
    ]);
  });

  it('does not take an address early in the report for the closing', () => {
    const r = parseReportText('政府工作报告\n一、工作回顾\n各位代表！过去一年的成绩来之不易。\n（一）稳增长。正文一。\n正文二。\n正文三。\n正文四。');
    expect(r.blocks.some((b) => b.kind === 'closing')).toBe(false);
  });
});

describe('lead sentences on the corpus', () => {
  it('drops 我们要坚持… but keeps the State Council report’s true leads', () => {
    const r = importFixture(STATE_COUNCIL);
    const leads = r.blocks.filter((b) => b.leadEnd > 0).map((b) => b.text.slice(0, b.leadEnd));
    expect(leads).not.toContain('我们要坚持稳中求进、以进促稳、先立后破。');
    expect(leads).toEqual(
      expect.arrayContaining([
        '积极的财政政策要适度加力、提质增效。',
        '稳健的货币政策要灵活适度、精准有效。',
        '增强宏观政策取向一致性。',
        '——经济总体回升向好。',
      ]),
    );
    expect(leads).toHaveLength(49);
  });
});

describe('hard-wrapped text with blank-line paragraphs (PDF copy), any line ends', () => {
  const wrap = (text: string, width: number, eol: string) =>
    text
      .split('\n')
      .map((line) => {
        const rows: string[] = [];
        for (let at = 0; at < line.length; at += width) rows.push(line.slice(at, at + width));
        return rows.join(eol);
      })
      .join(eol + eol);

  it.each([
    [PLAN, 32, '\r\n'],
    [CPPCC, 36, '\r'],
    [DISTRICT, 40, '\n'],
    [BUDGET, 34, '\r\n'],
  ])('%s wrapped at %i gives the same blocks and ids', (name, width, eol) => {
    const text = fixtureText(name);
    const original = parseReportText(text);
    const wrapped = parseReportText(wrap(text, width, eol));
    expect(wrapped.blocks.map((b) => [b.id, b.kind, b.path])).toEqual(original.blocks.map((b) => [b.id, b.kind, b.path]));
  });

  it('joins a wrap that falls right before 二是 inside a paragraph', () => {
    const first = '围绕全市经济社会发展重大问题开展专题协商，形成一批高质量协商成果。一是深化专题议政性常委会议，围绕加快发展新质生产力提出意见建议。';
    const head = first.slice(0, 59) + '。';
    const para =
      head + '二是创新开展协商议政，组织请你来协商活动八场，就优化营商环境等开展对口协商。三是精心办理提案，全年共收到提案四百八十六件，已全部办复。';
    // Four different paragraphs (identical short lines repeated would be taken for running heads).
    const paras = ['围绕', '聚焦', '立足', '紧扣'].map((verb) => verb + para.slice(2));
    const lines = ['政府工作报告', '', '一、工作回顾', ''];
    for (const p of paras) {
      for (let at = 0; at < p.length; at += 30) lines.push(p.slice(at, at + 30));
      lines.push('');
    }
    expect(para.slice(60, 62)).toBe('二是');
    const r = parseReportText(lines.join('\n'));
    expect(r.blocks.slice(2).map((b) => b.text)).toEqual(paras);
  });

  it('does not join one-paragraph-a-line text separated by blank lines', () => {
    const r = parseReportText(fixtureText(CPPCC).split('\n').join('\n\n'));
    expect(r.repairs.filter((x) => x.kind === 'paragraphs-joined')).toEqual([]);
  });

  it('reads old Mac CR line ends like LF', () => {
    const text = fixtureText(STATE_COUNCIL);
    expect(parseReportText(text.replace(/\n/g, '\r')).blocks.map((b) => b.id)).toEqual(parseReportText(text).blocks.map((b) => b.id));
  });
});
