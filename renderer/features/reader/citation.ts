import type { TargetPosition, ReaderBlock } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';

/**
 * 《咸宁市2024年政府工作报告》第二部分“2024年工作安排”中“着力扩大有效投资。”一段：“…” — cited by
 * the first paragraph covered, worded as amendment lists cite it (FORMATS.md), never by paragraph
 * number. `title` is the report's full name (reports.get's citationTitle).
 */
export function citationFor(title: string, targets: TargetPosition[], blocksById: Map<string, Pick<ReaderBlock, 'position' | 'path'>>): string {
  const first = targets[0];
  const b = first ? blocksById.get(first.blockId) : undefined;
  const path = b ? b.position || b.path : '';
  const quote = targets.map((x) => x.exact).join('');
  return t.citation(title, path, quote);
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API needs focus/permission; the old way still works in both Electron and Chromium.
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}
