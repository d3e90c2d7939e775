/** `check FILE [--json]`: proofreading hints (审校提示) for a report file. */
import type { CliCommand } from './commands';
import { loadReportFile } from './report-file';
import { checkReport, SEVERITY_LABELS } from '../core/review/index';
import { SEVERITIES } from '../core/common/vocabulary';

const usage = 'check <报告文件> [--json]   审校提示（重复字词、繁体字、成对标点、序号、数据、标点、数字、外文）';

export const checkCommand: CliCommand = {
  usage,
  async run(args, { json }) {
    const report = await loadReportFile(args[0], usage);
    const findings = checkReport(report.blocks);
    if (json) return { findings };
    const paths = new Map(report.blocks.map((b) => [b.id, b.path]));
    const counts = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${findings.filter((f) => f.severity === s).length}`);
    return [
      `共 ${findings.length} 条审校提示（${counts.join('，')}）`,
      ...findings.map(
        (f) =>
          `[${SEVERITY_LABELS[f.severity]}] ${paths.get(f.blockId) ?? f.blockId}「${f.excerpt}」${f.message}${f.suggestion ? `（建议：${f.suggestion}）` : ''}`,
      ),
    ].join('\n');
  },
};
