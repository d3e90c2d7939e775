/**
 * Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), the
 * interchange format of Hypothesis, Recogito and other annotation tools, so marks can leave
 * ReviewDesk without a custom format. One target per block the mark covers, each with a
 * TextPositionSelector and a TextQuoteSelector (the same pair ReviewDesk anchors with).
 */
import { createHash } from 'node:crypto';
import type { ExportAnnotation, WebAnnotationInput } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}
export interface WebAnnotationTarget {
  type: 'SpecificResource';
  source: string;
  selector: [TextPositionSelector, TextQuoteSelector];
  styleClass?: string;
}
export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
  language?: 'zh';
}
export interface WebAnnotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  body?: TextualBody[];
  target: WebAnnotationTarget[];
  stylesheet?: { type: 'CssStylesheet'; value: string };
}
export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label?: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `urn:uuid:` needs a UUID. Database ids are UUIDs already; anything else gets a stable
 * name-based (version 5 style) UUID so re-exporting gives the same id.
 */
export function urnUuid(id: string): string {
  if (UUID_RE.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  const h = createHash('sha1').update(`reviewdesk:${id}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The block as a resource: `urn:reviewdesk:report:<reportId>:version:<versionId>#<blockId>`. */
export function blockSource(reportId: string, versionId: string, blockId: string): string {
  const e = encodeURIComponent;
  return `urn:reviewdesk:report:${e(reportId)}:version:${e(versionId)}#${e(blockId)}`;
}

/** JavaScript string index → Unicode code point index, as TextPositionSelector counts. */
function codePointOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) i++; // a surrogate pair is one code point
    n++;
  }
  return n;
}

// Only plain colour values reach the stylesheet: it is CSS another tool may inject.
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

function styleClassFor(color: string): string | undefined {
  return SAFE_COLOR.test(color) ? `rd-hl-${color.replace('#', '').toLowerCase()}` : undefined;
}

function toAnnotation(a: ExportAnnotation, input: WebAnnotationInput, withContext: boolean): WebAnnotation {
  const styleClass = styleClassFor(a.color);
  const target: WebAnnotationTarget[] = a.targets.map((t) => {
    const text = input.blockText?.(t.blockId);
    const start = text === undefined ? t.start : codePointOffset(text, t.start);
    const end = text === undefined ? t.end : codePointOffset(text, t.end);
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: t.exact };
    if (t.prefix) quote.prefix = t.prefix;
    if (t.suffix) quote.suffix = t.suffix;
    return {
      type: 'SpecificResource',
      source: blockSource(input.reportId, input.versionId, t.blockId),
      selector: [{ type: 'TextPositionSelector', start, end }, quote],
      ...(styleClass ? { styleClass } : {}),
    };
  });
  const body: TextualBody[] = [];
  const note = a.note.trim();
  if (note) body.push({ type: 'TextualBody', value: note, purpose: 'commenting', format: 'text/plain', language: 'zh' });
  for (const tag of a.tags) if (tag.trim()) body.push({ type: 'TextualBody', value: tag.trim(), purpose: 'tagging' });
  return {
    ...(withContext ? { '@context': ANNO_CONTEXT } : {}),
    id: urnUuid(a.id),
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(a.author.trim() ? { creator: { type: 'Person' as const, name: a.author.trim() } } : {}),
    ...(body.length ? { body } : {}),
    target,
    ...(styleClass ? { stylesheet: { type: 'CssStylesheet' as const, value: `.${styleClass} { background-color: ${a.color}; }` } } : {}),
  };
}

/** Each annotation as a standalone JSON-LD document (with its own @context). */
export function toWebAnnotations(input: WebAnnotationInput): WebAnnotation[] {
  return input.annotations.filter((a) => a.targets.length > 0).map((a) => toAnnotation(a, input, true));
}

/** All annotations of a version as one AnnotationCollection with its single page embedded. */
export function toAnnotationCollection(input: WebAnnotationInput): AnnotationCollection {
  const items = input.annotations.filter((a) => a.targets.length > 0).map((a) => toAnnotation(a, input, false));
  const id = urnUuid(`collection:${input.reportId}:${input.versionId}`);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    ...(input.label ? { label: input.label } : {}),
    total: items.length,
    first: { id: urnUuid(`page:${input.reportId}:${input.versionId}:0`), type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The .jsonld file's text. */
export function webAnnotationJson(input: WebAnnotationInput, shape: 'collection' | 'array' = 'collection'): string {
  const value = shape === 'collection' ? toAnnotationCollection(input) : toWebAnnotations(input);
  return JSON.stringify(value, null, 2) + '\n';
}
