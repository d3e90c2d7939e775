/** `parse FILE [--json]`: import a report file and show its blocks, outline, repairs and removed artifacts. */
import type { CliCommand } from './commands';
import { summarizeOutline } from '../core/report/index';
import { loadReportFile } from './report-file';

const usage = 'parse <报告文件> [--json]   导入报告（.txt/.md/.docx/.html/.pdf），输出段落、层次、修复记录';

export const parseCommand: CliCommand = {
  usage,
  async run(args, { json }) {
    const report = await loadReportFile(args[0], usage);
    if (json) {
      return {
        title: report.title,
        date: report.date,
        speaker: report.speaker,
        region: report.region,
        year: report.year,
        sourceEncoding: report.sourceEncoding,
        sourceFormat: report.sourceFormat,
        blocks: report.blocks,
        artifacts: report.artifacts,
        repairs: report.repairs,
      };
    }
    const outline = summarizeOutline(report);
    return [
      `${report.title ?? '（无标题）'}\u3000${[report.region, report.year, report.date, report.speaker].filter(Boolean).join('\u3000')}`,
      `共 ${report.blocks.length} 段：${outline.parts} 个部分，${outline.sections} 个小标题，${outline.leads} 个段首语`,
      ...report.repairs.map((r) => `修复：${r.message}`),
      '',
      ...report.blocks.map((b) => `${b.id}  ${b.path}  ${b.text.length > 40 ? b.text.slice(0, 40) + '…' : b.text}`),
    ].join('\n');
  },
};
