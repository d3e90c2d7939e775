/**
 * Hostile files must not stall the importer: every reader and the whole pipeline take time linear
 * in the input (measured by tests/helpers/linearTime.ts: CPU time at n and 2n, never a wall-clock
 * time). A hostile file may be imported or refused with a ReviewDeskError, nothing else.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { expectLinear, inputSize, type Input } from '../../helpers/linearTime';
import { readDocx } from '../../../electron/core/report/docx';
import { readHtml } from '../../../electron/core/report/html';
import { importReportBytes } from '../../../electron/core/report/index';
import { readMarkdown } from '../../../electron/core/report/markdown';

const text = (input: Input) => (typeof input === 'string' ? input : new TextDecoder().decode(input));
const bytes = (input: Input) => (typeof input === 'string' ? strToU8(input) : input);

/** A .docx (a real zip) whose document.xml is the given body. */
function docx(body: string): Uint8Array {
  const bytes = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}`,
    ),
  });
  inputSize.set(bytes, body.length * 3);
  return bytes;
}
const CLOSE = '</w:body></w:document>';
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;

interface Case {
  name: string;
  build: (n: number) => Input;
  n0: number;
}

const TXT: Case[] = [
  { name: 'one line of ，', build: (n) => '政府工作报告\n' + '，'.repeat(n), n0: 5_000 },
  { name: 'one line of digits', build: (n) => '政府工作报告\n' + '1'.repeat(n), n0: 5_000 },
  { name: 'one line of 一、', build: (n) => '政府工作报告\n' + '一、'.repeat(n), n0: 2_500 },
  { name: 'spaces inside one line', build: (n) => '政府工作报告\nx' + ' '.repeat(n) + 'x', n0: 5_000 },
  { name: 'ideographic spaces inside one line', build: (n) => '政府工作报告\n甲' + '\u3000'.repeat(n) + '乙', n0: 5_000 },
  { name: 'spaced-out characters', build: (n) => '政府工作报告\n' + '甲 '.repeat(n) + 'x', n0: 2_500 },
  { name: 'one line of （', build: (n) => '政府工作报告\n' + '（'.repeat(n), n0: 5_000 },
  { name: 'one line of 。 then text', build: (n) => '政府工作报告\n' + '。'.repeat(n) + '好', n0: 5_000 },
  { name: 'one line of 。）', build: (n) => '政府工作报告\n正文' + '。）'.repeat(n) + '好', n0: 2_500 },
  { name: 'tab-separated cells', build: (n) => '政府工作报告\n' + '1\t'.repeat(n), n0: 2_500 },
  { name: 'a year then spaces', build: (n) => '2024' + ' '.repeat(n) + '年', n0: 5_000 },
  { name: 'a role then spaces', build: (n) => '市长' + '\u3000'.repeat(n) + '王', n0: 5_000 },
  { name: 'sections glued into one line', build: (n) => '一、总体要求\n' + '（一）正文。'.repeat(n), n0: 1_000 },
  { name: 'many short lines joined into one paragraph', build: (n) => '政府工作报告\n' + '正文\n'.repeat(n), n0: 2_000 },
];

const MD: Case[] = [
  { name: '**a ', build: (n) => '**a '.repeat(n), n0: 1_000 },
  { name: 'a** ', build: (n) => 'a** '.repeat(n), n0: 1_000 },
  { name: '[', build: (n) => '['.repeat(n), n0: 1_000 },
  { name: '[a]', build: (n) => '[a]'.repeat(n), n0: 1_000 },
  { name: '`', build: (n) => '`'.repeat(n), n0: 1_000 },
  { name: '*', build: (n) => '*'.repeat(n), n0: 1_000 },
  { name: '*a', build: (n) => '*a'.repeat(n), n0: 1_000 },
  { name: 'a_ _a', build: (n) => 'a_ _a'.repeat(n), n0: 1_000 },
  { name: '**重点。**文', build: (n) => '**重点。**文'.repeat(n), n0: 1_000 },
  { name: '# then spaces', build: (n) => '# 标题' + ' '.repeat(n) + 'x', n0: 5_000 },
  { name: '> quote markers', build: (n) => '>'.repeat(n) + '正文', n0: 5_000 },
  { name: '- - - rule-like', build: (n) => '- '.repeat(n) + 'x', n0: 2_500 },
];

const HTML: Case[] = [
  { name: '<a ', build: (n) => '<html><body>' + '<a '.repeat(n), n0: 2_500 },
  { name: '<div unclosed', build: (n) => '<html><body>' + '<div'.repeat(n), n0: 2_500 },
  { name: '<div> nested', build: (n) => '<html><body>' + '<div>'.repeat(n) + '正文', n0: 1_000 },
  { name: '<b> nested', build: (n) => '<html><body><p>' + '<b>'.repeat(n) + '正文', n0: 1_000 },
  { name: 'bold spans nested', build: (n) => '<html><body><p>' + '<span style="font-weight:bold">'.repeat(n), n0: 1_000 },
  { name: 'unknown end tags in a deep page', build: (n) => '<html><body>' + '<div>'.repeat(1000) + '</x>'.repeat(n), n0: 2_500 },
  { name: 'attribute without a closing quote', build: (n) => '<html><body><p class="' + 'x '.repeat(n), n0: 5_000 },
  { name: 'attributes without closing quotes', build: (n) => '<html><body>' + '<p class="x>正文'.repeat(n), n0: 1_000 },
  { name: 'long class attributes', build: (n) => `<html><body><div class="${'a-'.repeat(n)}">正文</div>`, n0: 5_000 },
  { name: 'paragraphs', build: (n) => '<html><body>' + '<p>正文。'.repeat(n), n0: 1_000 },
  { name: 'table cells', build: (n) => '<html><body><table><tr>' + '<td>1'.repeat(n), n0: 1_000 },
  { name: 'entities without ;', build: (n) => '<html><body><p>' + '&amp'.repeat(n), n0: 2_500 },
  { name: 'unclosed comments', build: (n) => '<html><body>' + '<!--'.repeat(n), n0: 2_500 },
  { name: 'a bold lead of punctuation', build: (n) => '<html><body><h1>政府工作报告</h1><p><b>' + '。'.repeat(n) + 'x。</b>正文</p>', n0: 1_000 },
  { name: 'a long <pre>', build: (n) => '<html><body><pre>' + '一行\n'.repeat(n), n0: 1_000 },
];

const DOCX: Case[] = [
  { name: 'document ending in unclosed <a', build: (n) => docx(para('政府工作报告') + '<a'.repeat(n)), n0: 2_500 },
  { name: 'unclosed <w:p><w:r><w:t>', build: (n) => docx('<w:p><w:r><w:t>正文'.repeat(n)), n0: 1_000 },
  { name: 'deeply nested paragraphs', build: (n) => docx('<w:p>'.repeat(n) + '<w:r><w:t>正文</w:t></w:r>' + '</w:p>'.repeat(n) + CLOSE), n0: 1_000 },
  { name: 'deeply nested tables', build: (n) => docx('<w:tbl><w:tr><w:tc>'.repeat(n) + para('1') + '</w:tc></w:tr></w:tbl>'.repeat(n) + CLOSE), n0: 1_000 },
  { name: 'many runs in one paragraph', build: (n) => docx('<w:p>' + '<w:r><w:rPr><w:b/></w:rPr><w:t>正</w:t></w:r>'.repeat(n) + '</w:p>' + CLOSE), n0: 1_000 },
  {
    name: 'a row of empty cells',
    build: (n) => docx('<w:tbl><w:tr>' + '<w:tc></w:tc>'.repeat(n) + '<w:tc>' + para('1') + '</w:tc></w:tr></w:tbl>' + CLOSE),
    n0: 1_000,
  },
  { name: 'many paragraphs', build: (n) => docx(para('政府工作报告') + para('正文。').repeat(n) + CLOSE), n0: 1_000 },
  { name: 'spaces in one text run', build: (n) => docx(para('x' + ' '.repeat(n) + 'x') + CLOSE), n0: 5_000 },
  {
    name: 'a bold lead of punctuation',
    build: (n) => docx(para('政府工作报告') + `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>${'。'.repeat(n)}x。</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>` + CLOSE),
    n0: 1_000,
  },
  { name: 'unterminated entity', build: (n) => docx('<w:p><w:r><w:t>&' + 'a'.repeat(n)), n0: 5_000 },
  { name: 'unknown entities', build: (n) => docx('<w:p><w:r><w:t>' + '&constructor;'.repeat(n) + '</w:t></w:r></w:p>' + CLOSE), n0: 1_000 },
];

describe('importers take linear time on hostile input', () => {
  describe('plain text', () => {
    it.each(TXT)('$name', ({ build, n0 }) => {
      expectLinear(build, (input) => importReportBytes(bytes(input), 'report.txt'), n0);
    });
  });

  describe('Markdown', () => {
    it.each(MD)('reader: $name', ({ build, n0 }) => expectLinear(build, (input) => readMarkdown(text(input)), n0));
    it.each(MD)('pipeline: $name', ({ build, n0 }) => expectLinear(build, (input) => importReportBytes(bytes(input), 'report.md'), n0));
  });

  describe('HTML', () => {
    it.each(HTML)('reader: $name', ({ build, n0 }) => expectLinear(build, (input) => readHtml(text(input)), n0));
    it.each(HTML)('pipeline: $name', ({ build, n0 }) => expectLinear(build, (input) => importReportBytes(bytes(input), 'report.html'), n0));
  });

  describe('Word', () => {
    it.each(DOCX)('reader: $name', ({ build, n0 }) => expectLinear(build, (input) => readDocx(bytes(input)), n0));
    it.each(DOCX)('pipeline: $name', ({ build, n0 }) => expectLinear(build, (input) => importReportBytes(bytes(input), 'report.docx'), n0));
  });
});
