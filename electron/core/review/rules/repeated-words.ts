/**
 * 重复字词: a word typed twice (把握把握, 的的). Chinese reduplicates legitimately (人人, 常常,
 * 家家户户, 讨论讨论), so only two kinds are reported:
 *  - a two-to-four-character unit written twice in a row (ABAB / ABCABC) — an error, unless it is a
 *    verb that speech reduplicates (讨论讨论), which gets a warning, or 一X一X (一步一步);
 *  - a doubled function character (的的, 了了, 在在…) that is not the seam between two real words
 *    (目的+的, 为了+了解) nor part of AABB (的的确确).
 * Punctuation breaks a repeat (把握、把握 is a list), and digits are never looked at (1010).
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { isHan } from '../text';

/** Verbs whose ABAB reduplication (“try/do a bit”) is grammatical, if colloquial, in a report. */
const REDUPLICABLE_VERBS = new Set(
  '讨论 研究 商量 考虑 学习 休息 活动 锻炼 打扫 收拾 琢磨 交流 沟通 了解 调查 总结 比较 介绍 体验 放松 检查 整理 准备 思考 分析 尝试 打听 联系 指导 帮助 关心 关照 表扬 批评 鼓励 宣传 推广 热闹 高兴 清醒 暖和 凉快 轻松 明白 清楚'.split(
    ' ',
  ),
);

/** 一X一Y, 不X不Y, 有X有Y, 无X无Y: framed four-character idioms that produce an accidental ABAB. */
const FRAME_CHARS = '一不有无';

/** Characters that end institution and place names (纪委, 教育局, 高校, 新区…). */
const SUFFIX_CHARS = '委局厅办处室校院所站区市县省州镇乡村';

/**
 * Function characters whose doubling is almost always a slip, with the words that legitimately end
 * (before) or start (after) with them so that 目的的, 为了了解, 参与与否 stay quiet.
 */
const FUNCTION_CHARS: Record<string, { before: string; after: string; severity: 'error' | 'warning' }> = {
  的: { before: '目有标端似', after: '确士哥', severity: 'error' },
  了: { before: '为除罢得不极算好完对少多', after: '解结如然却望断', severity: 'warning' },
  是: { before: '但就还于只总可真正或要若凡倒硬便更即乃亦都也算像不则而自实', after: '否非', severity: 'warning' },
  在: { before: '存正现实所自内外潜旨志意好', after: '于乎意', severity: 'warning' },
  和: { before: '共平温缓调柔祥总暖饱随附谦违应讲中', after: '平谐睦美解气善蔼', severity: 'warning' },
  与: { before: '参给赋授寄相', after: '否会', severity: 'warning' },
  对: { before: '针面相绝应核比反校配敌一', after: '象手比接话照称等应外策口岸', severity: 'warning' },
  将: { before: '即必终大武干老名主猛良虎女', after: '来军领士近就要', severity: 'warning' },
  把: { before: '一', after: '握手关守持柄', severity: 'warning' },
  被: { before: '棉羽鸭蚕毛', after: '子褥', severity: 'warning' },
  及: { before: '以普涉危波提顾论企来', after: '时早格', severity: 'warning' },
};

export const repeatedWordsRule: ReviewRule = {
  meta: {
    id: 'repeated-words',
    name: '重复字词',
    description: '连续重复的字或词（如“的的”“把握把握”），合法的叠词（人人、常常、家家户户）不提示',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    for (const b of blocks) findRepeats(b, out);
    return out;
  },
};

function findRepeats(block: Block, out: RawFinding[]): void {
  const t = block.text;
  let i = 0;
  while (i < t.length) {
    // Cheap pre-check on char codes: a repeat needs t[i] to come back 1–4 characters later.
    const c = t.charCodeAt(i);
    const maybe = c >= 0x3400 && (t.charCodeAt(i + 1) === c || t.charCodeAt(i + 2) === c || t.charCodeAt(i + 3) === c || t.charCodeAt(i + 4) === c);
    const hit = maybe ? (wordRepeatAt(t, i) ?? charRepeatAt(t, i)) : null;
    if (!hit) {
      i++;
      continue;
    }
    out.push({ blockId: block.id, ...hit });
    i = hit.end;
  }
}

function sameRun(t: string, i: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (t.charCodeAt(i + k) !== t.charCodeAt(i + len + k)) return false;
  return true;
}

type Hit = Omit<RawFinding, 'blockId'>;

function wordRepeatAt(t: string, i: number): Hit | null {
  for (let len = 4; len >= 2; len--) {
    if (i + 2 * len > t.length || !sameRun(t, i, len)) continue;
    const unit = t.slice(i, i + len);
    if (![...unit].every(isHan)) continue;
    if (new Set(unit).size === 1) continue; // 人人人人 is not a word repeat
    // Already inside a longer repeat that started earlier (…把握把握 found once).
    if (len === 2 && unit[0] === '一') return null; // 一步一步, 一点一点: adverbial reduplication
    if (len === 2 && FRAME_CHARS.includes(unit[1])) return null; // 高校|一校一策, 乡村|一村一品
    if (len === 2 && REDUPLICABLE_VERBS.has(unit)) {
      return {
        severity: 'warning',
        start: i,
        end: i + 2 * len,
        message: `“${unit}”连用，口语中可作动词重叠，公文中一般不用，请确认`,
        suggestion: unit,
      };
    }
    // 纪委|监委|监督, 县区|县区? — a unit starting with an institution or place suffix right after
    // another character is the seam of two coordinated names (X委Y委), not a doubled word.
    if (len === 2 && SUFFIX_CHARS.includes(unit[0]) && isHan(t[i - 1])) return null;
    return {
      severity: 'error',
      start: i,
      end: i + 2 * len,
      message: `“${unit}”重复出现，疑为多打`,
      suggestion: unit,
    };
  }
  return null;
}

function charRepeatAt(t: string, i: number): Hit | null {
  const c = t[i];
  const rule = FUNCTION_CHARS[c];
  if (!rule || t[i + 1] !== c) return null;
  let end = i + 2;
  while (t[end] === c) end++;
  if (end - i === 2) {
    const prev = t[i - 1];
    const next = t[end];
    if (prev && rule.before.includes(prev)) return null; // 目的|的, 为了|了解 seam
    if (next && rule.after.includes(next)) return null; // 有的|的确
    // AABB: 的的确确, 是是非非, 和和美美
    if (next && next === t[end + 1] && isHan(next)) return null;
    if (prev && prev === t[i - 2] && isHan(prev)) return null;
  }
  return {
    severity: rule.severity,
    start: i,
    end,
    message: `“${c}”字重复`,
    suggestion: c,
  };
}
