/**
 * Turns the browser's text selection inside the reader into mark targets: a position and the
 * quote the user sees, per block covered. The context selectors (prefix/suffix) are the back
 * end's to take from the text (resolveTargetsWith); the reader never needs them.
 */
import type { Block, TargetPosition } from '../../../electron/api/contract';

export function makeTarget(block: Block, start: number, end: number): TargetPosition {
  return { blockId: block.id, start, end, exact: block.text.slice(start, end) };
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

export function targetsFromRange(range: Range, blocks: Block[], ordById: Map<string, number>): TargetPosition[] {
  const startEl = textElementOf(range.startContainer);
  const endEl = textElementOf(range.endContainer);
  if (!startEl || !endEl) return [];
  const a = ordById.get(startEl.dataset.blockText ?? '');
  const b = ordById.get(endEl.dataset.blockText ?? '');
  if (a === undefined || b === undefined) return [];
  const startOff = offsetIn(startEl, range.startContainer, range.startOffset);
  const endOff = offsetIn(endEl, range.endContainer, range.endOffset);
  const targets: TargetPosition[] = [];
  for (let ord = a; ord <= b; ord++) {
    const block = blocks[ord];
    const [s, e] = trim(block, ord === a ? startOff : 0, ord === b ? endOff : block.text.length);
    if (e > s) targets.push(makeTarget(block, s, e));
  }
  return targets;
}

/** DOM range for [start, end) of a block's text element (for keyboard selection). */
export function rangeFromOffsets(textEl: Element, start: number, end: number): Range | null {
  const range = document.createRange();
  const walker = document.createTreeWalker(textEl, NodeFilter.SHOW_TEXT);
  let pos = 0;
  let startSet = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (!startSet && start <= pos + len) {
      range.setStart(n, start - pos);
      startSet = true;
    }
    if (startSet && end <= pos + len) {
      range.setEnd(n, end - pos);
      return range;
    }
    pos += len;
  }
  return null;
}

/**
 * Keyboard selection inside a focused paragraph: Enter selects the sentence at the caret
 * position (the first one at first), Shift+←/→ moves the end by a character, Ctrl+Shift+←/→ by
 * a sentence. Returns the new [start, end), or null when the key is not ours.
 */
export function keyboardSelection(
  block: Block,
  current: { start: number; end: number } | null,
  key: string,
  shift: boolean,
  ctrl: boolean,
): { start: number; end: number } | null {
  const ends = block.sentenceEnds.length ? block.sentenceEnds : [block.text.length];
  const sentenceAt = (offset: number) => {
    const i = ends.findIndex((e) => e > offset);
    const end = ends[i === -1 ? ends.length - 1 : i];
    const start = i > 0 ? ends[i - 1] : 0;
    return { start, end };
  };
  if (key === 'Enter' && !shift) return current ? sentenceAt(current.end) : sentenceAt(0);
  if (!current || !shift) return null;
  if (key === 'ArrowRight') {
    const end = ctrl ? (ends.find((e) => e > current.end) ?? block.text.length) : Math.min(block.text.length, current.end + 1);
    return { start: current.start, end };
  }
  if (key === 'ArrowLeft') {
    const end = ctrl
      ? ([...ends].reverse().find((e) => e < current.end && e > current.start) ?? current.start + 1)
      : Math.max(current.start + 1, current.end - 1);
    return { start: current.start, end };
  }
  return null;
}
