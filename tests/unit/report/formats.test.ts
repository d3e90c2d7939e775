/**
 * Files reports arrive in beyond UTF-8 text and Word: Big5 (traditional-script copies), UTF-32,
 * UTF-16 without a BOM, web pages saved from a browser, Word tables.
 */
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { ReviewDeskError } from '../../../electron/core/errors';
import { importReportBytes, parseReportText, summarizeOutline } from '../../../electron/core/report/index';
import { XIANNING, fixtureBytes, fixtureText, importFixture } from './helpers';

const PLAN = 'synthetic/plan-report.txt';
const PAGE = 'synthetic/report-web-page.html';
const shape = (r: ReturnType<typeof parseReportText>) => r.blocks.map(({ id, kind, path, text }) => ({ id, kind, path, text }));

describe('encodings', () => {
  const plan = fixtureText(PLAN);
  const reference = parseReportText(plan);

  it('detects Big5 (a traditional-script copy) and does not mistake it for GBK', () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(plan);
    const r = importReportBytes(iconv.encode(traditional, 'big5'), '計劃報告.txt');
    expect(r.sourceEncoding).toBe('big5');
    expect(r.title).toBe('關於2024年國民經濟和社會發展計劃執行情況與2025年國民經濟和社會發展計劃草案的報告');
    expect(shape(r)).toEqual(shape(parseReportText(traditional)));
    expect(r.blocks.map((b) => b.kind)).toEqual(reference.blocks.map((b) => b.kind));
    expect(r.repairs.find((x) => x.kind === 'encoding-detected')?.message).toMatch(/Big5/);
  });

  it('still reads GBK as GB18030, including text written in traditional characters', () => {
    expect(importReportBytes(iconv.encode(plan, 'gbk'), 'plan.txt').sourceEncoding).toBe('gb18030');
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(plan);
    expect(importReportBytes(iconv.encode(traditional, 'gbk'), 'plan.txt')).toMatchObject({
      sourceEncoding: 'gb18030',
      title: expect.stringMatching(/^關於2024年/),
    });
    const xianning = importReportBytes(iconv.encode(fixtureText(XIANNING), 'gbk'), XIANNING);
    expect(shape(xianning)).toEqual(shape(importFixture(XIANNING)));
  });

  it.each([
    ['utf-32le', [0xff, 0xfe, 0, 0], 'utf32le'],
    ['utf-32be', [0, 0, 0xfe, 0xff], 'utf32be'],
  ])('reads %s with and without a BOM', (encoding, bom, codec) => {
    const body = iconv.encode(plan, codec);
    for (const bytes of [Buffer.concat([Buffer.from(bom), body]), body]) {
      const r = importReportBytes(bytes, 'plan.txt');
      expect(r.sourceEncoding).toBe(encoding);
      expect(shape(r)).toEqual(shape(reference));
    }
  });

  it.each(['utf-16le', 'utf-16be'])('reads %s without a BOM, even when the text is almost all Chinese', (encoding) => {
    // Few ASCII characters: detection must not rely on NUL bytes from ASCII alone (一 is U+4E00).
    const text = plan.replace(/[0-9.%]/g, '');
    const r = importReportBytes(iconv.encode(text, encoding === 'utf-16le' ? 'utf16le' : 'utf16be'), 'plan.txt');
    expect(r.sourceEncoding).toBe(encoding);
    expect(r.blocks.map((b) => b.text)).toEqual(parseReportText(text).blocks.map((b) => b.text));
  });

  it('still refuses binary content with NUL bytes', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => importReportBytes(noise, '报告.txt')).toThrowError(ReviewDeskError);
  });
});

