/** Word files: paragraphs, runs, tabs, breaks, and bold as the hint plain text cannot carry. */
import { describe, expect, it } from 'vitest';
import { importReportBytes, parseReportText, reportOutline } from '../../../electron/core/report/index';
import { BEIJING, HUBEI, importFixture, makeDocx } from './helpers';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`;

describe('docx reading', () => {
  it('uses a bold opening run as the lead sentence where plain text would not', () => {
    const lead = '坚持稳中求进，推动经济高质量发展';
    const docx = makeDocx([
      [{ text: '政府工作报告', bold: true }],
      ['各位代表：'],
      [{ text: '一、2024年工作安排', bold: true }],
      [{ text: lead, bold: true }, '。今年要稳字当头。继续努力。'],
      [{ text: '不加粗', bold: false }, '的段落，不是段首语。后面还有。'],
    ]);
    const fromDocx = importReportBytes(docx, '报告.docx');
    const p = fromDocx.blocks.find((b) => b.text.startsWith(lead))!;
    expect(p.text.slice(0, p.leadEnd)).toBe(`${lead}。`);
    expect(p.path).toBe(`第一部分“${lead}”段`);
    expect(fromDocx.blocks.find((b) => b.text.startsWith('不加粗'))?.leadEnd).toBe(0);
    // The same words as plain text: a comma in the opening sentence, so no lead.
    const fromText = parseReportText(fromDocx.blocks.map((b) => b.text).join('\n'));
    expect(fromText.blocks.find((b) => b.text.startsWith(lead))?.leadEnd).toBe(0);
    expect(fromDocx.sourceFormat).toBe('docx');
  });

  it('reads bold from character and paragraph styles, and honours w:val="0"', () => {
    const docx = makeDocx(
      [
        { style: 'Heading1', runs: ['市政府工作报告'] },
        ['一、工作回顾'],
        [{ text: '稳住经济大盘，增强发展动能', style: 'Strong' }, '。正文第一句。'],
        [{ text: '关闭加粗的字符样式，仍不是段首语', style: 'Strong', bold: 'off' }, '。正文第一句。'],
        ['二、工作安排'],
      ],
      STYLES,
    );
    const report = importReportBytes(docx, 'a.docx');
    expect(report.blocks[0]).toMatchObject({ kind: 'title', text: '市政府工作报告' });
    expect(report.blocks[2].leadEnd).toBe('稳住经济大盘，增强发展动能。'.length);
    expect(report.blocks[3].leadEnd).toBe(0);
  });

  it('turns w:tab into a space-free join and w:br into a new line', () => {
    const docx = makeDocx([['政府工作报告'], ['一、\t工作回顾'], ['第一行正文。\n第二行正文。']]);
    const report = importReportBytes(docx, 'a.docx');
    expect(report.blocks.map((b) => b.text)).toEqual(['政府工作报告', '一、工作回顾', '第一行正文。', '第二行正文。']);
  });

  it('decodes XML entities in text', () => {
    const docx = makeDocx([['一、R&D投入 <持续> 增长']]);
    expect(importReportBytes(docx, 'a.docx').blocks[0].text).toBe('一、R&D投入<持续>增长');
  });
});

describe('docx and plain text agree', () => {
  const toText = (name: string) =>
    importFixture(name)
      .blocks.map((b) => b.text)
      .join('\n\n');

  it('Hubei: same parts, sections and texts from the docx and from its text', () => {
    const docx = importFixture(HUBEI);
    const txt = parseReportText(toText(HUBEI));
    expect(txt.blocks.map((b) => b.text)).toEqual(docx.blocks.map((b) => b.text));
    const shape = (r: typeof docx) => reportOutline(r).map((p) => [p.part, p.heading, p.sections.map((s) => s.heading)]);
    expect(shape(txt)).toEqual(shape(docx));
    expect(txt.blocks.map((b) => b.kind)).toEqual(docx.blocks.map((b) => b.kind));
  });

  it('Beijing: the docx finds every lead that plain text finds', () => {
    const docx = importFixture(BEIJING);
    const txt = parseReportText(toText(BEIJING));
    const leads = (r: typeof docx) => new Set(r.blocks.filter((b) => b.leadEnd > 0).map((b) => b.text.slice(0, b.leadEnd)));
    const docxLeads = leads(docx);
    const txtLeads = leads(txt);
    for (const l of txtLeads) expect(docxLeads.has(l)).toBe(true);
    expect(docxLeads.size).toBeGreaterThanOrEqual(txtLeads.size);
    expect(docxLeads.size).toBeGreaterThan(40);
  });
});
