/**
 * HTML → SourceLines, for a report saved from a government website (.html/.htm, or saved as .txt).
 * A tag reader, not a browser: it only reads tags and text, never runs or fetches anything.
 * Block elements (<p>, <br>, <h1>–<h6>, <li>, <tr>, <div>…) end a line, table cells are kept apart
 * by tabs, <b>/<strong> at the start of a paragraph becomes the bold hint for lead sentences, and
 * page chrome (script, style, navigation, footers) is dropped.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
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

/** Does this text file hold a saved web page rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype\s+html|html|head|body|meta|div|p|h[1-6]|table)\b/i.test(text.slice(0, 2048));
}

function isBoldStyle(style: string | undefined): boolean {
  return style !== undefined && /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style);
}

function isChrome(attrs: Map<string, string>): boolean {
  return ['class', 'id'].some((name) => CHROME.test(attrs.get(name) ?? ''));
}

interface TagEvents {
  /** index: where the tag starts in the source. */
  open(tag: string, attrs: Map<string, string>, selfClosing: boolean, index: number): void;
  close(tag: string, index: number): void;
  /** Text between two tags, entities decoded; index: where it starts in the source. */
  text(text: string, index: number): void;
}

/**
 * Tags and text of a page as written, from htmlparser2's tokenizer (comments, doctype, CDATA,
 * script and style bodies, quoting and entities as a browser lexes them). Its Parser is not used:
 * it keeps open elements with Array#unshift and searches them on every end tag, which is
 * quadratic in the nesting depth. The reader below needs only the tags, as they come.
 */
function scanTags(html: string, events: TagEvents): void {
  let tag = '';
  let tagAt = 0;
  let attrs = new Map<string, string>();
  let attrName = '';
  let attrValue = '';
  // Text arrives in pieces (split at entities); a tag ends it. An array, not +=: a string built
  // from a million one-character entities is slow to flatten.
  let pending: string[] = [];
  let pendingAt = -1;
  const addText = (text: string, index: number) => {
    if (pendingAt < 0) pendingAt = index;
    pending.push(text);
  };
  const endText = () => {
    if (pendingAt >= 0) events.text(pending.join(''), pendingAt);
    pending = [];
    pendingAt = -1;
  };
  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => addText(html.slice(start, end), start),
    ontextentity: (codepoint, end) => addText(String.fromCodePoint(codepoint), end),
    onopentagname(start, end) {
      endText();
      tag = html.slice(start, end).toLowerCase();
      tagAt = start - 1;
      attrs = new Map();
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attrValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!attrs.has(attrName)) attrs.set(attrName, attrValue);
      attrValue = '';
    },
    onopentagend: () => events.open(tag, attrs, false, tagAt),
    onselfclosingtag: () => events.open(tag, attrs, true, tagAt),
    onclosetag(start, end) {
      endText();
      events.close(html.slice(start, end).toLowerCase(), start - 2);
    },
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend: endText,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
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

  const tagEvent = (tag: string, attrs: Map<string, string> | null, closing: boolean, selfClosing: boolean, index: number) => {
    if (drop) {
      if (tag === drop.tag && !selfClosing) drop.depth += closing ? -1 : 1;
      if (drop.depth === 0) drop = null;
      return;
    }
    if (!closing && !selfClosing && (DROP.has(tag) || ((tag === 'div' || tag === 'ul' || tag === 'p' || tag === 'section') && attrs && isChrome(attrs)))) {
      drop = { tag, depth: 1 };
      return;
    }

    if (tag === 'td' || tag === 'th') {
      if (!closing) {
        if (segments.length) text('\t', index);
        cell++;
      } else cell = Math.max(0, cell - 1);
      return;
    }
    if (BLOCK.has(tag)) {
      // Inside a table cell a paragraph is part of the cell, not a line of its own.
      if (cell > 0 && tag !== 'tr' && tag !== 'table') {
        text(' ', index);
        return;
      }
      if (tag === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      flush();
      inRow = tag === 'tr' && !closing;
      if (!closing && /^h[1-6]$/.test(tag)) heading = Number(tag[1]);
      if (tag === 'tr' || tag === 'table') cell = 0;
      return;
    }
    if (BOLD.has(tag)) {
      boldDepth = Math.max(0, boldDepth + (closing ? -1 : 1));
    } else if (tag === 'span' && !selfClosing) {
      if (!closing) {
        const bold = isBoldStyle(attrs?.get('style'));
        spanBold.push(bold);
        if (bold) boldDepth++;
      } else if (spanBold.pop()) boldDepth = Math.max(0, boldDepth - 1);
    }
  };

  scanTags(html, {
    open: (tag, attrs, selfClosing, index) => tagEvent(tag, attrs, false, selfClosing || VOID.has(tag), index),
    close: (tag, index) => tagEvent(tag, null, true, VOID.has(tag), index),
    text(raw, index) {
      if (drop) return;
      text(pre ? raw : raw.replace(/\s+/g, ' '), index);
      if (pre && raw.includes('\n')) {
        // Preformatted text keeps its own line breaks.
        const parts = segments.pop()!.text.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) flush();
          if (p) text(p, index);
        });
      }
    },
  });
  flush();
  return lines;
}
