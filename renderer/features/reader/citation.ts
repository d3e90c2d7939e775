import type { AnnotationTarget, Block } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';

/** 《政府工作报告》第二部分（一）“着力扩大有效投资”段：“…” — cited by the first paragraph covered. */
export function citationFor(title: string, targets: AnnotationTarget[], blocksById: Map<string, Block>): string {
  const first = targets[0];
  const path = first ? (blocksById.get(first.blockId)?.path ?? '') : '';
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
