/**
 * The genre's typographic conventions, in one place: heading markers, enumerations, addresses,
 * front-matter lines. Repair (what may be joined) and structure (what a line is) share them.
 */

const CN = '[一二三四五六七八九十]{1,3}';

/** 一、2023年工作回顾 (also 一. / 一．) */
export const PART_MARKER = new RegExp(`^(${CN})\\s*[、．.]\\s*`);
/** 第一部分　2023年工作回顾 / 第二章 …: the part named as such. */
export const PART_LABEL = new RegExp(`^第(${CN})(?:部分|章|篇)\\s*[、：:．.]?\\s*`);
/** Either form of part heading marker: the numeral is group 1 or 2. */
export function partMarker(text: string): { numeral: string; length: number } | null {
  const m = PART_MARKER.exec(text) ?? PART_LABEL.exec(text);
  return m ? { numeral: m[1], length: m[0].length } : null;
}
/** （一）… or half-width (一)… */
export const SECTION_MARKER = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`);
/** 一是… / 第一，… enumerations that stand as their own paragraph. */
export const ENUM_ITEM = new RegExp(`^(?:${CN}是|第${CN}[，,、：:])`);
/** ——… items (also a single long dash or ASCII double hyphen). */
export const DASH_ITEM = /^(?:——|—|－－|--|──|─)\s*(?=\S)/;
/** 1、… 1．… (1)… ①… numbered items; `1.39万亿` is not one. */
export const NUMBERED_ITEM = /^(?:\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*/;
/** 各位代表： / 各位代表、各位委员： / 各位代表！ / 同志们！ standing alone (委員: a Big5 copy). */
export const SALUTATION = /^(?:各位(?:代表|委[员員]|同志)(?:\s*[、，,]\s*各位(?:代表|委[员員]|同志|列席人[员員])){0,8}|同志[们們])\s*[：:！!，,。]?$/;
/** A paragraph that addresses the deputies or members: 各位代表，… / 各位委员！… / 同志们！… */
export const ADDRESS_START = /^(?:各位(?:代表|委[员員])|同志[们們][，,！!：:])/;
/** Back matter and source lines: 来源：… 注：… 名词解释 … */
export const NOTE_LINE =
  /^(?:来源|资料来源|信息来源|文章来源|本文来源|注|注释|备注|附注|说明|名词解释|编者按|原标题|责任编辑|编辑|附件|主办|承办|主办单位|网站标识码|发布时间|发布日期|发布机构)\s*[：:]/;
/** A heading line that starts a glossary/notes tail: everything after it is back matter. */
export const NOTES_HEADING = /^(?:附[：:]?\s*)?(?:名词解释|注释|附注|有关名词解释|本报告有关名词解释)\s*[：:]?$/;
/** 2024年1月10日 / 2024年1月X日 / 二〇二四年一月十日 */
export const DATE =
  /([12]\d{3}|[一二〇○零三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3}|[XxＸ×某]{1,2})\s*日/;
/** The congress at which the report is delivered. */
export const CONGRESS = /代表大[会會]|人民政治[协協]商[会會][议議]|[会會][议議]上|大[会會]上/;
/**
 * Role and name of the speaker: 国务院总理 李强 / 市长 XXX / 代省长李殿勋作… / 市长 殷勇同志 /
 * 财政局局长 周文华 (budget report) / 发展和改革委员会主任 … (plan report).
 */
export const SPEAKER =
  /((?:国务院|國務院)?[总總]理|(?:代理|代)?(?:[省市州盟县縣区區旗镇鎮乡鄉部局厅廳][长長]|主席|主任))[\s\u2002\u3000]*([\u4e00-\u9fa5·Xx×某]{2,4}?)(?:同志)?(?=作|在|$|[\s）)，,。])/;
/** Sentence-final punctuation: a line ending in one of these is not cut by a page break. */
export const SENTENCE_FINAL = /[。！？；：…!?;:]$/;
/** Closing quotes/brackets count as final only right after sentence-final punctuation (…。”). */
export const QUOTED_FINAL = /[。！？；：…!?;:][”’」』）)》]+$/;
/** Characters a paragraph never starts with: such a line continues the previous one. */
export const CONTINUATION_START = /^[，,、。；;：:！!？?”’）)》〉」』%％]/;
/** Sentence ends used for headings and lead sentences. */
export const SENTENCE_END_CHARS = '。！？；!?;';

/** A title line: about a report, no punctuation inside (a wrapped body line has commas). */
export function isTitleLike(text: string): boolean {
  return (
    text.length <= 60 &&
    /[报報]告/.test(text) &&
    !/[，,。！？；;：:、]/.test(text) &&
    !PART_MARKER.test(text) &&
    !PART_LABEL.test(text) &&
    !SECTION_MARKER.test(text) &&
    !DASH_ITEM.test(text)
  );
}

/** A date/speaker line of the front matter. */
export function isMetaLike(text: string): boolean {
  if (text.length > 120) return false;
  if (DATE.test(text) && CONGRESS.test(text)) return true;
  // 市长 XXX: a short line ending with role and name, no sentence in it.
  if (text.length > 30 || /[。！？；，,]/.test(text)) return false;
  const speaker = SPEAKER.exec(text);
  return !!speaker && speaker.index + speaker[0].length >= text.length - 2;
}

/**
 * A part heading that carries no number: 2024年工作回顾 / 今年工作安排 / 2025年预算草案. Only the
 * genre's own part names count, so a short fragment left by a page break is not taken for one.
 */
const UNNUMBERED_PART =
  /(?:工作回[顾顧]|工作[总總][结結]|工作安排(?:建[议議])?|工作部署|工作任[务務]|主要工作|重点工作|重點工作|主要任[务務]|重[点點]任[务務]|目[标標]任[务務]|[总總][体體]要求|主要目[标標]|政策取向|[执執]行情[况況]|[计計][划劃]草案|[预預]算草案|政府自身建[设設]|工作建[议議])$/;
export function isUnnumberedPartHeading(text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= 30 &&
    !/[，,。！？!?；;：:“”"]/.test(text) &&
    UNNUMBERED_PART.test(text) &&
    !PART_MARKER.test(text) &&
    !SECTION_MARKER.test(text)
  );
}

/** Table furniture pasted as text: a caption (…收支情况表) or the unit line (单位：亿元). */
export const TABLE_CAPTION = /^(?:附?表\s{0,3}[\d一二三四五六七八九十]{1,4}[：:\s]{0,3})?[^，,。！？；;：:]{2,40}(?<![代发外图])表(?:[（(]续[）)])?$/;
export const TABLE_UNIT = /^(?:金额)?单位\s*[：:]\s*\S{1,10}$/;

/** Cells of a table row pasted as text: separated by tabs, or by runs of two or more spaces. */
const CELL_SPLIT = /\t+|[ \u00a0]{2,}|\u3000{2,}/;
const NUMERIC_CELL = /^[-+−]?[\d,，]*\.?\d+\s*[%％]?$|^[-—–]+$/;
/**
 * A table row pasted as text: several cells, at least one of them a figure (a header row has three
 * or more cells). Such a line is a row, never part of a sentence, so it is never joined.
 */
export function tableCells(raw: string): string[] | null {
  const t = raw.trim();
  if (!t || t.length > 300 || !CELL_SPLIT.test(t)) return null;
  const cells = t
    .split(CELL_SPLIT)
    .map((c) => c.trim())
    .filter(Boolean);
  if (cells.length < 2) return null;
  if (cells.some((c) => /[。！？!?；;]$/.test(c) && c.length > 12)) return null;
  const numeric = cells.filter((c) => NUMERIC_CELL.test(c)).length;
  if (/\t/.test(t) ? cells.length >= 3 || numeric >= 1 : numeric >= 2) return cells;
  return null;
}
