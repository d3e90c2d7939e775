/**
 * HTML → SourceLines, for a report saved from a government website (.html/.htm, or saved as .txt).
 * A small tag stripper, not a browser: it only reads tags and text, never runs or fetches anything.
 * Block elements (<p>, <br>, <h1>–<h6>, <li>, <tr>, <div>…) end a line, table cells are kept apart
 * by tabs, <b>/<strong> at the start of a paragraph becomes the bold hint for lead sentences, and
 * page chrome (script, style, navigation, footers) is dropped.
 */
import { lineFromSegments, type SourceLine } from './source';

/** Elements whose content is never report text. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'button',
  'textarea',
  'nav',
  'aside',
  'footer',
  'form',
]);
/** Site furniture marked by class or id: navigation, breadcrumbs, share bars, footers. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|foot|sidebar|share|toolbar|copyright|bottom)(?:$|[\s_-])/i;
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'section',
  'article',
  'main',
  'header',
  'blockquote',
  'pre',
  'center',
  'figure',
  'figcaption',
  'address',
  'body',
  'html',
  'title',
]);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track']);
const BOLD = new Set(['b', 'strong']);

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  copy: '©',
  reg: '®',
  deg: '°',
  plusmn: '±',
  yen: '¥',
  permil: '‰',
  laquo: '«',
  raquo: '»',
  shy: '',
  zwsp: '',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  le: '≤',
  ge: '≥',
  ne: '≠',
  larr: '←',
  rarr: '→',
  minus: '−',
  percnt: '%',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,10});/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[e] ?? NAMED[e.toLowerCase()] ?? m;
  });
}

/** Does this text file hold a saved web page rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype\s+html|html|head|body|meta|div|p|h[1-6]|table)\b/i.test(text.slice(0, 2048));
}

function isBoldStyle(attrs: string): boolean {
  return /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(attrs);
}

function isChrome(attrs: string): boolean {
  const cls = /\b(?:class|id)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (let m: RegExpExecArray | null; (m = cls.exec(attrs));) if (CHROME.test(m[2] ?? m[3] ?? m[4] ?? '')) return true;
  return false;
}

export function readHtml(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let segments: { text: string; bold: boolean }[] = [];
  let heading: number | undefined;
  let lineNo = 1;
  let countedTo = 0;
  let startLine = 1;
  let boldDepth = 0;
  const spanBold: boolean[] = [];
  let pre = 0;
  let cell = 0;
  let drop: { tag: string; depth: number } | null = null;

  const at = (index: number) => {
    for (let i = countedTo; i < index; i++) if (html.charCodeAt(i) === 10) lineNo++;
    countedTo = Math.max(countedTo, index);
    return lineNo;
  };
  let inRow = false;
  const flush = () => {
    if (segments.some((s) => s.text.trim())) {
      const line = lineFromSegments(segments, startLine, heading);
      if (inRow && line.text.includes('\t')) line.tableRow = true;
      lines.push(line);
    }
    segments = [];
    heading = undefined;
  };
  const text = (s: string, index: number) => {
    if (!s) return;
    if (segments.length === 0) startLine = at(index);
    segments.push({ text: s, bold: boldDepth > 0 });
  };

  // Comments (including Word's conditional comments), CDATA and processing instructions go first.
  const source = html.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) => m.replace(/[^\n]/g, ' '));
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<![^>]*>|([^<]+)|</g;
  for (let m: RegExpExecArray | null; (m = re.exec(source));) {
    if (m[4] !== undefined || (m[0] === '<' && m[2] === undefined)) {
      if (drop) continue;
      const raw = decodeEntities(m[4] ?? '<');
      text(pre ? raw : raw.replace(/[\s]+/g, ' '), m.index);
      if (pre && raw.includes('\n')) {
        // Preformatted text keeps its own line breaks.
        const parts = segments.pop()!.text.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) flush();
          if (p) text(p, m!.index);
        });
      }
      continue;
    }
    if (m[2] === undefined) continue; // <!doctype …>, <![if …]>
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    const selfClosing = /\/\s*$/.test(attrs) || VOID.has(tag);

    if (drop) {
      if (tag === drop.tag && !selfClosing) drop.depth += closing ? -1 : 1;
      if (drop.depth === 0) drop = null;
      continue;
    }
    if (!closing && !selfClosing && (DROP.has(tag) || ((tag === 'div' || tag === 'ul' || tag === 'p' || tag === 'section') && isChrome(attrs)))) {
      drop = { tag, depth: 1 };
      continue;
    }

    if (tag === 'td' || tag === 'th') {
      if (!closing) {
        if (segments.length) text('\t', m.index);
        cell++;
      } else cell = Math.max(0, cell - 1);
      continue;
    }
    if (BLOCK.has(tag)) {
      // Inside a table cell a paragraph is part of the cell, not a line of its own.
      if (cell > 0 && tag !== 'tr' && tag !== 'table') {
        text(' ', m.index);
        continue;
      }
      if (tag === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      flush();
      inRow = tag === 'tr' && !closing;
      if (!closing && /^h[1-6]$/.test(tag)) heading = Number(tag[1]);
      if (tag === 'tr' || tag === 'table') cell = 0;
      continue;
    }
    if (BOLD.has(tag)) {
      boldDepth = Math.max(0, boldDepth + (closing ? -1 : 1));
    } else if (tag === 'span' && !selfClosing) {
      if (!closing) {
        const bold = isBoldStyle(attrs);
        spanBold.push(bold);
        if (bold) boldDepth++;
      } else if (spanBold.pop()) boldDepth = Math.max(0, boldDepth - 1);
    }
  }
  flush();
  return lines;
}
