/** Genre shapes beyond the corpus: separate date/speaker lines, numbered items, a glossary tail. */
import { describe, expect, it } from 'vitest';
import { parseReportText, summarizeOutline } from '../../../electron/core/report/index';

const MUNICIPAL = `2024年咸宁市人民政府工作报告
——2024年1月10日在咸宁市第五届人民代表大会第四次会议上
咸宁市市长\u3000孟祥伟

各位代表：
\u3000\u3000现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。
一、2023年工作回顾
\u3000\u3000过去一年，全市上下团结奋斗。
\u3000\u3000（一）稳增长成效明显。全市地区生产总值增长6%。
\u3000\u30001.工业经济稳步回升。规上工业增加值增长7%。
\u3000\u30002.投资持续扩大。固定资产投资增长8%。
\u3000\u3000支持市长热线建设。
二、2024年工作安排
\u3000\u3000（一）坚定不移稳增长
\u3000\u3000着力扩大有效投资。全年实施项目500个。
\u3000\u3000今年的投资项目已经全部落地，群众满意度持续提升。后续工作继续推进。
三、全面加强政府自身建设
\u3000\u3000各位代表！惟有不懈奋斗，方能不负重托。让我们紧密团结，奋勇前进！
名词解释：
\u3000\u30001.“三个务必”：务必不忘初心、牢记使命。
\u3000\u30002.“四下基层”：宣传党的路线方针政策下基层。`;

describe('a municipal report with full front matter', () => {
  const r = parseReportText(MUNICIPAL);
  const byText = (start: string) => r.blocks.find((b) => b.text.startsWith(start))!;

  it('reads title, date line and speaker line as front matter', () => {
    expect(r.blocks.slice(0, 4).map((b) => [b.kind, b.path, b.text])).toEqual([
      ['title', '标题', '2024年咸宁市人民政府工作报告'],
      ['meta', '题注', '——2024年1月10日在咸宁市第五届人民代表大会第四次会议上'],
      ['meta', '题注', '咸宁市市长 孟祥伟'],
      ['salutation', '称呼', '各位代表：'],
    ]);
    expect(r).toMatchObject({ title: '2024年咸宁市人民政府工作报告', date: '2024年1月10日', speaker: '孟祥伟', region: '咸宁市', year: 2024 });
  });

  it('numbers paragraphs before the first part as 开头', () => {
    expect(byText('现在，我代表').path).toBe('开头第1段');
  });

  it('treats numbered lines as items cited by their lead without the number', () => {
    expect(byText('1.工业经济').kind).toBe('item');
    expect(byText('1.工业经济').path).toBe('第一部分（一）“工业经济稳步回升”段');
    // A body line mentioning a mayor is not a speaker line.
    expect(byText('支持市长热线').kind).toBe('paragraph');
  });

  it('gives a standalone section heading its full length as headingEnd and counts paragraphs after it', () => {
    const s = byText('（一）坚定不移稳增长');
    expect(s).toMatchObject({ kind: 'section', path: '第二部分（一）', level: 2, headingEnd: s.text.length });
    expect(byText('着力扩大有效投资').path).toBe('第二部分（一）“着力扩大有效投资”段');
    // A long opening sentence with a comma is not a lead; cite by number.
    const plain = byText('今年的投资项目');
    expect(plain.leadEnd).toBe(0);
    expect(plain.path).toBe('第二部分（一）第2段');
  });

  it('ends with the closing and a glossary cited entry by entry', () => {
    expect(byText('各位代表！惟有').kind).toBe('closing');
    expect(r.blocks.slice(-3).map((b) => [b.kind, b.path])).toEqual([
      ['note', '名词解释'],
      ['note', '名词解释第1条'],
      ['note', '名词解释第2条'],
    ]);
    expect(summarizeOutline(r)).toEqual({ parts: 3, sections: 2, leads: 3 });
  });
});

describe('a report without any outline', () => {
  it('cites paragraphs by plain number', () => {
    const r = parseReportText('第一段。\n第二段。\n第三段。');
    expect(r.blocks.map((b) => b.path)).toEqual(['第1段', '第2段', '第3段']);
    expect(r.title).toBeNull();
  });
});
