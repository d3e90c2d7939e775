/** Small text helpers shared by the review rules. */

/** CJK unified ideographs (BMP + extension A) — enough to tell "inside a Chinese sentence". */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Full-width Chinese punctuation (GB/T 15834 marks as typeset in Chinese text). */
export const CHINESE_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】〔〕—…·';

export function isChinesePunct(ch: string | undefined): boolean {
  return !!ch && CHINESE_PUNCT.includes(ch);
}

/** Han character or full-width punctuation: the neighbourhood of a Chinese sentence. */
export function isChineseContext(ch: string | undefined): boolean {
  return isHan(ch) || isChinesePunct(ch);
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; null if not a simple Chinese numeral below 100. */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  if (s.length === 1 && s in DIGIT) return DIGIT[s];
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[2] ? DIGIT[m[2]] : 0);
  return null;
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十 (numbering markers only go this far). */
export function toChineseNumber(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + CN_DIGITS[n % 10];
}
