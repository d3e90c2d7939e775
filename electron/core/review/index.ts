/** Review aids: proofreading hints (审校提示) and report indicators (指标). */
export type { Finding, Severity, RuleMeta, CheckOptions, Indicator, IndicatorPair, Qualifier, Direction } from './types';
export { SEVERITY_LABELS } from './types';
export { checkReport, RULE_LIST, findingId } from './check';
export { extractIndicators } from './indicators/extract';
export { pairIndicators } from './indicators/pair';
export { METRICS } from './indicators/metrics';
