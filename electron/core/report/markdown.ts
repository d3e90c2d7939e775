/**
 * Markdown → SourceLines: `#` lines become heading hints, `**bold**` at the start of a line is
 * kept as a bold hint (as in docx), and the remaining markup is stripped so that block text is
 * the report's words only.
 */
import { lineFromSegments, splitPlainText, type SourceLine } from './source';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Split `**bold**` / `__bold__` spans out of a line and drop the remaining inline markup. */
function inlineSegments(text: string): { text: string; bold: boolean }[] {
  const clean = (s: string) =>
    s
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      .replace(/(^|[^\\*])\*(?!\s)([^*\n]+?)\*(?!\*)/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/~~([^~]*)~~/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
  const segments: { text: string; bold: boolean }[] = [];
  const re = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g;
  let at = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(text));) {
    if (m.index > at) segments.push({ text: clean(text.slice(at, m.index)), bold: false });
    segments.push({ text: clean(m[2]), bold: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) segments.push({ text: clean(text.slice(at)), bold: false });
  return segments;
}

export function readMarkdown(text: string): SourceLine[] {
  return splitPlainText(text).map((raw) => {
    if (RULE.test(raw.text)) return { text: '', line: raw.line };
    let body = raw.text.replace(/^ {0,3}(?:>[ \t]?)+/, '');
    let level: number | undefined;
    const h = HEADING.exec(body);
    if (h) {
      level = h[1].length;
      body = h[2];
    } else {
      // List bullets are markup; a bare "- 3 -" page number is not a bullet.
      body = body.replace(/^[ \t]*[-*+][ \t]+(?=[^\d\s-])/, '');
    }
    return lineFromSegments(inlineSegments(body), raw.line, level);
  });
}
