/**
 * Peer test material for quote matching, rewritten as plain-text cases:
 * - Hypothesis: hypothesis/client src/annotator/anchoring/test/match-quote-test.js (matchQuote:
 *   exact, approximate, scoring by quote/prefix/suffix similarity, hint tie-breaks, null cases).
 * - Apache Annotator: apache/incubator-annotator packages/dom/test/text-quote/match-cases.ts
 *   (strict TextQuoteSelector matching; the HTML fixtures reduce to their text content).
 */
import { describe, expect, it } from 'vitest';
import { findExactQuotes, matchQuote, textMatchScore } from '../../../electron/core/anchor/quote-match';

const ws = (s: string) => s.replace(/\s+/g, ' ');
const solitude = ws(`Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice`);
const twoCities = ws(`It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way.`);

const strictlyDescending = (xs: number[]) => xs.every((x, i) => i === 0 || x < xs[i - 1]);

describe('matchQuote (Hypothesis match-quote cases)', () => {
  it('finds an exact match with score 1', () => {
    const m = matchQuote(solitude, 'discover ice')!;
    expect(m.score).toBe(1);
    expect(solitude.slice(m.start, m.end)).toBe('discover ice');
  });

  it('finds the best approximate match when there is no exact one', () => {
    const m = matchQuote(solitude, 'some years later')!;
    expect(m.score).toBeGreaterThan(0);
    expect(m.score).toBeLessThan(1);
    expect(solitude.slice(m.start, m.end)).toBe('Many years later');
  });

  it('scores by quote similarity', () => {
    const quotes = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'];
    expect(strictlyDescending(quotes.map((q) => matchQuote(solitude, q)!.score))).toBe(true);
  });

  it('scores by prefix similarity', () => {
    const prefixes = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'];
    const scores = prefixes.map((prefix) => matchQuote(solitude, ', as he faced the firing squad', { prefix })!.score);
    expect(strictlyDescending(scores)).toBe(true);
  });

  it('scores by suffix similarity', () => {
    const suffixes = [', as he faced the firing squad', ', as she faced the firing squad', ', as he awaited the firing squad', ', as he awaited his death'];
    const scores = suffixes.map((suffix) => matchQuote(solitude, 'Many years later', { suffix })!.score);
    expect(strictlyDescending(scores)).toBe(true);
  });

  it('returns null when nothing is close enough, or the quote or text is empty', () => {
    expect(matchQuote(twoCities, solitude)).toBeNull();
    expect(matchQuote('foobar', '')).toBeNull();
    expect(matchQuote('', 'foobar')).toBeNull();
  });

  const contextCases = [
    { quote: 'before us', prefix: 'we had everything', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nothing', expected: 'before us, we were all going' },
    { quote: 'before us', prefix: 'we had every-thing', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nout', expected: 'before us, we were all going' },
    { quote: 'we had', suffix: 'everything', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nothing', expected: 'we had nothing' },
    { quote: 'we had', suffix: 'ever ting', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nutting', expected: 'we had nothing' },
  ];
  it.each(contextCases)('picks the occurrence whose context fits: $quote / $prefix$suffix', ({ quote, prefix, suffix, expected }) => {
    const m = matchQuote(twoCities, quote, { prefix, suffix })!;
    expect(twoCities.slice(m.start, m.end)).toBe(quote);
    expect(m.start).toBe(twoCities.indexOf(expected));
  });

  it('uses the hint to break ties between equal matches', () => {
    const posA = twoCities.indexOf('everything before us') + 'everything '.length;
    const posB = twoCities.indexOf('nothing before us') + 'nothing '.length;
    expect(matchQuote(twoCities, 'befor us', { hint: posA })!.start).toBe(posA);
    expect(matchQuote(twoCities, 'befor us', { hint: posB })!.start).toBe(posB);
    expect(matchQuote(twoCities, 'befor us')!.start).toBe(posA); // no hint: first match
  });

  it('copes with a prefix longer than the text before the match, and a suffix past the end', () => {
    const m = matchQuote(solitude, 'years later', { prefix: 'It used to be many' })!;
    expect(solitude.slice(m.start, m.end)).toBe('years later');
    const text = 'Some document text';
    const n = matchQuote(text, 'text', { suffix: 'missing' })!;
    expect(text.slice(n.start, n.end)).toBe('text');
  });

  it('textMatchScore is 1 for equal strings, lower with each edit, 0 for empty input', () => {
    expect(textMatchScore('深化河湖长制工作', '深化河湖长制工作')).toBe(1);
    expect(textMatchScore('深化河湖长制工作', '深化湖长制工作')).toBeLessThan(1);
    expect(textMatchScore('深化河湖长制工作', '深化湖长制工作')).toBeGreaterThan(textMatchScore('深化河湖长制工作', '加强湖长制'));
    expect(textMatchScore('', 'x')).toBe(0);
  });
});

describe('findExactQuotes (Apache Annotator text-quote match cases)', () => {
  const lorem = 'lorem ipsum dolor amet yada yada';
  const cases: { name: string; text?: string; exact: string; prefix?: string; suffix?: string; expected: [number, number][] }[] = [
    { name: 'simple', exact: 'dolor am', expected: [[12, 20]] },
    { name: 'first characters', exact: 'lorem ipsum', expected: [[0, 11]] },
    { name: 'last characters', exact: 'yada yada', expected: [[23, 32]] },
    // 'across elements' / 'exact element contents': <b>lorem <i>ipsum</i> dolor <u>amet</u>…</b> is the same text.
    { name: 'across elements', exact: 'dolor am', expected: [[12, 20]] },
    { name: 'exact element contents', exact: 'ipsum dolor', expected: [[6, 17]] },
    { name: 'text inside <head>', text: 'The title' + lorem, exact: 'title', expected: [[4, 9]] },
    {
      name: 'two matches',
      exact: 'yada',
      expected: [
        [23, 27],
        [28, 32],
      ],
    },
    {
      name: 'overlapping matches',
      text: 'bananas',
      exact: 'ana',
      expected: [
        [1, 4],
        [3, 6],
      ],
    },
    { name: 'no matches', exact: 'holy grail', expected: [] },
    { name: 'with prefix', exact: 'yada', prefix: 't ', expected: [[23, 27]] },
    { name: 'with suffix', exact: 'o', suffix: 'l', expected: [[13, 14]] },
    { name: 'with prefix and suffix', exact: 'o', prefix: 'l', suffix: 're', expected: [[1, 2]] },
    {
      name: 'with prefix and suffix, two matches',
      exact: 'o',
      prefix: 'l',
      suffix: 'r',
      expected: [
        [1, 2],
        [15, 16],
      ],
    },
    { name: 'with prefix, no matches', exact: 'dolor', prefix: 'oopsum ', expected: [] },
    { name: 'with suffix, no matches', exact: 'dolor', suffix: ' amot', expected: [] },
    { name: 'with suffix, no matches due to whitespace', exact: 'dolor', suffix: 'a', expected: [] },
    { name: 'with empty prefix and suffix', exact: 'dolor am', prefix: '', suffix: '', expected: [[12, 20]] },
    { name: 'empty quote', text: 'lorem', exact: '', expected: [0, 1, 2, 3, 4, 5].map((i) => [i, i] as [number, number]) },
    { name: 'empty quote, with prefix', exact: '', prefix: 'dolor', expected: [[17, 17]] },
    { name: 'empty quote, with suffix', exact: '', suffix: 'i', expected: [[6, 6]] },
    { name: 'empty quote, with prefix and suffix', exact: '', prefix: 'lorem ', suffix: 'ipsum', expected: [[6, 6]] },
    { name: 'empty quote, no matches', exact: '', prefix: 'X', expected: [] },
  ];
  it.each(cases)('$name', ({ text, exact, prefix, suffix, expected }) => {
    expect(findExactQuotes(text ?? lorem, { exact, prefix, suffix }).map((m) => [m.start, m.end])).toEqual(expected);
  });
});

describe('matchQuote on report text', () => {
  const text = '新建改建农村公路938公里，获评全省首批“四好农村路”示范市。新建改建农村户厕5551户。';
  it('finds a number changed inside the quote as an approximate match', () => {
    const m = matchQuote(text, '新建改建农村公路900公里')!;
    expect(text.slice(m.start, m.end)).toBe('新建改建农村公路938公里');
    expect(m.errors).toBeGreaterThan(0);
  });
  it('puts an approximate match’s edges where its context fits, not where the fewest edits end', () => {
    const revised = '199个省市重点项目完成投资544.53亿元。500千伏赤壁变电站投产送电';
    // Edit distance alone is as happy with "544.53亿" as with "544.53亿元"; the suffix is not.
    const m = matchQuote(revised, '完成投资54453.23%', { prefix: '199个省市重点项目', suffix: '。500千伏赤壁变电站' })!;
    expect(revised.slice(m.start, m.end)).toBe('完成投资544.53亿元');
    const bare = matchQuote(revised, '54453.23%', { prefix: '省市重点项目完成投资', suffix: '。500千伏' })!;
    expect(revised.slice(bare.start, bare.end)).toBe('544.53亿元');
  });
  it('tells two occurrences of 新建改建农村 apart by their suffix', () => {
    const m = matchQuote(text, '新建改建农村', { suffix: '户厕5551户' })!;
    expect(m.start).toBe(text.lastIndexOf('新建改建农村'));
  });
});
