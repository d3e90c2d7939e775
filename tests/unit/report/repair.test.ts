/** Layout damage is undone and listed; real content is never dropped. */
import { describe, expect, it } from 'vitest';
import { parseReportText, splitSentences } from '../../../electron/core/report/index';
import { STATE_COUNCIL, fixtureText } from './helpers';

const PRINTED = [
  '政 府 工 作 报 告',
  '',
  '政府工作报告',
  '——2024年1月10日在咸宁市第五届人民代表大会第四次会议上',
  '市长\u3000XXX',
  '',
  '',
  '',
  '各位代表：',
  '现在，我代表市人民政府，向大会报告工作，请予审议。',
  '一、2023年工作回顾',
  '过去一年，我们坚持稳中求进工作总基调，',
  '- 3 -',
  '2024/1/15 10:23 政府工作报告_咸宁市人民政府',
  'https://www.xianning.gov.cn/zwgk/202401/t20240115.html 3/12',
  '政府工作报告',
  '全力以赴稳增长。地区生产总值增长6%。',
  '（一）坚持 稳 中求进。\u00a0\u00a0正文内容。',
  '第3页',
  '国家安全工作取得新成效。（下转第二版）',
  '2024年是关键一年，第3页的数据另附。',
  '二、2024年工作安排',
  '各位代表！让我们奋勇前进！',
].join('\n');

describe('repair of a printed copy', () => {
  const report = parseReportText(PRINTED);
  const texts = report.blocks.map((b) => b.text);

  it('drops page numbers, print headers and footers, and lists them', () => {
    expect(report.artifacts.map((a) => [a.kind, a.text])).toEqual(
      expect.arrayContaining([
        ['page-number', '- 3 -'],
        ['print-header', '2024/1/15 10:23 政府工作报告_咸宁市人民政府'],
        ['print-footer', 'https://www.xianning.gov.cn/zwgk/202401/t20240115.html 3/12'],
        ['page-number', '第3页'],
        ['continuation-marker', '（下转第二版）'],
      ]),
    );
    expect(texts.join('\n')).not.toMatch(/https|10:23|- 3 -|下转/);
  });

  it('drops the spaced-out title and the running title repeated on the next page', () => {
    expect(report.blocks.filter((b) => b.kind === 'title').map((b) => b.text)).toEqual(['政府工作报告']);
    expect(report.artifacts.filter((a) => a.kind === 'duplicate-title').map((a) => a.line)).toEqual([1, 16]);
  });

  it('joins the sentence the page break cut, across the removed page furniture', () => {
    expect(texts).toContain('过去一年，我们坚持稳中求进工作总基调，全力以赴稳增长。地区生产总值增长6%。');
    expect(report.repairs.find((r) => r.kind === 'paragraphs-joined')?.line).toBe(17);
  });

  it('collapses stray spaces but keeps the one between role and name', () => {
    expect(texts).toContain('（一）坚持稳中求进。正文内容。');
    expect(texts).toContain('市长 XXX');
    expect(report.speaker).toBe('XXX');
    expect(report.repairs.some((r) => r.kind === 'whitespace-collapsed')).toBe(true);
    expect(report.repairs.some((r) => r.kind === 'blank-lines-collapsed')).toBe(true);
  });

  it('keeps content that only resembles page furniture', () => {
    expect(texts).toContain('2024年是关键一年，第3页的数据另附。');
    expect(texts).toContain('国家安全工作取得新成效。');
  });

  it('reads front matter, parts, the closing and the year', () => {
    expect(report.blocks.map((b) => b.kind)).toEqual([
      'title',
      'meta',
      'meta',
      'salutation',
      'paragraph',
      'part',
      'paragraph',
      'section',
      'paragraph',
      'paragraph',
      'part',
      'closing',
    ]);
    expect(report).toMatchObject({ date: '2024年1月10日', region: '咸宁市', year: 2024 });
  });
});

describe('running heads', () => {
  it('drops a short line repeated on every page and rejoins what it cut', () => {
    const head = '咸宁日报社 两会特刊';
    const text = [
      '政府工作报告',
      '一、工作回顾',
      '第一段正文写到这里被',
      head,
      '分页截断了。',
      head,
      '第二段正文。',
      '第三段被',
      head,
      '截断。',
      '各位代表！',
      '第四段。',
      '各位代表！',
      '结束。',
    ].join('\n');
    const r = parseReportText(text);
    expect(r.blocks.map((b) => b.text)).toEqual([
      '政府工作报告',
      '一、工作回顾',
      '第一段正文写到这里被分页截断了。',
      '第二段正文。',
      '第三段被截断。',
      '各位代表！',
      '第四段。',
      '各位代表！',
      '结束。',
    ]);
    expect(r.artifacts.filter((a) => a.kind === 'print-header').map((a) => a.line)).toEqual([4, 6, 9]);
  });
});

