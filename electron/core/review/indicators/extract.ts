/**
 * extractIndicators: the main indicators a report states, as numbers — last year's results from the
 * review part and this year's targets (预期目标) from the plan part.
 *
 * A mention is a metric name (see metrics.ts) followed, within its clause, by an optional verb
 * (增长/下降/控制在/达到…), an optional qualifier (超过/约), a number, a unit and an optional trailing
 * qualifier (左右/以上/以内/以下). A clause right after it that starts with a verb or 总量 continues the
 * same metric: 国内生产总值超过126万亿元，增长5.2%.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../../report/types';
import type { Direction, Indicator, Qualifier } from '../types';
import { blockRoles, readParts, type PartRole } from '../structure';
import { METRIC_PATTERN, metricOf } from './metrics';
import { isHan } from '../text';

const VERB = '增长|增加|上涨|提高|提升|下降|降低|减少|回落|控制在|保持在|稳定在|平均为|达到|达|为|实现|突破|完成';
const PRE_QUAL = '超过|约|近|达|突破|超';
const UNIT = '%|％|个百分点|万亿元|亿元|万元|元|万人次|万人|人|万亿斤|亿斤|万斤|万吨|吨|万户|户|家|个|万亩|亩|万标箱|亿美元|万美元';
const POST_QUAL = '左右|以上|以内|以下|上下';

/** After the metric name: filler, then the figure. Filler stays short and clause-internal. */
const FIGURE = new RegExp(
  String.raw`^(?:同比|比上年|较上年|年均|全年|预计|涨幅|总量|总额|规模|平均)?(${VERB})?(?:幅度)?(${PRE_QUAL})?(\d+(?:\.\d+)?)\s*(${UNIT})(${POST_QUAL})?`,
);
const CONTINUATION = new RegExp(String.raw`^(?:总量|总额|规模|增速|增幅|同比)?(${VERB})(${PRE_QUAL})?(\d+(?:\.\d+)?)\s*(${UNIT})(${POST_QUAL})?`);

/**
 * What may stand right before a metric name for the figure to be the report's own aggregate:
 * nothing (clause start), a scope (全市, 我省, 2024年) or a verb (实现, 力争). 跨境电商进出口 or
 * 宜昌经济总量 are components and other subjects.
 */
const OWN_SCOPE = /(?:全市|全省|全区|全州|全县|全盟|全国|全年|我市|我省|我区|本市|今年|去年|年|实现|完成|预计|力争|确保|带动|拉动|推动|其中|的)$/;

function ownsMetric(t: string, pos: number): boolean {
  const prev = t[pos - 1];
  if (!prev || !isHan(prev)) return true;
  return OWN_SCOPE.test(t.slice(Math.max(0, pos - 4), pos));
}

const TARGET_CUE = /预期目标|主要目标|目标是|目标为|力争|确保|预计今年/;

function direction(verb: string | undefined, filler: string): Direction | null {
  if (!verb) return /涨幅/.test(filler) ? '增长' : null;
  if (/增长|增加|上涨/.test(verb)) return '增长';
  if (/下降|减少|回落/.test(verb)) return '下降';
  if (/提高|提升/.test(verb)) return '提高';
  if (verb === '降低') return '降低';
  if (verb === '控制在') return '控制在';
  return null;
}

function qualifier(pre: string | undefined, post: string | undefined): Qualifier | null {
  if (post === '左右' || post === '上下') return '左右';
  if (post === '以上') return '以上';
  if (post === '以内') return '以内';
  if (post === '以下') return '以下';
  if (pre === '超过' || pre === '突破' || pre === '超') return '超过';
  if (pre === '约' || pre === '近') return '约';
  return null;
}

function sentenceBounds(t: string, pos: number): [number, number] {
  let s = pos;
  while (s > 0 && !'。！？'.includes(t[s - 1])) s--;
  let e = pos;
  while (e < t.length && !'。！？'.includes(t[e])) e++;
  return [s, e];
}

export function extractIndicators(blocks: readonly Block[]): Indicator[] {
  const parts = readParts(blocks);
  const roles = blockRoles(blocks, parts);
  const planYear =
    parts.find((p) => p.role === 'plan' && p.year !== null)?.year ?? (parts.find((p) => p.role === 'review' && p.year !== null)?.year ?? NaN) + 1;
  const reviewYear = parts.find((p) => p.role === 'review' && p.year !== null)?.year ?? planYear - 1;
  const out: Indicator[] = [];
  blocks.forEach((b, i) => {
    const t = b.text;
    for (const m of t.matchAll(METRIC_PATTERN)) {
      const def = metricOf(m[0]);
      if (!def || !ownsMetric(t, m.index)) continue;
      let pos = m.index + m[0].length;
      const first = FIGURE.exec(t.slice(pos));
      if (!first) continue;
      const kind = kindOf(roles[i], t, m.index);
      if (!kind) continue;
      const year = yearFor(t, m.index, kind, planYear, reviewYear);
      const filler = first[0].slice(0, first[0].indexOf(first[3]));
      out.push(make(b, def.metric, m.index, pos + first[0].length, first, filler, kind, year));
      pos += first[0].length;
      // 国内生产总值超过126万亿元，增长5.2%
      while (t[pos] === '，' || t[pos] === ',') {
        const cont = CONTINUATION.exec(t.slice(pos + 1));
        if (!cont) break;
        const s = pos + 1;
        out.push(make(b, def.metric, s, s + cont[0].length, cont, cont[0].slice(0, cont[0].indexOf(cont[3])), kind, year));
        pos = s + cont[0].length;
      }
    }
  });
  return out;
}

function make(
  b: Block,
  metric: string,
  start: number,
  end: number,
  m: RegExpExecArray,
  filler: string,
  kind: 'target' | 'result',
  year: number | null,
): Indicator {
  const unit = m[4] === '％' ? '%' : m[4];
  return {
    id: createHash('sha1').update(`${b.id}:${start}:${metric}`).digest('hex').slice(0, 16),
    metric,
    value: Number(m[3]),
    unit,
    qualifier: qualifier(m[2], m[5]),
    direction: direction(m[1], filler),
    kind,
    year,
    blockId: b.id,
    start,
    end,
    text: b.text.slice(start, end),
  };
}

/** Plan part → target, review part → result; with no recognisable parts, the sentence decides. */
function kindOf(role: PartRole, t: string, pos: number): 'target' | 'result' | null {
  if (role === 'plan') return 'target';
  if (role === 'review') return 'result';
  const [s, e] = sentenceBounds(t, pos);
  return TARGET_CUE.test(t.slice(s, e)) ? 'target' : 'result';
}

function yearFor(t: string, pos: number, kind: 'target' | 'result', planYear: number, reviewYear: number): number | null {
  // A year stated in the same sentence before the figure wins (2024年经济社会发展主要预期目标：…).
  const [s] = sentenceBounds(t, pos);
  const stated = [...t.slice(s, pos).matchAll(/(20\d{2})年/g)].pop();
  if (stated) return Number(stated[1]);
  const y = kind === 'target' ? planYear : reviewYear;
  return Number.isFinite(y) ? y : null;
}
