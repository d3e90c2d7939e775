/** Width/whitespace normalisation (with offsets back to the original) and selector building, on report text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeString, normalizeText, sameAfterNormalization, toNormalizedOffset, toOriginalRange } from '../../../electron/core/anchor/normalize';
import { describeInContext, describeQuote, makeTarget, targetsForSelection } from '../../../electron/core/anchor/selectors';
import { ReviewDeskError } from '../../../electron/core/errors';
import { paragraphsOf, toFullWidthPunctuation } from '../../helpers/anchor-revision';

const report = paragraphsOf(readFileSync(join(import.meta.dirname, '../../fixtures/xianning-2024-gov-work-report.txt'), 'utf8'));
const longest = [...report].sort((a, b) => b.text.length - a.text.length)[0];

describe('normalize', () => {
  it('treats the newspaper copy and the full-width official text as the same', () => {
    const official = toFullWidthPunctuation(longest.text);
    expect(official).not.toBe(longest.text);
    expect(normalizeString(official)).toBe(normalizeString(longest.text));
    expect(sameAfterNormalization('增长1.6%,高于(全省)', '增长１.６％，高于（全省）')).toBe(true);
  });

  it('drops spaces and invisible characters but keeps real differences', () => {
    expect(normalizeString('地区生产总值 增长\u3000 6%\u200b')).toBe('地区生产总值增长6%');
    expect(normalizeString('“四好农村路”')).toBe(normalizeString('"四好农村路"'));
    expect(sameAfterNormalization('增长6%', '增长7%')).toBe(false);
    expect(sameAfterNormalization('推进', '推动')).toBe(false);
  });

  it('collapse mode keeps one space between words', () => {
    expect(normalizeText('  we   had\n everything ', { whitespace: 'collapse' }).text).toBe('we had everything');
  });

  it('maps every normalised range back to the original text', () => {
    const original = '粮食播种面积 298.41万亩，产量２４.16亿斤';
    const n = normalizeText(original);
    const at = n.text.indexOf('24.16亿斤');
    const r = toOriginalRange(n, at, at + '24.16亿斤'.length);
    expect(original.slice(r.start, r.end)).toBe('２４.16亿斤');
    const k = n.text.indexOf('298');
    expect(toOriginalRange(n, k, k + 3)).toEqual({ start: original.indexOf('298'), end: original.indexOf('298') + 3 });
    expect(toNormalizedOffset(n, original.indexOf('298'))).toBe(k);
  });
});

describe('selectors', () => {
  it('makes a target with ~32 characters of context from the same block', () => {
    const start = longest.text.indexOf('。') + 1;
    const t = makeTarget(longest, start, start + 10);
    expect(t.exact).toBe(longest.text.slice(start, start + 10));
    expect(t.prefix.length).toBe(Math.min(32, start));
    expect(t.suffix).toBe(longest.text.slice(start + 10, start + 42));
    expect(longest.text.slice(0, start).endsWith(t.prefix)).toBe(true);
  });

  it('has empty prefix at the start of a paragraph (context never crosses blocks)', () => {
    const t = makeTarget(longest, 0, 8);
    expect(t.prefix).toBe('');
  });

  it('rejects an empty or out-of-range selection with a Chinese error', () => {
    expect(() => makeTarget(longest, 5, 5)).toThrow(ReviewDeskError);
    expect(() => makeTarget(longest, 0, longest.text.length + 1)).toThrow(/选区超出段落范围/);
  });

  it('splits a selection across paragraphs into one target per block', () => {
    const [a, b, c] = report.slice(3, 6);
    const ts = targetsForSelection(report, { blockId: c.id, offset: 5 }, { blockId: a.id, offset: a.text.length - 4 });
    expect(ts.map((t) => t.blockId)).toEqual([a.id, b.id, c.id]);
    expect(ts[0].exact).toBe(a.text.slice(-4));
    expect(ts[1].exact).toBe(b.text);
    expect(ts[2].exact).toBe(c.text.slice(0, 5));
    expect(() => targetsForSelection(report, { blockId: 'nope', offset: 0 }, { blockId: a.id, offset: 1 })).toThrow(/不在当前版本/);
  });

  it('describes a long quote with the middle elided, a short one whole', () => {
    expect(describeQuote({ exact: '深化河湖长制工作' })).toBe('“深化河湖长制工作”');
    const d = describeQuote({ exact: longest.text }, 20);
    expect(d.startsWith('“' + longest.text.slice(0, 9))).toBe(true);
    expect(d).toContain('……');
    expect(Array.from(d).length).toBe(22);
    expect(describeInContext({ prefix: '乡村建设扎实推进。', exact: '编制村庄规划795个', suffix: '。实施乡村建设项目' }, 4)).toBe(
      '…实推进。【编制村庄规划795个】。实施乡…',
    );
  });
});
