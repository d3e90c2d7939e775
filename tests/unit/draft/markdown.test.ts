import { describe, expect, it } from 'vitest';
import {
  amendmentTableMarkdown,
  digestMarkdown,
  draftToMarkdown,
  escapeMarkdown,
  opinionListMarkdown,
  proposalMarkdown,
  suggestionMarkdown,
} from '../../../electron/core/draft/export/markdown';
import { digestFromAnnotations, opinionItemsFromDrafts } from '../../../electron/core/draft/export/rows';
import { makeDraft } from './helpers';
import { amendmentTable, annotations, PATH, proposal, suggestion } from './exportData';

describe('Markdown exports', () => {
  it('proposal: heading, field table, two sections', () => {
    const md = proposalMarkdown(proposal);
    expect(md).toMatch(/^# 提案\n/);
    expect(md).toContain('| 案由 | 关于加快咸宁城区停车设施建设的提案 |');
    expect(md).toContain('| 联名提案人 | 王强、陈静 |');
    expect(md.indexOf('## 一、情况分析')).toBeLessThan(md.indexOf('## 二、具体建议'));
    expect(md).toContain('一是编制城区停车设施专项规划。\n\n二是利用边角地建设立体停车场。');
  });

  it('suggestion: title as heading and the deputies', () => {
    const md = suggestionMarkdown(suggestion);
    expect(md).toMatch(/^# 关于加快推进咸九高速建设的建议\n/);
    expect(md).toContain('| 领衔代表 | 张明 |');
    expect(md).toContain('## 内容');
  });

  it('amendment table: one row per amendment, pipes escaped, line breaks kept as <br>', () => {
    const md = amendmentTableMarkdown({
      ...amendmentTable,
      rows: [...amendmentTable.rows, { path: PATH, op: 'modify', original: 'A|B', proposed: 'A或B', reason: '', author: '陈静' }],
    });
    const lines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(lines[0]).toBe('| 序号 | 位置 | 原文 | 修改意见 | 理由 | 提出人 |');
    expect(lines).toHaveLength(2 + 4);
    expect(lines[2]).toContain('| 将“确保咸九高速建成投用”修改为“确保咸九高速上半年建成投用” |');
    expect(lines[3]).toContain('理由含逗号, 引号"和<br>换行');
    expect(lines[5]).toContain('| A\\|B |');
  });

  it('opinions and the digest keep passage, quote and attribution', () => {
    const d = makeDraft(
      'opinion',
      { content: '建议细化重大项目清单。', speaker: '', delegation: '咸安代表团', date: '2024-01-20' },
      { targets: [{ blockId: 'b', start: 0, end: 4, exact: '持续开展“项目攻坚年”活动', prefix: '', suffix: '', path: PATH }] },
    );
    const md = opinionListMarkdown({ reportTitle: '政府工作报告', items: opinionItemsFromDrafts([d]) });
    expect(md).toContain('## 一、咸安代表团');
    expect(md).toContain(`### （一）关于${PATH}`);
    expect(md).toContain('> 原文：“持续开展‘项目攻坚年’活动”');
    expect(md).toContain('**张明（2024年1月20日）：**建议细化重大项目清单。');
    expect(draftToMarkdown(d, { reportTitle: '政府工作报告' })).toBe(md);

    const dg = digestMarkdown(digestFromAnnotations({ reportTitle: '政府工作报告', versionLabel: '征求意见稿', annotations }));
    expect(dg).toContain(`## ${PATH}`);
    expect(dg).toContain('- **【重点】**“确保咸九高速建成投用”');
    expect(dg).toContain('  *标签：交通、投资　张明　2024-01-20T09:00:00.000Z*');
  });

  it('escapes text that would otherwise become markup', () => {
    expect(escapeMarkdown('# 标题*强调*')).toBe('\\# 标题\\*强调\\*');
    expect(escapeMarkdown('1. 一是')).toBe('1\\. 一是');
    expect(escapeMarkdown('——加快建设')).toBe('——加快建设');
  });
});
