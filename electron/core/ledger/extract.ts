/**
 * extractLedger: every quantified statement of a report (承诺台账) — targets of the plan part,
 * results of the review part — one entry per figure, lists sharing a verb split item by item.
 *
 * Each sentence is scanned once, left to right. A figure is an Arabic number (or a Chinese one
 * after 新增/打造/等) followed by a unit; the metric is the phrase before it back to the last clause
 * or list break, or, when that is only a verb (实施105个重大技改项目), the phrase after it. Every
 * look-around is bounded by a few dozen characters, so the whole pass is linear in the text.
 * Not entries: years and dates (no unit), ranks and editions (第, 前), figures inside quotes
 * (“12345”), names next to Latin letters (5G, G353, 4A), thresholds that qualify a noun
 * (50亿元以上重大项目), attributes (投资25亿元的…项目), context (在349个城市中), denominators (每万人).
 */
import { createHash } from 'node:crypto';
import type { Block } from '../report/types';
import { blockRoles, readParts, type PartRole } from '../review/structure';
import { isHan } from '../review/text';
import { arabicAt, chineseFigureLength, chineseFigureValue, isAsciiDigit, unitAt } from './numbers';
import { choose, MODALS, qualifierAfter, qualifierBefore, type Modal } from './qualifiers';
import type { LedgerEntry, LedgerKind, LedgerType } from './types';

/** How far a metric reaches from its figure. */
const METRIC_SPAN = 24;
const CLAUSE_BREAK = '，,；;：:。！？!?\n';
const OPEN_QUOTES = '“「『《‘〈';
const CLOSE_QUOTES = '”」』》’〉';
const SKIPPED_BLOCKS = new Set(['title', 'meta', 'salutation', 'note']);

/** Words before a Chinese numeral that make it a figure (新增百家, 打造千亿元, 等四个片区). */
const CHINESE_FIGURE_CUES = ['新增', '新建', '打造', '达到', '超过', '突破', '增加', '等'];
const LEADING_FILLER = ['其中', '预计', '确保', '力争', '累计', '全年', '今年', '现有', '同时', '并', '再'];
const TRAILING_VERBS = [
  '同比',
  '比上年',
  '年均',
  '增长',
  '下降',
  '减少',
  '提高',
  '降低',
  '再压减',
  '压减',
  '上涨',
  '涨幅',
  '达到',
  '平均为',
  '拟按',
  '为',
  '达',
];
const AFTER_STOPS = ['来', '在', '的', '完成', '实现', '达', '挂牌', '全部', '荣获', '获', '引才', '受益', '运营', '建设', '加快'];
const GROWTH_CUES = ['增长', '下降', '减少', '提高', '降低', '压减', '上涨', '涨幅', '增速', '增幅', '回落'];
const RATIO_CUES = ['人均', '每', '次均', '户均'];
/** A Chinese figure never counts these (新增一批). */
const VAGUE_UNITS = new Set(['批']);

const GOAL_YEAR = /到(20\d{2})年|(20\d{2})年前/;

export function extractLedger(blocks: readonly Block[]): LedgerEntry[] {
  const parts = readParts(blocks);
  const roles = blockRoles(blocks, parts);
  const planYear =
    parts.find((p) => p.role === 'plan' && p.year !== null)?.year ?? (parts.find((p) => p.role === 'review' && p.year !== null)?.year ?? NaN) + 1;
  const reviewYear = parts.find((p) => p.role === 'review' && p.year !== null)?.year ?? planYear - 1;
  const out: LedgerEntry[] = [];
  blocks.forEach((b, i) => {
    if (SKIPPED_BLOCKS.has(b.kind)) return;
    let start = 0;
    for (const end of b.sentenceEnds.length ? b.sentenceEnds : [b.text.length]) {
      scanSentence(b, start, end, roles[i], { planYear, reviewYear }, out);
      start = end;
    }
  });
  return out;
}

interface Years {
  planYear: number;
  reviewYear: number;
}

