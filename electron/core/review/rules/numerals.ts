/**
 * 数字用法 (GB/T 15835-2011):
 *  - full-width digits (２０２４): warning, summarised when pervasive;
 *  - an Arabic number with 十/百/千 as its unit (3千, 5百万): only 万 and 亿 may follow Arabic digits;
 *  - 三、四个: adjacent numerals giving an estimate take no 顿号 (三四个);
 *  - thousands separators used for some numbers but not others: hint.
 * Chinese numerals inside fixed terms (十四五, 一带一路, 三中全会) and 3个 are correct and untouched.
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { PERVASIVE } from './punctuation';

export const numeralsRule: ReviewRule = {
  meta: {
    id: 'numerals',
    name: '数字用法',
    description: '全角数字、阿拉伯数字与“千”“百”混用、概数误加顿号、千分撇使用不一致（GB/T 15835）',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    fullWidthDigits(blocks, out);
    for (const b of blocks) {
      arabicWithChineseUnit(b, out);
      estimateWithComma(b, out);
    }
    thousandsSeparators(blocks, out);
    return out;
  },
};

function toHalf(s: string): string {
  return s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function fullWidthDigits(blocks: readonly Block[], out: RawFinding[]): void {
  const hits: { b: Block; m: RegExpMatchArray }[] = [];
  for (const b of blocks) for (const m of b.text.matchAll(/[０-９][０-９．]*/g)) hits.push({ b, m });
  if (hits.length >= PERVASIVE) {
    const { b, m } = hits[0];
    out.push({
      blockId: b.id,
      severity: 'warning',
      start: m.index!,
      end: m.index! + m[0].length,
      message: `全文有${hits.length}处全角数字，应使用半角阿拉伯数字（此处为第一处）`,
      suggestion: toHalf(m[0]),
    });
    return;
  }
  for (const { b, m } of hits) {
    out.push({
      blockId: b.id,
      severity: 'warning',
      start: m.index!,
      end: m.index! + m[0].length,
      message: `全角数字“${m[0]}”，应使用半角“${toHalf(m[0])}”`,
      suggestion: toHalf(m[0]),
    });
  }
}

/** 千米 千瓦 千克 千伏 百分点… are units, not numerals. 3千万 → 3000万 keeps its 万. */
const CHINESE_UNIT = /(\d+(?:\.\d+)?)([十百千])(?![米瓦克伏帕焦卡兆赫分亩])/g;
const SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function arabicWithChineseUnit(b: Block, out: RawFinding[]): void {
  for (const m of b.text.matchAll(CHINESE_UNIT)) {
    if (/^(19|20)\d{2}$/.test(m[1])) continue; // 2023十大新闻: a year before a set phrase
    const value = Number(m[1]) * SCALE[m[2]];
    const fixed = Number.isInteger(value) ? String(value) : null;
    out.push({
      blockId: b.id,
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: `阿拉伯数字后不宜用“${m[2]}”作单位（只可用“万”“亿”）${fixed ? `，宜写作“${fixed}”` : ''}`,
      suggestion: fixed,
    });
  }
}

/** 三、四个 is an estimate; 第三、四批 and 三、四年级 are two ordinals and keep their 顿号. */
const ESTIMATE = /(?<!第)([一二三四五六七八九])、([一二三四五六七八九])(?=[十百千万亿]?(?:个|项|家|年(?!级)|天|次|人|名|条|种|所|批|位|倍))/g;
const DIGIT_ORDER = '一二三四五六七八九';

function estimateWithComma(b: Block, out: RawFinding[]): void {
  for (const m of b.text.matchAll(ESTIMATE)) {
    if (DIGIT_ORDER.indexOf(m[2]) !== DIGIT_ORDER.indexOf(m[1]) + 1) continue;
    out.push({
      blockId: b.id,
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      message: `相邻数字连用表示概数，中间不用顿号，宜写作“${m[1]}${m[2]}”`,
      suggestion: m[1] + m[2],
    });
  }
}

function thousandsSeparators(blocks: readonly Block[], out: RawFinding[]): void {
  let firstSep: { b: Block; m: RegExpMatchArray } | null = null;
  let withSep = 0;
  let plain = 0;
  for (const b of blocks) {
    for (const m of b.text.matchAll(/\d{1,3}(?:,\d{3})+(?!\d)|\d{5,}/g)) {
      if (m[0].includes(',')) {
        withSep++;
        firstSep ??= { b, m };
      } else if (!/^(19|20)\d{2}$/.test(m[0])) {
        plain++;
      }
    }
  }
  if (!firstSep || !plain) return;
  const { b, m } = firstSep;
  out.push({
    blockId: b.id,
    severity: 'info',
    start: m.index!,
    end: m.index! + m[0].length,
    message: `千分撇使用不一致：${withSep}处数字用了千分撇，${plain}处五位以上数字没有用，建议全文统一`,
    suggestion: m[0].replace(/,/g, ''),
  });
}
