/**
 * The passages a draft is linked to, quoted in its 背景 (a proposal's 情况分析, a suggestion's
 * 内容): a deputy starts from a passage of the report, and the office reading the form should
 * see which words prompted it. One sentence per passage, in a shape the app recognises again,
 * so linking a passage twice does not quote it twice and a draft holding only the quotes still
 * counts as empty (nothing of the user's own to lose).
 */
import { nestQuotes } from './text';

export interface Passage {
  quote: string;
  /** citation path, e.g. 第二部分“……”中“……”一段 */
  path?: string;
}

const OPENING = '政府工作报告';
const SAYS = '提出：“';
const CLOSING = '”。';
/** Long paragraphs are quoted up to the sentence that passes this many characters. */
const QUOTE_CHARS = 120;

/** The quote cut at a sentence end once it is long enough; the cut is marked with …… as Chinese prose marks it. */
export function excerpt(text: string, max = QUOTE_CHARS): string {
  const t = text.trim();
  if ([...t].length <= max) return t;
  let end = 0;
  for (const m of t.matchAll(/[。！？；]/gu)) {
    end = m.index + 1;
    if ([...t.slice(0, end)].length >= max / 2) break;
  }
  const cut = end > 0 && [...t.slice(0, end)].length <= max * 1.5 ? t.slice(0, end) : [...t].slice(0, max).join('');
  return `${cut}……`;
}

/** 政府工作报告在第二部分“……”一段提出：“……”。 */
export function passageSentence(p: Passage): string {
  const path = p.path?.trim();
  return `${OPENING}${path ? `在${path}` : ''}${SAYS}${nestQuotes(excerpt(p.quote))}${CLOSING}`;
}

function isPassageLine(line: string): boolean {
  const l = line.trim();
  return l.startsWith(OPENING) && l.includes(SAYS) && l.endsWith(CLOSING);
}

/** The text without the quoted-passage lines the app put there: what the user wrote. */
export function ownWords(text: string): string {
  return text
    .split('\n')
    .filter((l) => !isPassageLine(l))
    .join('\n')
    .trim();
}

/**
 * The text with a sentence for each passage not quoted yet, put after the passages already
 * quoted (at the top), so the user's own words keep following the quotes.
 */
export function withPassagesQuoted(text: string, passages: readonly Passage[]): string {
  const lines = text.split('\n');
  const fresh = passages.map(passageSentence).filter((s) => !lines.some((l) => l.trim() === s));
  if (fresh.length === 0) return text;
  let at = 0;
  while (at < lines.length && isPassageLine(lines[at])) at++;
  const own = lines.slice(at);
  const body = own.join('\n');
  return [...lines.slice(0, at), ...fresh, ...(body.trim() ? own : [''])].join('\n');
}
