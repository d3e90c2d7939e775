/**
 * Layout artifacts: text that the page put there, not the author. Newspaper continuation markers,
 * page numbers, browser print headers/footers. Each rule is anchored on the whole line (or the
 * line's edge for continuation markers) so that report sentences are never matched.
 */
import type { Artifact } from './types';

const NUM = '[A-Za-z]?[一二三四五六七八九十百零〇\\d]{1,4}';
/** (上接第一版) （下转第二版） （转第4版） 【接A2版】 */
const CONTINUATION = new RegExp(`[（(【\\[〔]\\s*(?:上接|下转|接上|转下|紧接|续|转|接)\\s*(?:第\\s*)?${NUM}\\s*[版页面](?:[^）)】\\]〕]{0,12})?[）)】\\]〕]`);
const CONTINUATION_LINE = new RegExp(`^${CONTINUATION.source}$`);
const CONTINUATION_HEAD = new RegExp(`^${CONTINUATION.source}\\s*`);
const CONTINUATION_TAIL = new RegExp(`\\s*${CONTINUATION.source}$`);

const PAGE_NUMBER = [
  /^[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*$/, // 3 / - 3 - / —3—
  /^[-—–－]\s*[一二三四五六七八九十百]{1,4}\s*[-—–－]$/, // —三—
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页 / 第3页 共12页
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 1/12
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];

/** Browser print header: 2024/3/5 15:21 政府工作报告_中国政府网 */
const PRINT_HEADER =
  /^\d{2,4}[/\-.年]\d{1,2}[/\-.月]\d{1,2}日?\s*(?:(?:上午|下午|AM|PM)\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s*(?:AM|PM))?(?:\s+[^。！？]{0,80})?$/i;
/** Browser print footer: a URL, optionally with a 1/12 page counter. */
const PRINT_FOOTER = /^(?:\d{1,4}\s*[/／]\s*\d{1,4}\s+)?(?:(?:https?|file):\/\/|www\.|about:blank)\S*(?:\s+\d{1,4}\s*[/／]\s*\d{1,4})?$/i;
/** Newspaper page header: 咸宁日报 2024年1月15日 星期一 第3版 (short, names a page). */
const PAPER_HEADER = /(?:第\s*[\d一二三四五六七八九十]{1,3}\s*版|[A-Z]\d{1,2}\s*版|星期[一二三四五六日天])/;
const PAPER_NAME = /(?:日报|晚报|时报|报社|新闻|[12]\d{3}\s*年|星期)/;

const OPENERS = new Set(['（', '(', '【', '[', '〔']);
const CLOSERS = new Set(['）', ')', '】', ']', '〕']);

export type LineArtifact = { kind: Artifact['kind']; text: string };

/** What kind of artifact a whole (normalised) line is, or null when it is content. */
export function classifyArtifactLine(text: string): Artifact['kind'] | null {
  if (!text) return null;
  if (text.length <= 40 && CONTINUATION_LINE.test(text)) return 'continuation-marker';
  if (text.length <= 24 && PAGE_NUMBER.some((re) => re.test(text))) return 'page-number';
  if (text.length <= 120 && PRINT_FOOTER.test(text)) return 'print-footer';
  if (text.length <= 120 && PRINT_HEADER.test(text)) return 'print-header';
  if (text.length <= 40 && !/[。！？，]/.test(text) && PAPER_HEADER.test(text) && PAPER_NAME.test(text)) return 'print-header';
  return null;
}

/**
 * A continuation marker glued to content at a line's start or end: `(上接第一版)（三）综合施策…`.
 * Returns the content without it and the removed marker(s).
 */
export function stripEdgeMarkers(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  let out = text;
  // Cheap guards first: most lines neither start nor end with a bracket.
  if (!OPENERS.has(text[0]) && !CLOSERS.has(text[text.length - 1])) return { text, removed };
  const head = OPENERS.has(out[0]) ? CONTINUATION_HEAD.exec(out) : null;
  if (head && head[0].length < out.length) {
    removed.push(head[0].trim());
    out = out.slice(head[0].length);
  }
  const tail = CLOSERS.has(out[out.length - 1]) ? CONTINUATION_TAIL.exec(out) : null;
  if (tail && tail.index > 0) {
    removed.push(tail[0].trim());
    out = out.slice(0, tail.index);
  }
  return { text: out, removed };
}