describe('a web page saved from a browser', () => {
  const r = importFixture(PAGE);
  const all = r.blocks.map((b) => b.text).join('\n');

  it('reads the report and leaves out script, style, comments, navigation and the footer', () => {
    expect(r).toMatchObject({ sourceFormat: 'html', title: '政府工作报告', date: '2025年1月9日', speaker: '王建华', region: '江城市', year: 2025 });
    expect(all).not.toMatch(/window|onload|text-indent|首页|政务公开|注释里的段落|不是正文|网站标识码|<|>/);
    expect(r.blocks.slice(0, 4).map((b) => b.kind)).toEqual(['title', 'meta', 'meta', 'salutation']);
  });

  it('keeps paragraph and <br> boundaries, joins a paragraph’s own line breaks, decodes entities', () => {
    expect(r.blocks[1].text).toBe('——2025年1月9日在江城市第十六届人民代表大会第五次会议上');
    expect(r.blocks[2].text).toBe('江城市市长 王建华');
    expect(all).toContain('过去一年，我们坚持稳中求进工作总基调，全市经济运行稳中有进，地区生产总值增长5.6%');
    expect(all).toContain('实施“项目建设攻坚年”行动');
    expect(all).toContain('研发经费投入强度达到2.8%，高新技术企业突破2000家。');
  });

  it('uses <strong>/<b> as heading and lead hints and keeps table cells apart', () => {
    expect(summarizeOutline(r)).toEqual({ parts: 2, sections: 2, leads: 1 });
    const lead = r.blocks.find((b) => b.text.startsWith('着力扩大有效投资'))!;
    expect(lead.path).toBe('第一部分（一）“着力扩大有效投资”段');
    expect(r.blocks.filter((b) => b.text.includes('\t')).map((b) => b.text)).toEqual(['指标\t2024年\t2025年目标', '地区生产总值增长（%）\t5.6\t5.5左右']);
    expect(r.blocks[r.blocks.length - 1]).toMatchObject({ kind: 'closing', path: '结尾' });
  });

  it('reads the same page saved as .txt, or in GBK, the same way', () => {
    const html = fixtureText(PAGE);
    expect(shape(importReportBytes(fixtureBytes(PAGE), '政府工作报告.txt'))).toEqual(shape(r));
    const gbk = importReportBytes(iconv.encode(html.replace('charset="utf-8"', 'charset="gb2312"'), 'gbk'), '政府工作报告.htm');
    expect(gbk.sourceEncoding).toBe('gb18030');
    expect(shape(gbk)).toEqual(shape(r));
  });

  it('does not take plain text that mentions a tag for HTML', () => {
    const plain = parseReportText('政府工作报告\n一、工作回顾\n网页中的<p>标签不影响正文。');
    expect(plain.sourceFormat).toBe('txt');
    expect(plain.blocks[2].text).toBe('网页中的<p>标签不影响正文。');
  });
});

describe('tables in a Word file', () => {
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const body = [
    para('关于2024年预算执行情况和2025年预算草案的报告'),
    para('一、2024年预算执行情况'),
    para('全市一般公共预算收入286.5亿元，增长4.6%。'),
    para('2024年全市一般公共预算收支情况表'),
    para('单位：亿元'),
    `<w:tbl>${row('项目', '预算数')}${row('一般公共预算收入', '286.5')}${row('一般公共预算支出', '612.8')}</w:tbl>`,
    para('二、2025年预算草案'),
  ].join('');
  const docx = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });

  it('makes one paragraph per table row, cells separated by tabs, never joined', () => {
    const r = importReportBytes(docx, '预算报告.docx');
    expect(r.blocks.map((b) => b.text)).toEqual([
      '关于2024年预算执行情况和2025年预算草案的报告',
      '一、2024年预算执行情况',
      '全市一般公共预算收入286.5亿元，增长4.6%。',
      '2024年全市一般公共预算收支情况表',
      '单位：亿元',
      '项目\t预算数',
      '一般公共预算收入\t286.5',
      '一般公共预算支出\t612.8',
      '二、2025年预算草案',
    ]);
    expect(r.repairs.some((x) => x.kind === 'paragraphs-joined')).toBe(false);
  });
});
