/**
 * Lead sentences (段首语): the opening sentence that works as a paragraph's heading, e.g.
 * 着力扩大有效投资。…  People cite paragraphs by it. Bold in the source is the strongest hint;
 * without it we accept a short opening sentence that reads like a heading: no figures, no
 * clause commas (an item may have one: 一是…，…。).
 */
import { DASH_ITEM, ENUM_ITEM, NUMBERED_ITEM } from './patterns';
import { offsetAfterVisible, type SourceLine } from './source';

const LEAD_FINAL = /[。！？!?；;]/;
/**
 * A lead names a task or a result (着力扩大有效投资。经济总体回升向好。); a sentence with a subject,
 * a time or a connective in front (我们要坚持…。今年是…。同时…。) is body text even when short.
 */
const NOT_A_LEAD_START =
  /^(?:我[们們]|我[市省区县州国們]|咱[们們]|大家|今年|明年|去年|当前|目前|现在|过去|未来|今后|同时|此外|另外|但是?|然而|而且|因此|所以|为此|对此|总之|总的|这|那|其中|首先|其次|最后|回顾|展望|只有|唯有|惟有|如果|虽然|尽管|事实|实践证明|历史)/;
const CLOSERS = /[”’」』）)》]/;
const MAX_LEAD = 25;
const MAX_ITEM_LEAD = 32;
/**
 * A bold span longer than this is emphasis, not a lead (leads run to ~35 characters). The bound
 * also keeps a crafted bold paragraph of punctuation from reaching citation paths, whose
 * quote-trimming regex backtracks over every run of punctuation it is given.
 */
const MAX_BOLD_LEAD = 120;

/** Extend an offset over the punctuation (and closing quotes) that ends the sentence there. */
function extendOverPunctuation(text: string, at: number): number {
  let i = at;
  while (i < text.length && /[。！？；：!?;:]/.test(text[i])) i++;
  while (i < text.length && CLOSERS.test(text[i])) i++;
  return i;
}

/** Where a bold span at the start of the line ends, if it ends a sentence with text after it. */
export function boldLeadEnd(line: SourceLine, text: string): number {
  if (line.boldEnd === undefined || line.boldStart === undefined) return 0;
  const start = offsetAfterVisible(text, line.boldStart);
  // Only a bold span right at the start (after at most an item marker) is a lead.
  const prefix = text.slice(0, start);
  if (prefix && !DASH_ITEM.test(prefix) && !ENUM_ITEM.test(prefix) && !NUMBERED_ITEM.test(prefix)) return 0;
  let end = offsetAfterVisible(text, line.boldEnd);
  end = extendOverPunctuation(text, end);
  let last = end - 1;
  while (last > 0 && CLOSERS.test(text[last])) last--;
  if (!LEAD_FINAL.test(text[last] ?? '') && text[last] !== '：' && text[last] !== ':') return 0;
  if (!text.slice(end).trim()) return 0;
  return end - start >= 3 && end - start <= MAX_BOLD_LEAD ? end : 0;
}

/** A short opening sentence that reads like a heading. firstEnd is the first sentence's end. */
export function heuristicLeadEnd(text: string, firstEnd: number, isItem: boolean): number {
  if (firstEnd >= text.length || !text.slice(firstEnd).trim()) return 0;
  let last = firstEnd - 1;
  while (last > 0 && CLOSERS.test(text[last])) last--;
  if (!/[。！!]/.test(text[last])) return 0;
  let core = text.slice(0, last);
  if (isItem) core = core.replace(DASH_ITEM, '').replace(NUMBERED_ITEM, '');
  const len = core.length;
  if (len < 4 || len > (isItem ? MAX_ITEM_LEAD : MAX_LEAD)) return 0;
  if (/[0-9０-９%％]/.test(core)) return 0;
  if (/[：:；;]/.test(core)) return 0;
  if (NOT_A_LEAD_START.test(core.replace(ENUM_ITEM, ''))) return 0;
  const commas = (core.match(/[，,]/g) ?? []).length;
  if (commas > (isItem ? 1 : 0)) return 0;
  return firstEnd;
}
