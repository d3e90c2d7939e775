/**
 * Figures and their units as reports write them: 296.1万亩, 2—3个, 6700多个, 百家, 千亿元.
 * Everything here reads forward from a position by a bounded number of characters, so a caller
 * scanning a sentence once stays linear.
 */

/** Measure words and units, longest first where one is a prefix of another. */
const BASE_UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '万千瓦',
  '千瓦',
  '千米',
  '公里',
  '公顷',
  '公斤',
  '人次',
  '小时',
  '分钟',
  '个工作日',
  '%',
  '％',
  '‰',
  '元',
  '美元',
  '人',
  '名',
  '户',
  '套',
  '间',
  '家',
  '个',
  '项',
  '件',
  '次',
  '场',
  '篇',
  '期',
  '款',
  '单',
  '列',
  '株',
  '棵',
  '条',
  '部',
  '所',
  '座',
  '处',
  '台',
  '辆',
  '头',
  '只',
  '羽',
  '吨',
  '斤',
  '亩',
  '米',
  '张',
  '册',
  '门',
  '批',
  '艘',
  '架',
  '倍',
  '岁',
  '天',
  '标箱',
  '床',
].sort((a, b) => b.length - a.length);

/** 万/亿 written before the unit, kept in `unit` and multiplied into `amount`. */
const MAGNITUDES: [string, number][] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];

export interface UnitMatch {
  unit: string;
  baseUnit: string;
  factor: number;
  length: number;
}

function baseAt(t: string, pos: number): string | null {
  for (const u of BASE_UNITS) if (t.startsWith(u, pos)) return u;
  return null;
}

/** The unit at `pos`: an optional 万/亿/万亿 and a measure word, or a bare 万/亿 (3300万, 6600多万纳税人). */
export function unitAt(t: string, pos: number): UnitMatch | null {
  for (const [m, factor] of MAGNITUDES) {
    if (!t.startsWith(m, pos)) continue;
    const base = baseAt(t, pos + m.length);
    const b = base ? normaliseUnit(base) : '';
    return { unit: m + b, baseUnit: b, factor, length: m.length + (base?.length ?? 0) };
  }
  const base = baseAt(t, pos);
  if (!base) return null;
  const b = normaliseUnit(base);
  return { unit: b, baseUnit: b, factor: 1, length: base.length };
}

function normaliseUnit(u: string): string {
  return u === '％' ? '%' : u;
}

export const isAsciiDigit = (ch: string | undefined): boolean => !!ch && ch >= '0' && ch <= '9';
const isLatin = (ch: string | undefined): boolean => !!ch && /[A-Za-z]/.test(ch);

export interface ArabicFigure {
  /** As written: 296.1, 2—3 */
  value: string;
  number: number;
  end: number;
}

const RANGE_DASH = '—–-~～至';

/**
 * An Arabic figure starting at `pos`: digits, an optional decimal part, an optional range (2—3).
 * Null when the digits belong to a name: next to a Latin letter (5G, G353, PM2.5, 4A).
 */
export function arabicAt(t: string, pos: number): ArabicFigure | null {
  if (isLatin(t[pos - 1]) || t[pos - 1] === '.') return null;
  let e = pos;
  while (isAsciiDigit(t[e])) e++;
  if (t[e] === '.' && isAsciiDigit(t[e + 1])) {
    e++;
    while (isAsciiDigit(t[e])) e++;
  }
  const first = t.slice(pos, e);
  if (RANGE_DASH.includes(t[e] ?? '\0') && isAsciiDigit(t[e + 1])) {
    let r = e + 1;
    while (isAsciiDigit(t[r])) r++;
    if (t[r] === '.' && isAsciiDigit(t[r + 1])) {
      r++;
      while (isAsciiDigit(t[r])) r++;
    }
    if (isLatin(t[r])) return null;
    return { value: t.slice(pos, r), number: Number(first), end: r };
  }
  if (isLatin(t[e])) return null;
  return { value: first, number: Number(first), end: e };
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Length of the Chinese numeral at `pos` (digits and 十百千 only; 万/亿 are read as the unit). */
export function chineseFigureLength(t: string, pos: number): number {
  let e = pos;
  while (e - pos < 6 && (t[e] in CN_DIGIT || t[e] in CN_SCALE)) e++;
  return e - pos;
}

/** 百 → 100, 三 → 3, 二十 → 20, 两千 → 2000; NaN when it is not a plain numeral. */
export function chineseFigureValue(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit) return NaN;
      digit = CN_DIGIT[ch];
    } else {
      total += (digit || 1) * CN_SCALE[ch];
      digit = 0;
    }
  }
  return total + digit;
}
