/**
 * Front matter: title, date and speaker lines, source notes and the opening address, before the
 * body starts. Some copies merge them into one line (政府工作报告——2024年3月5日在…上国务院总理 李强);
 * those are split into a title block and meta blocks.
 */
import { DATE, NOTE_LINE, PART_MARKER, SALUTATION, SECTION_MARKER, SPEAKER, isMetaLike, isTitleLike } from './patterns';
export { BARE_NAME };
import type { SourceLine } from './source';
import type { BlockKind } from './types';

export interface FrontBlock {
  kind: Extract<BlockKind, 'title' | 'meta' | 'note' | 'salutation'>;
  text: string;
  line: SourceLine;
}

/** Front matter is at most this many lines; after that we are in the body. */
const MAX_FRONT_LINES = 8;

/** 政府工作报告——2024年… / 政府工作报告（2024年…）: the title glued to its meta line. */
const MERGED_TITLE = /^(.{2,40}?报告)\s*((?:——|—|（|\().+)$/;
/** ——2024年3月5日在…会议上 | 国务院总理 李强 */
const DATE_THEN_SPEAKER = /^(.*?(?:[会會][议議]|大[会會])上[）)]?)\s*(.+)$/;

function isSpeakerOnly(text: string): boolean {
  const m = SPEAKER.exec(text);
  return !!m && text.length <= 25 && !/作|报告|。/.test(text) && m.index + m[0].length >= text.length - 3;
}

function metaBlocks(text: string, line: SourceLine): FrontBlock[] {
  const m = DATE_THEN_SPEAKER.exec(text);
  if (m && m[2] && isSpeakerOnly(m[2].trim())) {
    return [
      { kind: 'meta', text: m[1], line },
      { kind: 'meta', text: m[2].trim(), line },
    ];
  }
  return [{ kind: 'meta', text, line }];
}

function isTitleLine(line: SourceLine, index: number): boolean {
  const t = line.text;
  if (PART_MARKER.test(t) || SECTION_MARKER.test(t)) return false;
  if (isTitleLike(t)) return true;
  // A first line in bold or in a title/heading style, without sentences, is the title.
  return index === 0 && (line.allBold === true || line.headingLevel !== undefined) && t.length <= 40 && !/[。！？，,]/.test(t);
}

/**
 * A long title set on two lines: 关于2024年国民经济和社会发展计划执行情况 | 与2025年…草案的报告.
 * The first half has no punctuation and the two make a title together.
 */
function twoLineTitle(lines: SourceLine[], i: number): string | null {
  const a = lines[i]?.text;
  const b = lines[i + 1]?.text;
  if (!a || !b || a.length > 50 || /[，,。！？；;：:、]/.test(a) || /[报報]告/.test(a)) return null;
  if (PART_MARKER.test(a) || SECTION_MARKER.test(a) || isMetaLike(a)) return null;
  const joined = a + b;
  return /[报報]告$/.test(b) && !/[，,。！？；;：:、]/.test(b) && joined.length <= 90 ? joined : null;
}

/** The body that delivers a plan or budget report: 国家发展和改革委员会 / 江城市财政局 / 财政部. */
const ISSUER = /^[\u4e00-\u9fa5]{2,24}(?:委[员員][会會]|部|[厅廳]|局|[办辦]公室|人民政府)$/;

/** The speaker's bare name under the date line (政协 reports often print only the name): 王沪宁. */
const BARE_NAME = /^[\u4e00-\u9fa5·]{2,4}(?:同志)?$/;

function isDateOnly(text: string): boolean {
  return DATE.test(text) && text.length <= 40 && !/[。！？]/.test(text.slice(0, -1));
}

/** Split leading front-matter lines off the body. */
export function splitFrontMatter(lines: SourceLine[]): { front: FrontBlock[]; bodyStart: number } {
  const front: FrontBlock[] = [];
  let hasTitle = false;
  let i = 0;
  for (; i < lines.length && i < MAX_FRONT_LINES; i++) {
    const line = lines[i];
    const t = line.text;
    if (NOTE_LINE.test(t) && t.length <= 80) {
      front.push({ kind: 'note', text: t, line });
      continue;
    }
    if (!hasTitle) {
      const merged = MERGED_TITLE.exec(t);
      if (merged && isMetaLike(merged[2])) {
        hasTitle = true;
        front.push({ kind: 'title', text: merged[1], line });
        front.push(...metaBlocks(merged[2], line));
        continue;
      }
      if (isTitleLine(line, i)) {
        hasTitle = true;
        front.push({ kind: 'title', text: t, line });
        continue;
      }
      const long = twoLineTitle(lines, i);
      if (long) {
        hasTitle = true;
        front.push({ kind: 'title', text: long, line });
        i++;
        continue;
      }
    }
    const afterDate = front.some((f) => f.kind === 'meta');
    if (isMetaLike(t) || isDateOnly(t) || (front.length > 0 && isSpeakerOnly(t)) || (afterDate && (ISSUER.test(t) || BARE_NAME.test(t)))) {
      front.push(...metaBlocks(t, line));
      continue;
    }
    if (SALUTATION.test(t)) {
      front.push({ kind: 'salutation', text: t, line });
      i++;
    }
    break;
  }
  return { front, bodyStart: i };
}
