/** Markdown copies: # headings and **bold** hints, markup stripped from the text. */
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importReportBytes, parseReportText } from '../../../electron/core/report/index';

const MD = `# 政府工作报告

> ——2025年1月10日在某某市第六届人民代表大会第五次会议上

各位代表：

## 一、2024年工作回顾

**着力扩大有效投资，推动项目落地**。全年新开工项目*300*个。

- 这是一个列表项，写在正文里。

---

各位代表！让我们团结奋斗！
`;

describe('markdown import', () => {
  it('strips markup, keeps headings and uses bold as a lead hint', () => {
    const report = importReportBytes(strToU8(MD), '报告.md');
    expect(report.sourceFormat).toBe('md');
    expect(report.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['title', '政府工作报告'],
      ['meta', '——2025年1月10日在某某市第六届人民代表大会第五次会议上'],
      ['salutation', '各位代表：'],
      ['part', '一、2024年工作回顾'],
      ['paragraph', '着力扩大有效投资，推动项目落地。全年新开工项目300个。'],
      ['paragraph', '这是一个列表项，写在正文里。'],
      ['closing', '各位代表！让我们团结奋斗！'],
    ]);
    expect(report.blocks[4].path).toBe('第一部分“着力扩大有效投资，推动项目落地”段');
    expect(report).toMatchObject({ region: '某某市', year: 2025 });
  });

  it('parseReportText with format md gives the same result', () => {
    expect(parseReportText(MD, { format: 'md' }).blocks.map((b) => b.id)).toEqual(importReportBytes(strToU8(MD), 'x.md').blocks.map((b) => b.id));
  });
});
