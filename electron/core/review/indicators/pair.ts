/**
 * pairIndicators: this year's target next to last year's result for the same metric
 * (地区生产总值 增长1.6% → 目标 增长6%). The target comes from the 预期目标 statement when there is
 * one (the first target mention of the metric otherwise); the result must have the same unit, so a
 * growth target pairs with a growth result, never with the total in 亿元.
 */
import type { Indicator, IndicatorPair } from '../types';

export function pairIndicators(indicators: readonly Indicator[]): IndicatorPair[] {
  const metrics: string[] = [];
  for (const x of indicators) if (!metrics.includes(x.metric)) metrics.push(x.metric);
  const pairs: IndicatorPair[] = [];
  for (const metric of metrics) {
    const mine = indicators.filter((x) => x.metric === metric);
    const targets = mine.filter((x) => x.kind === 'target');
    const target = targets[0];
    const results = mine.filter((x) => x.kind === 'result' && (!target || target.year === null || x.year === null || x.year < target.year));
    // Only a comparable figure pairs with a target: a growth rate with a growth rate, 万人 with 万人.
    const result = target ? results.find((r) => r.unit === target.unit) : results[0];
    const pair: IndicatorPair = { metric };
    if (target) pair.target = target;
    if (result) pair.result = result;
    pairs.push(pair);
  }
  // Targets first, in the order the report states them; metrics with only a result after.
  const order = (p: IndicatorPair) => (p.target ? indicators.indexOf(p.target) : indicators.length + indicators.indexOf(p.result!));
  return pairs.sort((a, b) => order(a) - order(b));
}
