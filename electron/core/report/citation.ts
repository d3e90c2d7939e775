/**
 * Citation paths: where a passage is, in the words deputies use when they cite the report
 * (第二部分（一）“着力扩大有效投资”段), as in the State Council's own amendment lists. Page numbers
 * differ between drafts and printed editions, so paths never use them.
 */
import { toChineseNumeral } from './numerals';
import { DASH_ITEM, NUMBERED_ITEM } from './patterns';

export function partLabel(part: number): string {
  return `第${toChineseNumeral(part)}部分`;
}

/** Always full-width （一）, whatever the source used. */
export function sectionLabel(section: number): string {
  return `（${toChineseNumeral(section)}）`;
}

/** The structural context of a block: 第二部分（一）, 第二部分, （三） or '' when the report has no outline. */
export function contextLabel(part: number | null, section: number | null): string {
  return (part !== null ? partLabel(part) : '') + (section !== null ? sectionLabel(section) : '');
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/**
 * A lead sentence as quoted in a path: without its item dash or number and final punctuation, half-width
 * punctuation made full-width, inner double quotes made single (quotes inside quotes).
 */
export function quoteLead(lead: string): string {
  return lead
    .replace(DASH_ITEM, '')
    .replace(NUMBERED_ITEM, '')
    .replace(/[。！？；：!?;:]+[”’」』）)》]*$/, (m) => (/[”’」』）)》]$/.test(m) ? m.replace(/^[。！？；：!?;:]+/, '') : ''))
    .replace(/[,;:!?()]/g, (c) => HALF_TO_FULL[c] ?? c)
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .trim();
}

export function leadPath(context: string, lead: string): string {
  return `${context}“${quoteLead(lead)}”段`;
}

export function ordinalPath(context: string, n: number): string {
  return `${context}第${n}段`;
}
