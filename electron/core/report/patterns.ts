/**
 * The genre's typographic conventions, in one place: heading markers, enumerations, addresses,
 * front-matter lines. Repair (what may be joined) and structure (what a line is) share them.
 */

const CN = '[一二三四五六七八九十]{1,3}';

/** 一、2023年工作回顾 (also 一. / 一．) */
export const PART_MARKER = new RegExp(`^(${CN})\\s*[、．.]\\s*`);
/** （一）… or half-width (一)… */
export const SECTION_MARKER = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`);
/** 一是… / 第一，… enumerations that stand as their own paragraph. */
export const ENUM_ITEM = new RegExp(`^(?:${CN}是|第${CN}[，,、：:])`);
/** ——… items (also a single long dash or ASCII double hyphen). */
export const DASH_ITEM = /^(?:——|—|－－|--|──|─)\s*(?=\S)/;
/** 1、… 1．… (1)… ①… numbered items; `1.39万亿` is not one. */
export const NUMBERED_ITEM = /^(?:\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*/;
/** 各位代表： / 各位代表、各位委员： / 各位代表！ standing alone. */
export const SALUTATION = /^各位(?:代表|委员|同志)(?:\s*[、，,]\s*各位(?:代表|委员|同志|列席人员))*\s*[：:！!，,。]?$/;
/** A paragraph that addresses the deputies: 各位代表，… / 各位代表！… */
export const ADDRESS_START = /^各位(?:代表|委员)/;
/** Back matter and source lines: 来源：… 注：… 名词解释 … */
export const NOTE_LINE = /^(?:来源|资料来源|信息来源|文章来源|本文来源|注|注释|备注|附注|说明|名词解释|编者按|原标题|责任编辑|编辑|附件)\s*[：:]/;
/** A heading line that starts a glossary/notes tail: everything after it is back matter. */
export const NOTES_HEADING = /^(?:附[：:]?\s*)?(?:名词解释|注释|附注|有关名词解释|本报告有关名词解释)\s*[：:]?$/;
/** 2024年1月10日 / 2024年1月X日 / 二〇二四年一月十日 */
export const DATE =
  /([12]\d{3}|[一二〇○零三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3}|[XxＸ×某]{1,2})\s*日/;
/** The congress at which the report is delivered. */
export const CONGRESS = /人民代表大会|代表大会|人民政治协商会议|会议上|大会上/;
/** Role and name of the speaker: 国务院总理 李强 / 市长 XXX / 代省长李殿勋作… / 市长 殷勇同志 */
export const SPEAKER =
  /((?:国务院)?总理|(?:代理|代)?(?:省长|市长|州长|盟长|县长|区长|旗长|主席|镇长|乡长))[\s\u2002\u3000]*([\u4e00-\u9fa5·Xx×某]{2,4}?)(?:同志)?(?=作|在|$|[\s）)，,。])/;
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
    /报告/.test(text) &&
    !/[，,。！？；;：:、]/.test(text) &&
    !PART_MARKER.test(text) &&
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
