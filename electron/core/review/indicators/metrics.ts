/**
 * The main indicators of a government work report and the ways reports name them.
 * Canonical names follow the national statistical wording; synonyms map onto them
 * (规模以上工业增加值 → 规上工业增加值, 全市GDP / 国内生产总值 / 经济增长 → 地区生产总值).
 */

export interface MetricDef {
  metric: string;
  /** Spellings, matched longest first. */
  names: string[];
  /** A macro aggregate: growth far above 30% is implausible for it. */
  macro?: boolean;
}

export const METRICS: MetricDef[] = [
  { metric: '单位地区生产总值能耗', names: ['单位地区生产总值能耗', '单位国内生产总值能耗', '单位GDP能耗', '单位生产总值能耗'] },
  { metric: '地区生产总值', names: ['地区生产总值', '国内生产总值', '生产总值', 'GDP', '经济增长', '经济增速', '经济总量'], macro: true },
  { metric: '规上工业增加值', names: ['规模以上工业增加值', '规上工业增加值', '规模以上工业企业增加值', '工业增加值'], macro: true },
  { metric: '固定资产投资', names: ['全社会固定资产投资', '固定资产投资'], macro: true },
  { metric: '民间投资', names: ['民间投资'] },
  {
    metric: '地方一般公共预算收入',
    names: ['地方一般公共预算收入', '一般公共预算收入', '地方财政一般预算收入', '地方财政收入'],
    macro: true,
  },
  { metric: '社会消费品零售总额', names: ['社会消费品零售总额', '社零总额'], macro: true },
  { metric: '进出口总额', names: ['外贸进出口总额', '货物贸易进出口', '外贸进出口', '进出口总额', '进出口总值', '进出口'], macro: true },
  { metric: '实际利用外资', names: ['实际利用外资', '实际使用外资'] },
  { metric: '城镇新增就业', names: ['城镇新增就业', '新增城镇就业'] },
  { metric: '城镇登记失业率', names: ['城镇登记失业率'] },
  { metric: '城镇调查失业率', names: ['城镇调查失业率'] },
  { metric: '居民消费价格指数', names: ['居民消费价格指数', '居民消费价格', 'CPI'] },
  {
    metric: '城镇居民人均可支配收入',
    names: ['城镇常住居民人均可支配收入', '城镇居民人均可支配收入'],
  },
  {
    metric: '农村居民人均可支配收入',
    names: ['农村常住居民人均可支配收入', '农村居民人均可支配收入'],
  },
  {
    metric: '居民人均可支配收入',
    names: ['城乡常住居民人均可支配收入', '城乡居民人均可支配收入', '全体居民人均可支配收入', '居民人均可支配收入'],
  },
  { metric: '粮食产量', names: ['粮食产量', '粮食总产量', '粮食总产'] },
];

interface NameEntry {
  name: string;
  def: MetricDef;
}

const ENTRIES: NameEntry[] = METRICS.flatMap((def) => def.names.map((name) => ({ name, def }))).sort((a, b) => b.name.length - a.name.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex over every spelling, longest first, so 单位GDP能耗 wins over GDP. */
export const METRIC_PATTERN = new RegExp(ENTRIES.map((e) => escape(e.name)).join('|'), 'g');

const BY_NAME = new Map(ENTRIES.map((e) => [e.name, e.def]));

export function metricOf(name: string): MetricDef | undefined {
  return BY_NAME.get(name);
}
