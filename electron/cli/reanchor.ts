/**
 * `reanchor OLD NEW ANNOTATIONS.json [--json]`: carry marks made on OLD (ids/offsets as printed by
 * `parse OLD`) to NEW. In the JSON output `status` is the match kind (exact/fuzzy/orphan) and
 * `anchorStatus` says what happened to the passage (unchanged/moved/edited/orphaned).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CliCommand } from './commands';
import { loadReportFile } from './report-file';
import { ReviewDeskError } from '../core/errors';
import { reanchor, type ReanchorTarget } from '../core/anchor/reanchor';

const usage = 'reanchor <旧版本> <新版本> <批注.json> [--json]   把旧版本上的批注重新定位到新版本';

const AnnotationTargets = z.array(
  z
    .object({
      id: z.string().min(1),
      blockId: z.string().min(1),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      exact: z.string().min(1),
      prefix: z.string().default(''),
      suffix: z.string().default(''),
    })
    .refine((t) => t.end > t.start, { message: 'end 必须大于 start' }),
);

/** Read and check the annotations file; every problem is reported in Chinese with its position. */
export function readAnnotationTargets(path: string | undefined, oldBlockIds: ReadonlySet<string>): ReanchorTarget[] {
  if (!path) throw new ReviewDeskError('cli/usage', `缺少批注文件。用法：${usage}`);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ReviewDeskError('cli/file-not-found', `找不到或无法读取文件：${path}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new ReviewDeskError('anchor/bad-annotations', `批注文件不是有效的 JSON：${path}`);
  }
  const parsed = AnnotationTargets.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const n = Number(issue.path[0]) + 1;
    const where = issue.path.length > 1 ? `第 ${n} 条批注的 ${issue.path.slice(1).join('.')} 字段` : issue.path.length === 1 ? `第 ${n} 条批注` : '批注文件';
    throw new ReviewDeskError(
      'anchor/bad-annotations',
      `批注文件格式不对（${where}：${issue.message}）。应为 [{"id","blockId","start","end","exact","prefix","suffix"}]`,
    );
  }
  const ids = new Set<string>();
  for (const t of parsed.data) {
    if (ids.has(t.id)) throw new ReviewDeskError('anchor/bad-annotations', `批注编号重复：${t.id}`);
    ids.add(t.id);
  }
  const unknown = parsed.data.filter((t) => !oldBlockIds.has(t.blockId)).map((t) => t.id);
  if (unknown.length) {
    throw new ReviewDeskError(
      'anchor/unknown-block',
      `有 ${unknown.length} 条批注指向旧版本中不存在的段落（${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? '等' : ''}），请确认旧版本文件与批注对应`,
    );
  }
  return parsed.data;
}

const STATUS_TEXT = { unchanged: '未变', moved: '位置变化', edited: '文字有改动', orphaned: '未找到' } as const;

export const reanchorCommand: CliCommand = {
  usage,
  async run(args, { json }) {
    const oldReport = await loadReportFile(args[0], usage);
    const newReport = await loadReportFile(args[1], usage);
    const targets = readAnnotationTargets(args[2], new Set(oldReport.blocks.map((b) => b.id)));
    const results = reanchor(targets, oldReport.blocks, newReport.blocks);
    if (json) {
      return {
        results: results.map((r) => ({
          id: r.id,
          status: r.match,
          anchorStatus: r.status,
          blockId: r.blockId,
          start: r.start,
          end: r.end,
          score: r.score,
          exact: r.exact,
        })),
      };
    }
    const path = new Map(newReport.blocks.map((b) => [b.id, b.path]));
    return results
      .map((r) => `${r.id}  ${STATUS_TEXT[r.status]}  ${r.blockId ? `${path.get(r.blockId) ?? r.blockId} ${r.start}–${r.end}  “${r.exact}”` : ''}`.trimEnd())
      .join('\n');
  },
};
