/**
 * Turns the browser's text selection inside the reader into annotation targets: one
 * W3C-style selector pair (position + quote with ~32 characters of context) per block covered.
 */
import type { AnnotationTarget, Block } from '../../../electron/api/contract';

export const CONTEXT_CHARS = 32;

export function makeTarget(block: Block, start: number, end: number): AnnotationTarget {
  return {
    blockId: block.id,
    start,
    end,
    exact: block.text.slice(start, end),
    prefix: block.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: block.text.slice(end, end + CONTEXT_CHARS),
  };
}

/** Offset of a DOM boundary point within the text element of its block. */
function offsetIn(textEl: Element, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(textEl, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

function textElementOf(node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : node?.parentElement;
  return (el?.closest('[data-block-text]') as HTMLElement | null) ?? null;
}

/** Trims whitespace at both ends of a range in one block, so a sloppy drag gives a clean quote. */
function trim(block: Block, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(block.text[start])) start++;
  while (end > start && /\s/.test(block.text[end - 1])) end--;
  return [start, end];
}

export function targetsFromRange(range: Range, blocks: Block[], ordById: Map<string, number>): AnnotationTarget[] {
  const startEl = textElementOf(range.startContainer);
  const endEl = textElementOf(range.endContainer);
  if (!startEl || !endEl) return [];
  const a = ordById.get(startEl.dataset.blockText ?? '');
  const b = ordById.get(endEl.dataset.blockText ?? '');
  if (a === undefined || b === undefined) return [];
  const startOff = offsetIn(startEl, range.startContainer, range.startOffset);
  const endOff = offsetIn(endEl, range.endContainer, range.endOffset);
  const targets: AnnotationTarget[] = [];
  for (let ord = a; ord <= b; ord++) {
    const block = blocks[ord];
    const [s, e] = trim(block, ord === a ? startOff : 0, ord === b ? endOff : block.text.length);
    if (e > s) targets.push(makeTarget(block, s, e));
  }
  return targets;
}
