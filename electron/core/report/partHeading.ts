/**
 * Part headings as copies mangle them: `一、2023年工作回顾　过去一年，…` (the heading and the
 * part's first paragraph on one line, a web or PDF copy lost the line break) and
 * `第一部分　2023年工作回顾` (the label and the name separated by a space). Works on the raw line,
 * before whitespace repair removes the space that tells heading from body.
 */
import { isUnnumberedPartHeading, partMarker, PART_LABEL } from './patterns';

const HEADING_PUNCT = /[，,。！？!?；;：:“”"]/;
/** The body after the heading: a real sentence, not the rest of a long heading. */
const BODY = /^[^、，,。！？!?；;：:）)”’]/;
const MAX_HEADING = 30;

function isBody(text: string): boolean {
  return text.length >= 10 && BODY.test(text) && /[，,。！？!?；;]/.test(text);
}

/**
 * Split `一、2023年工作回顾　过去一年，…` into heading and body. Null when the line is a heading
 * alone, or an enumerated sentence (一、坚持稳中求进，…), or anything unsure.
 */
export function splitInlinePartHeading(raw: string): { heading: string; body: string } | null {
  const t = raw.trim();
  const marker = partMarker(t);
  if (!marker) return null;
  const rest = t.slice(marker.length);
  // A space (not next to a digit or Latin letter: 2023 年 is typesetting) ends the heading.
  const space = /(?<=[^\sA-Za-z0-9])[\s\u3000\u00a0]+(?=[^\sA-Za-z0-9])/.exec(rest);
  if (space && space.index >= 2 && space.index <= MAX_HEADING) {
    const name = rest.slice(0, space.index);
    const body = rest.slice(space.index + space[0].length).trim();
    if (!HEADING_PUNCT.test(name) && isBody(body)) return { heading: t.slice(0, marker.length) + name, body };
  }
  // No space: the heading ends where a part name of the genre ends (…工作回顾 / …主要任务).
  for (let end = 4; end <= Math.min(MAX_HEADING, rest.length - 10); end++) {
    const name = rest.slice(0, end);
    if (HEADING_PUNCT.test(name[name.length - 1])) return null;
    if (!isUnnumberedPartHeading(name)) continue;
    let body = rest.slice(end);
    body = body.replace(/^[。．.]/, '');
    if (isBody(body)) return { heading: t.slice(0, marker.length) + name, body };
  }
  return null;
}

/** `第一部分　2023年工作回顾`: keep one space between the label and the name (whitespace repair drops it). */
export function labelledPartHeading(raw: string): { label: string; name: string } | null {
  const t = raw.trim();
  const m = PART_LABEL.exec(t);
  if (!m) return null;
  const name = t.slice(m[0].length);
  if (!name || name.length > MAX_HEADING + 10 || /[。！？!?；;]/.test(name)) return null;
  return { label: m[0].trim().replace(/[、：:．.]$/, ''), name };
}
