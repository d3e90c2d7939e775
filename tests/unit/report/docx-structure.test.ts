/**
 * In a .docx a paragraph boundary is the author's: the page-break repair (meant for text copied
 * from newspapers and PDFs) must not glue a short heading line to the paragraph after it, and a
 * heading Word wraps into two paragraphs is one heading again. Cases from real provincial reports.
 */
import { describe, expect, it } from 'vitest';
import { importReportBytes, reportOutline } from '../../../electron/core/report/index';
import { makeDocx } from './helpers';

const BODY = '过去一年，全省经济运行稳中有进，地区生产总值增长5.8%。';
const report = (paragraphs: string[]) => importReportBytes(makeDocx([['政府工作报告'], ['各位代表：'], ...paragraphs.map((p) => [p])]), '报告.docx');

describe('Word paragraphs keep the author’s structure', () => {
  it('keeps an unnumbered part heading on its own line as a part of the outline', () => {
    const r = report(['2024年工作回顾', BODY, '2025年工作安排建议', '2025年是“十四五”规划收官之年。做好今年工作，要坚持稳中求进。']);
    expect(r.blocks.map((b) => [b.kind, b.text])).toContainEqual(['part', '2025年工作安排建议']);
    expect(r.blocks.find((b) => b.text.startsWith('2025年是'))?.text).toBe('2025年是“十四五”规划收官之年。做好今年工作，要坚持稳中求进。');
    expect(reportOutline(r).map((n) => n.heading)).toEqual(['2024年工作回顾', '2025年工作安排建议']);
  });

  it('keeps one-line task headings (一是…) apart from their bodies, so the work plan has its sections', () => {
    const r = report([
      '一、2025年工作安排',
      BODY,
      '一是聚焦全方位扩大内需，着力提消费促投资',
      '实施提振消费专项行动，推动汽车、家电等大宗消费。扩大有效投资，谋划实施一批重大项目。',
      '二是聚焦科技创新引领，着力培育新质生产力',
      '加快建设科技强省，推进关键核心技术攻关。',
    ]);
    const texts = r.blocks.map((b) => b.text);
    expect(texts).toContain('一是聚焦全方位扩大内需，着力提消费促投资');
    expect(texts).toContain('二是聚焦科技创新引领，着力培育新质生产力');
    expect(texts).toContain('实施提振消费专项行动，推动汽车、家电等大宗消费。扩大有效投资，谋划实施一批重大项目。');
    expect(r.repairs.filter((x) => x.kind === 'paragraphs-joined')).toEqual([]);
  });

  it('joins a heading Word split over two paragraphs into one heading', () => {
    const r = report(['一、2024年工作回顾', BODY, '三、持续提升政府', '治理效能和服务水平', '坚持以高效能治理服务高质量发展。']);
    expect(r.blocks.map((b) => [b.kind, b.text])).toContainEqual(['part', '三、持续提升政府治理效能和服务水平']);
    expect(r.blocks.some((b) => b.text === '治理效能和服务水平')).toBe(false);
    expect(r.repairs.some((x) => x.kind === 'paragraphs-joined' && x.message.includes('标题'))).toBe(true);
  });

  it('joins a bold heading only with a bold second line, never with plain body text', () => {
    const docx = makeDocx([
      ['政府工作报告'],
      [{ text: '一、2024年工作回顾', bold: true }],
      [BODY],
      [{ text: '三、持续提升政府', bold: true }],
      [{ text: '治理效能和服务水平', bold: true }],
      ['坚持以高效能治理服务高质量发展。'],
      [{ text: '四、切实加强政府', bold: true }],
      ['自身建设'],
      ['全面加强政府党的建设，推进依法行政。'],
    ]);
    const texts = importReportBytes(docx, '报告.docx').blocks.map((b) => b.text);
    expect(texts).toContain('三、持续提升政府治理效能和服务水平');
    expect(texts).toContain('四、切实加强政府');
  });

  it('still joins a paragraph a page break cut in two', () => {
    const r = report(['一、2024年工作回顾', '坚持城乡融合发展，实施乡村振兴战略，新建高标准农田120万亩，编制村庄规划795', '个。农村人居环境持续改善。']);
    expect(r.blocks.map((b) => b.text)).toContain('坚持城乡融合发展，实施乡村振兴战略，新建高标准农田120万亩，编制村庄规划795个。农村人居环境持续改善。');
  });
});