describe('page-break joins and section splits', () => {
  it('never joins a heading to the paragraph after it', () => {
    const r = parseReportText('一、2024年工作安排\n今年是关键一年。\n（一）强信心、稳预期\n坚持稳中求进。\n（二）优结构\n加快推进新型工业化。聚力发展。');
    expect(r.blocks.map((b) => b.kind)).toEqual(['part', 'paragraph', 'section', 'paragraph', 'section', 'paragraph']);
    expect(r.repairs.some((r) => r.kind === 'paragraphs-joined')).toBe(false);
  });

  it('splits off the next section when a join glued it to the previous paragraph', () => {
    const text = [
      '二、2024年工作安排',
      '(一)强信心、稳预期,奋力推动经济稳增长。坚持稳中求进,持续巩固稳定向好的发展',
      '态势。(二)优结构、助转型,聚力构建现代化产业体系。坚定不移走工业强市之路。',
      '加快推进新型工业化。聚力发展五大优势产业。',
    ].join('\n');
    const r = parseReportText(text);
    expect(r.blocks.map((b) => [b.kind, b.path])).toEqual([
      ['part', '第二部分'],
      ['section', '第二部分（一）'],
      ['section', '第二部分（二）'],
      ['paragraph', '第二部分（二）“加快推进新型工业化”段'],
    ]);
    expect(r.blocks[1].text).toBe('(一)强信心、稳预期,奋力推动经济稳增长。坚持稳中求进,持续巩固稳定向好的发展态势。');
  });

  it('joins a line that starts with punctuation to the line before', () => {
    const r = parseReportText('一、工作回顾\n城镇新增就业3.7万人\n，超额完成任务。');
    expect(r.blocks[1].text).toBe('城镇新增就业3.7万人，超额完成任务。');
  });

  it('keeps a section enumeration inside a paragraph that is not the next section', () => {
    const r = parseReportText('一、工作回顾\n（一）稳增长。正文。\n参见前文。(一)所述措施继续实施。');
    expect(r.blocks).toHaveLength(3);
    expect(r.blocks[2].kind).toBe('paragraph');
  });
});

describe('hard-wrapped copy (text copied from a PDF)', () => {
  const original = fixtureText(STATE_COUNCIL);
  const WIDTH = 36;
  // Paragraphs indented with two ideographic spaces and wrapped at a fixed width; headings not indented.
  const wrapped = original
    .split('\n')
    .map((line, i) => {
      if (i === 0 || /^[一二三四五六七八九十]、|^各位代表/.test(line)) return line;
      const indented = '\u3000\u3000' + line;
      const rows: string[] = [];
      for (let at = 0; at < indented.length; at += WIDTH) rows.push(indented.slice(at, at + WIDTH));
      return rows.join('\n');
    })
    .join('\n');

  it('rejoins wrapped lines, even where a wrap falls right after a full stop', () => {
    const fromWrapped = parseReportText(wrapped);
    const fromOriginal = parseReportText(original);
    expect(fromWrapped.blocks.map((b) => b.text)).toEqual(fromOriginal.blocks.map((b) => b.text));
    expect(fromWrapped.blocks.map((b) => b.id)).toEqual(fromOriginal.blocks.map((b) => b.id));
  });

  it('does not treat an ordinary one-paragraph-a-line file as wrapped', () => {
    const report = parseReportText(original);
    expect(report.repairs.filter((r) => r.kind === 'paragraphs-joined')).toHaveLength(0);
  });
});

describe('sentences', () => {
  it('splits at 。！？； and half-width forms, keeping closing quotes', () => {
    expect(splitSentences('他说：“要稳。”然后出发！对吗?好;结束')).toEqual(['他说：“要稳。”', '然后出发！', '对吗?', '好;', '结束']);
    expect(splitSentences('增长1.6%。下降2.5%。')).toEqual(['增长1.6%。', '下降2.5%。']);
  });
});
