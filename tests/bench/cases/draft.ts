import { amendmentTableCsv } from '../../../electron/core/draft/export/csv';
import { amendmentTableDocx } from '../../../electron/core/draft/export/docx';
import type { AmendmentTableInput, AmendmentTableRow } from '../../../electron/core/draft/export/types';
import type { BenchCase } from '../types';

function table(n: number): AmendmentTableInput {
  const ops: AmendmentTableRow['op'][] = ['modify', 'add', 'delete'];
  const rows: AmendmentTableRow[] = Array.from({ length: n }, (_, i) => ({
    path: `第二部分（${(i % 7) + 1}）“着力扩大有效投资”段`,
    op: ops[i % 3],
    original: '持续开展“项目攻坚年”活动，确保咸九高速建成投用，长江综合门户港、国际陆港开工',
    proposed: '深入开展“项目攻坚年”活动，确保咸九高速上半年建成投用',
    reason: '明确时间节点，便于督办落实。'.repeat(3),
    author: `代表${i + 1}`,
    affiliation: '咸安代表团',
  }));
  return { reportTitle: '2024年咸宁市政府工作报告', versionLabel: '征求意见稿', rows };
}

export const cases: BenchCase[] = [
  {
    name: 'export 修改意见汇总表 with 200 rows to docx',
    target: '< 500 ms',
    setup: () => table(200),
    fn: (t: AmendmentTableInput) => amendmentTableDocx(t),
    iterations: 10,
  },
  {
    name: 'export 修改意见汇总表 with 200 rows to csv',
    setup: () => table(200),
    fn: (t: AmendmentTableInput) => amendmentTableCsv(t),
  },
];
