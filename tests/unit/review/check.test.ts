import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../../electron/core/report/index';
import type { Block } from '../../../electron/core/report/types';
import { checkReport, RULE_LIST } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, blocksOf } from './corpus';

describe('checkReport', () => {
  it('lists every rule with a Chinese name and description for the filters', () => {
    expect(RULE_LIST.map((r) => r.id)).toEqual([
      'repeated-words',
      'traditional-chars',
      'paired-marks',
      'numbering',
      'implausible-numbers',
      'punctuation',
      'numerals',
      'latin-words',
    ]);
    for (const r of RULE_LIST) {
      expect(r.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('returns findings in document order with the excerpt at [start, end)', () => {
    const blocks = blocksOf('加快发展，，推动把握把握转型。', '长江综合门戶港开工。');
    const found = checkReport(blocks);
    expect(found.map((f) => f.excerpt)).toEqual(['，，', '把握把握', '戶']);
    for (const f of found) {
      const block = blocks.find((b) => b.id === f.blockId)!;
      expect(block.text.slice(f.start, f.end)).toBe(f.excerpt);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps finding ids when the report is checked again, and after an unrelated edit elsewhere', () => {
    const text = '一、2023年工作回顾\n\n加快发展，推动把握把握转型。\n\n二、2024年工作安排\n\n积极承办承办国家级赛事。';
    const first = checkReport(parseReportText(text).blocks);
    const again = checkReport(parseReportText(text).blocks);
    expect(again.map((f) => f.id)).toEqual(first.map((f) => f.id));
    const edited = checkReport(parseReportText(text.replace('积极承办承办', '积极承办承办省级和')).blocks);
    expect(edited.map((f) => f.id)).toContain(first[0].id);
    expect(new Set(first.map((f) => f.id)).size).toBe(first.length);
  });

  it('filters by rule and by severity', () => {
    const blocks = corpusBlocks('xianning');
    expect(checkReport(blocks, { rules: ['latin-words'] }).every((f) => f.rule === 'latin-words')).toBe(true);
    expect(checkReport(blocks, { minSeverity: 'error' }).every((f) => f.severity === 'error')).toBe(true);
  });

  it('on the bundled report: 把握把握 is an error and half-width punctuation is one summary, not hundreds', () => {
    const found = checkReport(corpusBlocks('xianning'));
    expect(found.find((f) => f.excerpt === '把握把握')?.severity).toBe('error');
    expect(found.filter((f) => f.rule === 'punctuation')).toHaveLength(1);
    expect(found.length).toBeLessThan(20);
  });

  it('keeps error-severity findings to true slips on the corpus', () => {
    const errors = (name: keyof typeof CORPUS) => checkReport(corpusBlocks(name), { minSeverity: 'error' }).map((f) => `${f.rule}:${f.excerpt}`);
    // Each of these was read in context: all are real slips in the source.
    expect(errors('xianning').sort()).toEqual(
      ['implausible-numbers:54453.23%', 'paired-marks:“', 'repeated-words:把握把握', 'repeated-words:承办承办', 'traditional-chars:戶'].sort(),
    );
    expect(errors('stateCouncil')).toEqual([]);
    expect(errors('hubei')).toEqual([]);
    expect(errors('beijing')).toEqual([]);
  });

  it('never throws and always points at its excerpt, whatever the text', () => {
    const alphabet = fc.constantFrom(...'的把握发展，。、；：“”‘’《》（）()【】%％0123456789一二三四是个方面戶后著andGDP ,;:'.split(''));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, maxLength: 60 }), { minLength: 1, maxLength: 6 }), (texts) => {
        const blocks: Block[] = texts.map((text, ord) => ({
          id: `b${ord}`,
          ord,
          kind: 'paragraph',
          text,
          path: `第${ord + 1}段`,
          level: 4,
          part: null,
          section: null,
          headingEnd: 0,
          leadEnd: 0,
          sentenceEnds: [text.length],
        }));
        for (const f of checkReport(blocks)) expect(blocks[Number(f.blockId.slice(1))].text.slice(f.start, f.end)).toBe(f.excerpt);
      }),
      { numRuns: 200 },
    );
  });
});
