/**
 * Hostile files must not stall the importer: every reader and the whole pipeline take time linear
 * in the input. Each case is timed (CPU time) at size n and 2n (medians of three samples, after a warm-up) and
 * the ratio is asserted: about 2 when linear, 4 when quadratic. Never a wall-clock time. n grows
 * until a run takes long enough for the timer, but inputs stay at a few MB, where time is still the
 * algorithm's and not the allocator's (a fast case is run several times per sample instead). A
 * ratio over the bound is measured again with longer samples, up to four times, so that a busy
 * machine does not fail a linear case; a quadratic one fails every time. A hostile file may be
 * imported or refused with a ReviewDeskError, nothing else.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReviewDeskError } from '../../../electron/core/errors';
import { readDocx } from '../../../electron/core/report/docx';
import { readHtml } from '../../../electron/core/report/html';
import { importReportBytes } from '../../../electron/core/report/index';
import { readMarkdown } from '../../../electron/core/report/markdown';

const MAX_RATIO = 2.5;
/** A sample lasts at least this long, so that timer noise stays small. */
const MIN_MS = 15;
/** Largest input (the larger of the two), in bytes of text (a docx: of its document.xml). */
const MAX_BYTES = 2 * 1024 * 1024;

type Input = string | Uint8Array;

// A full collection before each sample, so that one sample does not pay for another's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Run `times` times: imported or refused with a ReviewDeskError, nothing else (a TypeError fails the test). */
function sample(run: (input: Input) => unknown, input: Input, times = 1, collect = true): number {
  if (collect) collectGarbage();
  // CPU time of this test process (vitest runs each file in its own fork), not wall time: the
  // other test files running beside this one on a 2-core machine must not look like growth.
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    try {
      run(input);
    } catch (e) {
      if (!(e instanceof ReviewDeskError)) throw e;
    }
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Inflated size of the docx inputs built below. */
const docxSize = new WeakMap<Uint8Array, number>();
const size = (input: Input) => (typeof input === 'string' ? Buffer.byteLength(input) : (docxSize.get(input) ?? input.length));

function expectLinear(build: (n: number) => Input, run: (input: Input) => unknown, n0: number): void {
  let n = n0;
  let small = build(n);
  let large = build(2 * n);
  sample(run, small, 1, false); // warm-up: JIT, lazy module state
  let ms = sample(run, small, 1, false);
  while (ms < MIN_MS && 2 * size(large) <= MAX_BYTES) {
    n *= ms < MIN_MS / 8 ? 4 : 2;
    small = build(n);
    large = build(2 * n);
    ms = sample(run, small, 1, false);
  }
  let times = Math.min(50, Math.ceil(MIN_MS / Math.max(ms, 0.1)));
  const tries: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 3; i++) {
      a.push(sample(run, small, times));
      b.push(sample(run, large, times));
    }
    const ratio = median(b) / median(a);
    if (ratio <= MAX_RATIO) return;
    tries.push(`n=${n}: ${median(a).toFixed(1)} ms, ×${ratio.toFixed(2)} at 2n`);
    // Noise is a short sample's trouble; a long one that grows too fast is the answer already.
    if (median(a) > 500) break;
    // Try again with longer samples: a larger n while inputs stay small, else more runs.
    if (4 * size(large) <= MAX_BYTES) {
      n *= 2;
      small = large;
      large = build(2 * n);
    } else times *= 2;
  }
  expect.fail(`time grows faster than linear: ${tries.join('; ')}`);
}

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
  docxSize.set(bytes, body.length * 3);
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
