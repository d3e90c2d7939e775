/** Block ids survive re-import and edits elsewhere in the report, so marks stay attached. */
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../../electron/core/report/index';
import { STATE_COUNCIL, XIANNING, fixtureText } from './helpers';

describe('stable block ids', () => {
  const text = fixtureText(XIANNING);

  it('gives identical ids to identical text', () => {
    const a = parseReportText(text);
    const b = parseReportText(text);
    expect(b.blocks.map((x) => x.id)).toEqual(a.blocks.map((x) => x.id));
  });

  it('keeps the ids of later paragraphs when a paragraph is inserted early', () => {
    const before = parseReportText(text);
    const edited = text.replace('具体抓了七个方面工作:', '具体抓了七个方面工作:\n\n这是新插入的一段说明文字。');
    const after = parseReportText(edited);
    expect(after.blocks.length).toBe(before.blocks.length + 1);
    const idsByText = new Map(after.blocks.map((b) => [b.text, b.id]));
    for (const b of before.blocks) expect(idsByText.get(b.text)).toBe(b.id);
    const inserted = after.blocks.find((b) => b.text === '这是新插入的一段说明文字。')!;
    expect(before.blocks.some((b) => b.id === inserted.id)).toBe(false);
  });

  it('changes the id of an edited paragraph only', () => {
    const before = parseReportText(text);
    const after = parseReportText(text.replace('着力扩大有效投资。', '着力扩大有效益的投资。'));
    const changed = after.blocks.filter((b, i) => b.id !== before.blocks[i].id);
    expect(changed).toHaveLength(1);
    expect(changed[0].text).toMatch(/^着力扩大有效益的投资。/);
  });

  it('disambiguates identical paragraphs (four 各位代表！ lines)', () => {
    const report = parseReportText(fixtureText(STATE_COUNCIL));
    const addresses = report.blocks.filter((b) => b.text === '各位代表！');
    expect(addresses).toHaveLength(4);
    expect(new Set(addresses.map((b) => b.id)).size).toBe(4);
    expect(new Set(report.blocks.map((b) => b.id)).size).toBe(report.blocks.length);
  });
});
