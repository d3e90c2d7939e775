/**
 * Chinese numerals as used in report headings: 一、 （十二） 第二十一部分.
 * Only the range headings use (1–99); anything else is not a heading number.
 */

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 一 → 1, 十二 → 12, 二十 → 20, 二十一 → 21; null when the string is not such a numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in DIGITS && DIGITS[s] > 0 ? DIGITS[s] : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const tensPart = s.slice(0, ten);
  const onesPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 && DIGITS[tensPart] > 0 ? DIGITS[tensPart] : NaN;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 && DIGITS[onesPart] > 0 ? DIGITS[onesPart] : NaN;
  const n = tens * 10 + ones;
  return Number.isFinite(n) ? n : null;
}

/** 1 → 一, 12 → 十二, 20 → 二十, 21 → 二十一 (1–99). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return NAMES[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : NAMES[tens]) + '十' + (ones ? NAMES[ones] : '');
}
