/** `indicators FILE [--json]`: main indicators (targets and results) and the commitment ledger of a report file. */
import type { CliCommand } from './commands';
import { loadReportFile } from './report-file';
import { extractIndicators, pairIndicators, type Indicator } from '../core/review/index';
import { extractLedger } from '../core/ledger/index';

const usage = 'indicators <报告文件> [--json]   主要指标：预期目标与上年完成情况；承诺台账：全部量化表述';

/** 增长7%左右, 控制在3%以内, 超过126万亿元 — as a report would say it. */
function show(x: Indicator | undefined): string {
  if (!x) return '—';
  const pre = x.qualifier === '超过' || x.qualifier === '约' ? x.qualifier : '';
  const post = pre ? '' : (x.qualifier ?? '');
  return `${x.direction ?? ''}${pre}${x.value}${x.unit}${post}`;
}

export const indicatorsCommand: CliCommand = {
  usage,
  async run(args, { json }) {
    const report = await loadReportFile(args[0], usage);
    const indicators = extractIndicators(report.blocks);
    const pairs = pairIndicators(indicators);
    const ledger = extractLedger(report.blocks);
    if (json) return { indicators, pairs, ledger };
    const targets = ledger.filter((x) => x.kind !== 'result').length;
    return [
      `共 ${indicators.length} 项指标表述`,
      ...pairs.map((p) => `${p.metric}：上年 ${show(p.result)} → 目标 ${show(p.target)}`),
      `承诺台账：共 ${ledger.length} 项量化表述（目标 ${targets} 项，上年完成 ${ledger.length - targets} 项）`,
    ].join('\n');
  },
};
