/**
 * 数据合理性: numbers a reader would stop at.
 *  - a percent sign where an amount belongs (完成投资54453.23%): error above 100%, warning otherwise;
 *  - a bounded rate above 100% (覆盖率、达标率、满意率、优良率、占比… 105%): error;
 *  - growth of a macro aggregate above 30% (地区生产总值增长35%): warning; any growth above 100%: hint,
 *    since reports write that as 增长X倍;
 *  - one enumeration mixing 万元 and 亿元: hint.
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { METRIC_PATTERN, metricOf } from '../indicators/metrics';

const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** Nouns that name an amount of money or output, never a ratio. */
const AMOUNT_NOUNS = '总投资|完成投资|投资额|投资|总产值|产值|营业收入|销售收入|成交额|交易额|销售额|总额|金额|资金|贷款余额|存款余额';
const AMOUNT_PERCENT = new RegExp(String.raw`(?<![占比])(${AMOUNT_NOUNS})(?:达到|达|为|共|累计)?(?:约|超过|近)?${NUM}\s*[%％]`, 'g');

/** Rates with a ceiling of 100%. 增长率、完成率、负债率、杠杆率 can legitimately exceed it. */
const BOUNDED_RATES =
  '覆盖率|达标率|优良率|满意率|合格率|普及率|入学率|巩固率|参保率|应诉率|网办率|办结率|到位率|好评率|知晓率|治愈率|就业率|失业率|城镇化率|利用率|使用率|占比|比重|达标比例|接种率|落实率|执行率|通过率|回复率|公开率|出栏率|绿化率|发生率|通达率|通畅率|通车率|开工率|投产率|签约率|留存率|处置率|处理率|收集率|入园率|参保比例';
const BOUNDED_RATE = new RegExp(String.raw`(${BOUNDED_RATES})(?:均|分别)?(?:达到|达|为|保持在|稳定在|提高到|提升到|超过|突破|在)?${NUM}\s*[%％]`, 'g');

const GROWTH = new RegExp(String.raw`(?:增长|增加|上涨|提高|增速为?|增幅为?)(?:达到|达|超过|约|近)?${NUM}\s*[%％]`, 'g');

const MONEY = /(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元)/g;

export const implausibleNumbersRule: ReviewRule = {
  meta: {
    id: 'implausible-numbers',
    name: '数据合理性',
    description: '金额处误用百分号、比率超过100%、总量指标增速异常、同一列举中金额单位不一致',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    for (const b of blocks) {
      amountAsPercent(b, out);
      boundedRates(b, out);
      growth(b, out);
      mixedMoneyUnits(b, out);
    }
    return out;
  },
};

function amountAsPercent(b: Block, out: RawFinding[]): void {
  for (const m of b.text.matchAll(AMOUNT_PERCENT)) {
    const value = Number(m[2]);
    const before = b.text.slice(Math.max(0, m.index - 8), m.index);
    // 投资增长8% never matches (增长 sits between); 占投资…% and 比重 are shares.
    if (/占|比重|比例/.test(before.slice(-3))) continue;
    const severe = value > 100;
    if (!severe && !/完成|实现|累计/.test(before + m[1])) continue;
    const numStart = m.index + m[0].indexOf(m[2]);
    out.push({
      blockId: b.id,
      severity: severe ? 'error' : 'warning',
      start: numStart,
      end: m.index + m[0].length,
      message: `“${m[1]}”应为金额或数量，此处却是百分数“${m[2]}%”，疑漏写单位或误用百分号`,
      suggestion: null,
    });
  }
}

function boundedRates(b: Block, out: RawFinding[]): void {
  for (const m of b.text.matchAll(BOUNDED_RATE)) {
    const value = Number(m[2]);
    if (value <= 100) continue;
    out.push({
      blockId: b.id,
      severity: 'error',
      start: m.index,
      end: m.index + m[0].length,
      message: `“${m[1]}”不应超过100%，此处为${m[2]}%`,
      suggestion: null,
    });
  }
}

function growth(b: Block, out: RawFinding[]): void {
  const t = b.text;
  for (const m of t.matchAll(GROWTH)) {
    const value = Number(m[1]);
    if (value <= 30) continue;
    const macro = macroSubject(t, m.index);
    if (macro && value > 30) {
      out.push({
        blockId: b.id,
        severity: 'warning',
        start: m.index,
        end: m.index + m[0].length,
        message: `${macro}增长${m[1]}%，远超通常水平，请核对数据`,
        suggestion: null,
      });
    } else if (value > 100) {
      out.push({
        blockId: b.id,
        severity: 'info',
        start: m.index,
        end: m.index + m[0].length,
        message: `增幅${m[1]}%超过100%，请核对；公文中通常写作“增长${trimNumber(value / 100)}倍”`,
        suggestion: null,
      });
    }
  }
}

function trimNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The macro aggregate a growth figure is about: a metric name just before it in the same clause. */
function macroSubject(t: string, pos: number): string | null {
  let s = pos;
  while (s > 0 && !'，。；、,;：:'.includes(t[s - 1]) && pos - s < 20) s--;
  const clause = t.slice(s, pos);
  let found: string | null = null;
  for (const m of clause.matchAll(METRIC_PATTERN)) {
    const def = metricOf(m[0]);
    // 跨境电商进出口 is a component, not the aggregate: only 全市/全省/地方… may precede the name.
    const head = clause.slice(0, m.index).replace(/^(全市|全省|全区|全州|全县|全国|全年|我市|我省|今年|去年|其中)/, '');
    if (def?.macro && head.length <= 1) found = def.metric;
  }
  return found;
}

function mixedMoneyUnits(b: Block, out: RawFinding[]): void {
  const t = b.text;
  let run: RegExpMatchArray[] = [];
  const flush = () => {
    const units = new Set(run.map((m) => m[2]));
    if (run.length >= 3 && units.size > 1) {
      const first = run[0];
      const last = run[run.length - 1];
      out.push({
        blockId: b.id,
        severity: 'info',
        start: first.index!,
        end: last.index! + last[0].length,
        message: `同一列举中金额单位不一致（${[...units].join('、')}），建议统一`,
        suggestion: null,
      });
    }
    run = [];
  };
  let prevEnd = -1;
  for (const m of t.matchAll(MONEY)) {
    // Items of one enumeration are joined by 、 only; a ，or 。 starts a new statement.
    if (prevEnd >= 0 && /[，。；,;：:]/.test(t.slice(prevEnd, m.index))) flush();
    run.push(m);
    prevEnd = m.index + m[0].length;
  }
  flush();
}
