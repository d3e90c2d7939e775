/**
 * What the parsing libraries behind the readers (saxes, htmlparser2's tokenizer, micromark) must
 * and must not do with odd or hostile files: entities never resolve to JavaScript built-ins,
 * DOCTYPE entities are never expanded, broken XML is refused in Chinese, Chinese bold reads.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReviewDeskError } from '../../../electron/core/errors';
import { readDocx } from '../../../electron/core/report/docx';
import { readHtml } from '../../../electron/core/report/html';
import { importReportBytes, parseReportText } from '../../../electron/core/report/index';
import { readMarkdown } from '../../../electron/core/report/markdown';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (document: string | Uint8Array) => zipSync({ 'word/document.xml': typeof document === 'string' ? strToU8(document) : document });
const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const texts = (bytes: Uint8Array) => readDocx(bytes).map((l) => l.text);

function refusal(run: () => unknown): ReviewDeskError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ReviewDeskError);
    return e as ReviewDeskError;
  }
  throw new Error('expected a refusal');
}

describe('docx (saxes)', () => {
  it('never expands entities declared in a DOCTYPE', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY word "展开的实体">]><w:document ${W}><w:body>${p('甲&word;乙&xxe;丙')}</w:body></w:document>`;
    expect(texts(docx(xml))).toEqual(['甲&word;乙&xxe;丙']);
  });

  it('keeps unknown entities as written, never a JavaScript built-in', () => {
    expect(texts(docx(body(p('&constructor;&toString;&__proto__;&nbsp;&amp;&#x4E00;'))))).toEqual(['&constructor;&toString;&__proto__;&nbsp;&一']);
  });

  it('refuses malformed XML with the Word message', () => {
    for (const xml of [body('<w:p><w:r><w:t>正文</w:r></w:p>'), body(p('正文')) + '<a'.repeat(50), body(p('正文')).slice(0, -20), body('<w:p>&unterminated')]) {
      const err = refusal(() => importReportBytes(docx(xml), '报告.docx'));
      expect(err.code).toBe('import/docx-invalid');
      expect(err.message).toMatch(/Word/);
    }
  });

  it('refuses absurdly deep nesting', () => {
    expect(refusal(() => readDocx(docx(body('<w:p>'.repeat(5000) + '</w:p>'.repeat(5000))))).code).toBe('import/docx-invalid');
  });

  it('forgives what generators leave in otherwise good files: control characters, leading whitespace', () => {
    expect(texts(docx(body(p('正\u0001文'))))).toEqual(['正\u0001文']);
    expect(texts(docx('\n' + body(p('正文'))))).toEqual(['正文']);
  });

  it('reads a part saved as UTF-16', () => {
    const xml = body(p('政府工作报告')).replace('UTF-8', 'UTF-16');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    expect(texts(docx(utf16))).toEqual(['政府工作报告']);
  });

  it('reads mc:Choice once, not its mc:Fallback copy, and text boxes as their own paragraphs', () => {
    const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const xml = body(
      `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>${box('文本框')}</mc:Choice><mc:Fallback>${box('文本框')}</mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(texts(docx(xml))).toEqual(['文本框', '正文']);
  });

  it('reads formatting as it stands after tracked changes, not as it was before them', () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>`;
    const xml = body(
      // restyled as 标题 1 in review (it was Normal); a run made bold in review (it was plain)
      `<w:p><w:pPr><w:pStyle w:val="1"/><w:pPrChange w:id="1" w:author="秘书组"><w:pPr><w:pStyle w:val="a"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>一、过去一年的工作</w:t></w:r></w:p>` +
        `<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="2" w:author="秘书组"><w:rPr/></w:rPrChange></w:rPr><w:t>稳增长。</w:t></w:r><w:r><w:t>全年经济平稳运行。</w:t></w:r></w:p>`,
    );
    const lines = readDocx(zipSync({ 'word/document.xml': strToU8(xml), 'word/styles.xml': strToU8(styles) }));
    expect(lines[0]).toMatchObject({ text: '一、过去一年的工作', headingLevel: 1 });
    expect(lines[1]).toMatchObject({ text: '稳增长。全年经济平稳运行。', boldStart: 0, boldEnd: 4 });
  });
});

describe('html (htmlparser2 tokenizer)', () => {
  const text = (html: string) => readHtml(html).map((l) => l.text);

  it('keeps unknown entities as written, never a JavaScript built-in', () => {
    expect(text('<p>&constructor;&toString;&ldquo;甲&rdquo;&#x3002;</p>')).toEqual(['&constructor;&toString;“甲”。']);
  });

  it('drops a script whose code contains tags without losing the text after it', () => {
    expect(text('<div>前<script>if (a<b) document.write("<div>x</div>")</script>后</div>')).toEqual(['前后']);
  });

  it('reads what it can of a page cut off inside a tag or attribute', () => {
    expect(text('<p>正文。</p><p class="x>后面没有了')).toEqual(['正文。']);
    expect(text('<p>正文。</p>' + '<a '.repeat(100))).toEqual(['正文。']);
  });
});

describe('markdown (micromark)', () => {
  const line = (md: string) => readMarkdown(md)[0];

  it('reads Chinese bold against punctuation, which plain CommonMark does not', () => {
    expect(line('**着力扩大有效投资。**全年新开工项目300个。')).toMatchObject({ text: '着力扩大有效投资。全年新开工项目300个。', boldStart: 0, boldEnd: 9 });
    expect(line('**一是加强领导。**正文。**二是完善机制。**正文。')).toMatchObject({ boldStart: 0, boldEnd: 7 });
    expect(line('我们要**“稳中求进”**是总基调')).toMatchObject({ text: '我们要“稳中求进”是总基调', boldStart: 3, boldEnd: 9 });
    const r = parseReportText('# 政府工作报告\n\n**着力扩大有效投资。**全年新开工项目300个。\n', { format: 'md' });
    expect(r.blocks[1].leadEnd).toBe('着力扩大有效投资。'.length);
  });

  it('keeps link and code text, drops images and HTML, resolves escapes and entities safely', () => {
    expect(line('[链接](http://x)和![图](a.png)和`代码`和<b>标签</b>').text).toBe('链接和和代码和标签');
    expect(line('\\*不是强调\\* &constructor; &amp;').text).toBe('*不是强调* &constructor; &');
  });

  it('leaves a bare page number as text for repair to remove and join around', () => {
    expect(readMarkdown('- 3 -')[0].text).toBe('- 3 -');
    const r = parseReportText('政府工作报告\n\n全市共编制村庄规划795\n- 3 -\n个，覆盖全部行政村。\n', { format: 'md' });
    expect(r.blocks.map((b) => b.text)).toContain('全市共编制村庄规划795个，覆盖全部行政村。');
    expect(r.artifacts).toContainEqual(expect.objectContaining({ kind: 'page-number', text: '- 3 -' }));
  });

  it('reads a long line in pieces without losing its text', () => {
    const sentence = '**重点工作。**推进各项任务落实，取得明显成效。';
    const md = sentence.repeat(200);
    expect(line(md).text).toBe(md.replaceAll('**', ''));
  });
});