function scanSentence(b: Block, s: number, e: number, role: PartRole, years: Years, out: LedgerEntry[]): void {
  const t = b.text;
  const kind = kindOf(role, t, s, e, years);
  const year = kind.year;
  let depth = 0;
  let itemStart = s;
  let modal: Modal | null = null;
  let lastMetric = '';
  for (let i = s; i < e; i++) {
    const ch = t[i];
    if (OPEN_QUOTES.includes(ch)) depth++;
    else if (CLOSE_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    if (CLAUSE_BREAK.includes(ch)) {
      itemStart = i + 1;
      modal = null;
      continue;
    }
    if (ch === '、' || ((ch === '和' || ch === '及') && isAsciiDigit(t[i + 1]))) {
      itemStart = i + 1;
      continue;
    }
    const m = MODALS.find((w) => t.startsWith(w, i));
    if (m) modal = m;

    let value: string;
    let number: number;
    let figEnd: number;
    if (isAsciiDigit(ch)) {
      if (isAsciiDigit(t[i - 1])) continue;
      const fig = arabicAt(t, i);
      if (!fig) {
        while (i + 1 < e && isAsciiDigit(t[i + 1])) i++;
        continue;
      }
      ({ value, number } = fig);
      figEnd = fig.end;
    } else {
      const len = chineseFigureLength(t, i);
      if (!len || !CHINESE_FIGURE_CUES.some((c) => t.startsWith(c, i - c.length))) continue;
      value = t.slice(i, i + len);
      number = chineseFigureValue(value);
      figEnd = i + len;
      if (!Number.isFinite(number)) continue;
    }
    const figStart = i;
    i = figEnd - 1;
    if (figEnd > e || depth > 0) continue;
    const prev = t[figStart - 1];
    if (prev === '第' || prev === '前' || prev === '每') continue;
    const many = t[figEnd] === '多';
    const unitPos = many ? figEnd + 1 : figEnd;
    const unit = unitAt(t, unitPos);
    if (!unit || unitPos + unit.length > e) continue;
    if (!isAsciiDigit(ch) && VAGUE_UNITS.has(unit.unit)) continue;
    const after = qualifierAfter(t, unitPos + unit.length);
    const qEnd = unitPos + unit.length + (after?.length ?? 0);
    // 50亿元以上重大项目: a threshold on the noun after it; 投资25亿元的…: an attribute.
    if ((after?.qualifier === '以上' || after?.qualifier === '以下') && isHan(t[qEnd])) continue;
    if (t[qEnd] === '的') continue;
    if (prev === '在' && context(t, qEnd, e)) continue;
    i = qEnd - 1;

    const before = qualifierBefore(t, figStart, itemStart);
    const metric = metricOf(t, itemStart, before?.start ?? figStart, qEnd, e);
    const name = metric.text || lastMetric;
    lastMetric = name;
    const region = t.slice(Math.max(itemStart, figStart - METRIC_SPAN), before?.start ?? figStart);
    const spanStart = metric.text ? Math.min(metric.start, before?.start ?? figStart) : (before?.start ?? figStart);
    const spanEnd = Math.max(qEnd, metric.end);
    out.push({
      id: createHash('sha1').update(`${b.id}:${figStart}:${value}${unit.unit}`).digest('hex').slice(0, 16),
      metric: name,
      value,
      number,
      unit: unit.unit,
      baseUnit: unit.baseUnit,
      amount: number * unit.factor,
      qualifier: choose(after?.qualifier ?? null, before?.qualifier ?? null, modal, many),
      kind: kind.kind,
      type: typeOf(unit.unit, region, name),
      year,
      blockId: b.id,
      path: b.path,
      start: spanStart,
      end: spanEnd,
      text: t.slice(spanStart, spanEnd),
    });
    itemStart = qEnd;
  }
}

/** 在349个地级以上城市中: the figure sets the scene for a rank, it is not a result. */
function context(t: string, from: number, e: number): boolean {
  for (let j = from; j < Math.min(e, from + METRIC_SPAN); j++) {
    if (CLAUSE_BREAK.includes(t[j])) return false;
    if (t[j] === '中') return true;
  }
  return false;
}

/** The metric: before the figure back to the item's start, or after it when before is only a verb. */
function metricOf(t: string, itemStart: number, beforeEnd: number, afterStart: number, e: number): { text: string; start: number; end: number } {
  let a = Math.max(itemStart, beforeEnd - METRIC_SPAN);
  let z = beforeEnd;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of LEADING_FILLER) {
      if (z - a > w.length && t.startsWith(w, a)) {
        a += w.length;
        changed = true;
      }
    }
    for (const w of TRAILING_VERBS) {
      if (z - a >= w.length && t.startsWith(w, z - w.length)) {
        z -= w.length;
        changed = true;
      }
    }
  }
  const before = t.slice(a, z);
  if (before.length >= 3 && !before.endsWith('等')) return { text: before, start: a, end: z };
  let j = afterStart;
  const limit = Math.min(e, afterStart + METRIC_SPAN);
  while (j < limit && !CLAUSE_BREAK.includes(t[j]) && t[j] !== '、' && t[j] !== '和' && !isAsciiDigit(t[j]) && !AFTER_STOPS.some((w) => t.startsWith(w, j)))
    j++;
  if (j > afterStart) return { text: t.slice(afterStart, j), start: afterStart, end: j };
  return before ? { text: before, start: a, end: z } : { text: '', start: afterStart, end: afterStart };
}

function typeOf(unit: string, region: string, metric: string): LedgerType {
  if (unit === '%' || unit === '个百分点' || unit === '‰') {
    if (GROWTH_CUES.some((c) => region.includes(c))) return 'growth';
    return 'share';
  }
  if (unit === '倍' || RATIO_CUES.some((c) => metric.startsWith(c) || region.includes(c + '万人'))) return 'ratio';
  return metric.includes('人均') ? 'ratio' : 'absolute';
}

/** Plan part → target (goal when the sentence aims past the plan year), review part → result. */
function kindOf(role: PartRole, t: string, s: number, e: number, { planYear, reviewYear }: Years): { kind: LedgerKind; year: number | null } {
  const goal = GOAL_YEAR.exec(t.slice(s, e));
  const goalYear = goal ? Number(goal[1] ?? goal[2]) : NaN;
  const sure = (y: number) => (Number.isFinite(y) ? y : null);
  if (role === 'review') return { kind: 'result', year: sure(reviewYear) };
  if (goalYear > planYear || (!Number.isFinite(planYear) && Number.isFinite(goalYear))) return { kind: 'goal', year: goalYear };
  if (role === 'plan') return { kind: 'target', year: sure(planYear) };
  return /预期目标|主要目标|目标是|力争|确保|今年/.test(t.slice(s, e)) ? { kind: 'target', year: sure(planYear) } : { kind: 'result', year: sure(reviewYear) };
}
