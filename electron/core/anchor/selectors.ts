/**
 * Building W3C TextPosition + TextQuote selectors for a selection, one target per block, and
 * describing a quote for lists and exported forms.
 */
import { ReviewDeskError } from '../errors';
import type { Block } from '../report/types';
import type { TextTarget } from './types';

/** Context kept either side of a quote: Hypothesis and the W3C examples use 32 characters. */
export const CONTEXT_LENGTH = 32;

type BlockText = Pick<Block, 'id' | 'text'>;

/** Keep surrogate pairs whole: never start or end a context slice inside one. */
function safeStart(text: string, i: number): number {
  if (i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) return i + 1;
  return i;
}
function safeEnd(text: string, i: number): number {
  if (i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) return i - 1;
  return i;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Selectors for [start, end) of one block. Prefix/suffix come from the same block only: block
 * boundaries move between versions, so context across them would mislead re-anchoring.
 */
export function makeTarget(block: BlockText, start: number, end: number, contextLength = CONTEXT_LENGTH): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > block.text.length || start >= end) {
    throw new ReviewDeskError('anchor.bad-range', `选区超出段落范围（${start}–${end}，段落长 ${block.text.length} 字）`);
  }
  const text = block.text;
  return {
    blockId: block.id,
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(safeStart(text, Math.max(0, start - contextLength)), start),
    suffix: text.slice(end, safeEnd(text, Math.min(text.length, end + contextLength))),
  };
}

/** One end of a selection in the reader: a block and an offset in its text. */
export interface SelectionPoint {
  blockId: string;
  offset: number;
}

/**
 * Split a selection that may span several blocks into one target per block it covers
 * (blocks in reading order). Blocks covered by nothing but the boundary are skipped.
 */
export function targetsForSelection(blocks: readonly BlockText[], from: SelectionPoint, to: SelectionPoint): TextTarget[] {
  let a = blocks.findIndex((b) => b.id === from.blockId);
  let b = blocks.findIndex((x) => x.id === to.blockId);
  if (a < 0 || b < 0) throw new ReviewDeskError('anchor.block-not-found', '选区所在段落不在当前版本中');
  let start = from.offset;
  let end = to.offset;
  if (a > b || (a === b && start > end)) {
    [a, b] = [b, a];
    [start, end] = [end, start];
  }
  const targets: TextTarget[] = [];
  for (let i = a; i <= b; i++) {
    const block = blocks[i];
    const s = i === a ? start : 0;
    const e = i === b ? end : block.text.length;
    if (e > s) targets.push(makeTarget(block, s, e));
  }
  if (targets.length === 0) throw new ReviewDeskError('anchor.empty-selection', '选区为空，请先选中要标注的文字');
  return targets;
}

/**
 * The quote as people cite it: “……” with the middle elided when long, e.g.
 * “深入学习贯彻党的二十大精神……扎实开展第二批主题教育”.
 */
export function describeQuote(target: Pick<TextTarget, 'exact'>, maxChars = 40): string {
  const text = target.exact.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text); // count characters, not UTF-16 units
  if (chars.length <= maxChars) return `“${text}”`;
  const head = Math.ceil((maxChars - 2) / 2);
  const tail = maxChars - 2 - head;
  return `“${chars.slice(0, head).join('')}……${chars.slice(chars.length - tail).join('')}”`;
}

/** The quote with its context, the marked part in 【】, for tooltips and conflict reports. */
export function describeInContext(target: Pick<TextTarget, 'exact' | 'prefix' | 'suffix'>, contextChars = 12): string {
  const pre = Array.from(target.prefix);
  const suf = Array.from(target.suffix);
  const before = pre.slice(Math.max(0, pre.length - contextChars)).join('');
  const after = suf.slice(0, contextChars).join('');
  return `${pre.length > contextChars ? '…' : ''}${before}【${target.exact}】${after}${suf.length > contextChars ? '…' : ''}`;
}
