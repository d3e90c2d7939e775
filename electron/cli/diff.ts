/** `diff OLD NEW [--json]`: paragraph alignment and character changes between two versions of a report. */
import type { CliCommand } from './commands';
import { loadReportFile } from './report-file';
import { ReviewDeskError } from '../core/errors';
import { diffVersions, type DiffOp } from '../core/anchor/diff';

const usage = 'diff <旧版本> <新版本> [--json]   比较两个版本：段落对应关系与逐字修改';

const KIND_TEXT: Record<string, string> = {
  same: '未变',
  format: '仅格式',
  edited: '修改',
  moved: '移动',
  split: '拆分',
  joined: '合并',
  deleted: '删除',
  inserted: '新增',
};

/** Ops as one line: [-删去-] {+增加+}, formatting changes left out. */
function inline(ops: DiffOp[]): string {
  return ops.map((o) => (o.op === 'delete' ? `[-${o.text}-]` : o.op === 'insert' ? `{+${o.text}+}` : o.text)).join('');
}

export const diffCommand: CliCommand = {
  usage,
  async run(args, { json }) {
    if (args.length < 2) throw new ReviewDeskError('cli/usage', `需要两个报告文件。用法：${usage}`);
    const oldReport = await loadReportFile(args[0], usage);
    const newReport = await loadReportFile(args[1], usage);
    const diff = diffVersions(oldReport.blocks, newReport.blocks);
    if (json) return diff;
    const k = diff.stats.kinds;
    const lines = [
      `段落：未变 ${k.same}，仅格式 ${k.format}，修改 ${k.edited}，移动 ${k.moved}，拆分 ${k.split}，合并 ${k.joined}，删除 ${k.deleted}，新增 ${k.inserted}`,
      `文字：增加 ${diff.stats.insertedChars} 字，删去 ${diff.stats.deletedChars} 字，格式改动 ${diff.stats.formatRuns} 处`,
    ];
    for (const c of diff.changes) {
      if (c.formatOnly && !c.moved) continue;
      lines.push('', `【${KIND_TEXT[c.kind]}】${c.oldIds.join('+') || '—'} → ${c.newIds.join('+') || '—'}`, inline(c.ops));
    }
    return lines.join('\n');
  },
};
