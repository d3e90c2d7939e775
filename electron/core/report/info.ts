/**
 * Report facts for the library: title, date, speaker, region, year. Read from the front matter
 * first; a copy without it (a newspaper's second half) still names its region and plan year in
 * the body.
 */
import { DATE, SPEAKER } from './patterns';
import { BARE_NAME } from './frontmatter';
import type { DraftBlock } from './structure';

export interface ReportInfo {
  title: string | null;
  date: string | null;
  speaker: string | null;
  region: string | null;
  year: number | null;
}

const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function yearNumber(y: string): number | null {
  const digits = /^\d{4}$/.test(y) ? y : [...y].map((c) => CN_DIGIT[c] ?? '').join('');
  const n = Number(digits);
  return digits.length === 4 && n >= 1949 && n <= 2200 ? n : null;
}

const REGION_SUFFIX = '(?:省|市|自治区|自治州|地区|州|县|区|盟|旗)';
const CONGRESS_REGION = new RegExp(`在(.{2,14}?${REGION_SUFFIX})第[一二三四五六七八九十]+[届屆]人民代表大[会會]`);
/** 在政协江城市第十届委员会第五次会议上 */
const CPPCC_REGION = new RegExp(`在政协(.{2,14}?${REGION_SUFFIX})第[一二三四五六七八九十]+届委员会`);
const ROLE_REGION = new RegExp(`(.{2,12}?${REGION_SUFFIX})(?:人民政府)?(?:代理|代)?(?:省长|市长|州长|县长|区长|盟长|旗长|主席)`);
const TITLE_REGION = new RegExp(`^(?:[12]\\d{3}年)?(.{2,12}?${REGION_SUFFIX})(?:人民)?政府工作报告`);
const ON_BEHALF = new RegExp(`我代表(.{2,12}?${REGION_SUFFIX})人民政府`);

/** Generic words that look like place names in "X市/美丽X/X人民" patterns. */
const NOT_PLACES = new Set([
  '城市',
  '全市',
  '本市',
  '全省',
  '本省',
  '全国',
  '中国',
  '各族',
  '全体',
  '广大',
  '人民',
  '全区',
  '全县',
  '美丽',
  '超市',
  '都市',
  '县城',
  '市场',
  '省份',
  '各省',
  '各市',
  '我省',
  '我市',
  '中心',
  '新区',
  '开发',
  '城区',
  '主城',
  '地级',
  '副省',
  '主城区',
]);

/** A copy without front matter: the party committee named in 在市委坚强领导下 gives the level, the place most named gives the name. */
function regionFromBody(text: string): string | null {
  if (/我代表国务院/.test(text)) return '国务院';
  const onBehalf = ON_BEHALF.exec(text);
  if (onBehalf) return onBehalf[1];
  const levelMatch = /在(省|市|州|县|区|盟|旗)委(?:的)?(?:坚强|正确)领导下/.exec(text);
  let level = levelMatch?.[1] ?? null;
  if (!level) {
    const counts: Record<string, number> = {};
    for (const m of text.matchAll(/(省|市|州|县|区)委(?:、\1政府)/g)) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
    level = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
  if (!level) return null;
  // Strong patterns name the place (美丽咸宁, 咸宁实践, 湖北篇章, 让咸宁人民…); X市/X省 only confirm one.
  const candidates = new Map<string, number>();
  const add = (name: string, confirmOnly = false) => {
    if (NOT_PLACES.has(name) || !/^[\u4e00-\u9fa5]{2}$/.test(name)) return;
    if (confirmOnly && !candidates.has(name)) return;
    candidates.set(name, (candidates.get(name) ?? 0) + 1);
  };
  for (const m of text.matchAll(/美丽([\u4e00-\u9fa5]{2})/g)) add(m[1]);
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2})(?:实践|篇章)/g)) add(m[1]);
  for (const m of text.matchAll(/让([\u4e00-\u9fa5]{2})(?:人民|城市|发展)/g)) add(m[1]);
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2})(?:市|省|人民)/g)) add(m[1], true);
  const best = [...candidates.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] < 2) return null;
  const suffix = level === '州' ? '州' : level;
  return best[0].endsWith(suffix) ? best[0] : best[0] + suffix;
}

export function extractReportInfo(blocks: DraftBlock[]): ReportInfo {
  const title = blocks.find((b) => b.kind === 'title')?.text ?? null;
  const metaText = blocks
    .filter((b) => b.kind === 'meta')
    .map((b) => b.text)
    .join('\n');

  let date: string | null = null;
  let year: number | null = null;
  const d = DATE.exec(metaText);
  if (d) {
    date = d[0].replace(/\s+/g, '');
    year = yearNumber(d[1]);
  }

  let speaker: string | null = null;
  let role: string | null = null;
  const s = SPEAKER.exec(metaText);
  if (s) {
    role = s[1];
    speaker = s[2];
  } else {
    // 政协 reports often print only the name under the date line.
    speaker = blocks.find((b) => b.kind === 'meta' && BARE_NAME.test(b.text))?.text.replace(/同志$/, '') ?? null;
  }

  let region: string | null = null;
  if (/全国人民代表大会/.test(metaText) || (role !== null && /总理/.test(role))) region = '国务院';
  else if (/全国委员会/.test(metaText) && /政治协商会议|政协/.test(metaText)) region = '全国政协';
  else region = CPPCC_REGION.exec(metaText)?.[1] ?? null;
  region ??= CONGRESS_REGION.exec(metaText)?.[1] ?? ROLE_REGION.exec(metaText)?.[1] ?? (title ? TITLE_REGION.exec(title)?.[1] : undefined) ?? null;
  if (region === null) {
    const bodyText = blocks
      .filter((b) => b.kind !== 'note')
      .map((b) => b.text)
      .join('\n');
    region = regionFromBody(bodyText);
  }

  if (year === null) year = yearFromOutline(blocks, title);
  return { title, date, speaker, region, year };
}

/** The plan part names the year of delivery (二、2024年工作安排); the review part names the year before. */
function yearFromOutline(blocks: DraftBlock[], title: string | null): number | null {
  for (const b of blocks) {
    if (b.kind !== 'part') continue;
    const plan = /([12]\d{3})年.{0,12}(?:工作安排|工作任务|重点任务|工作思路|总体要求|主要任务|工作部署)/.exec(b.text);
    if (plan) return Number(plan[1]);
  }
  for (const b of blocks) {
    if (b.kind !== 'part') continue;
    const review = /([12]\d{3})年(?:工作)?回顾/.exec(b.text);
    if (review) return Number(review[1]) + 1;
  }
  const t = title ? /^([12]\d{3})年/.exec(title) : null;
  if (t) return Number(t[1]);
  for (const b of blocks) {
    const target = /([12]\d{3})年(?:经济社会发展|经济和社会发展)?(?:的)?主要预期目标/.exec(b.text);
    if (target) return Number(target[1]);
  }
  return null;
}
