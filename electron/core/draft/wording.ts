/**
 * The wording of an amendment as the State Council's own amendment list phrases it
 * (see FORMATS.md): `将“原文”修改为“新文”`, `删去“……”`, `在…一段，增加“……”`.
 * Places are cited by citation path (part, section, lead sentence), never by page number,
 * because pages differ between the consultation draft and the printed edition.
 */
import type { AmendmentFields, Draft, DraftKind, DraftFields } from './types';

/**
 * Wraps text in Chinese double quotes. Quotation marks already inside are demoted one level
 * (“” → ‘’, and ‘’ → “” for a third level) as Chinese typesetting nests them; ASCII double
 * quotes, common in newspaper copies with half-width punctuation, become ‘’ pairs.
 */
export function quote(text: string): string {
  return `“${nestQuotes(text)}”`;
}

/** Demotes the quotation marks of text that is about to be put inside “”. */
export function nestQuotes(text: string): string {
  let asciiOpen = true;
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '“':
        out += '‘';
        break;
      case '”':
        out += '’';
        break;
      case '‘':
        out += '“';
        break;
      case '’':
        out += '”';
        break;
      case '"':
        out += asciiOpen ? '‘' : '’';
        asciiOpen = !asciiOpen;
        break;
      default:
        out += ch;
    }
  }
  return out;
}

export interface WordingOptions {
  /** Where the passage is, e.g. 第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段. Omit for the bare form. */
  path?: string;
}

/**
 * The amendment sentence, located as the State Council's list words it
 * (`在第X部分“小标题”中“段首语”一段，…`, see position.ts for the path):
 * - modify: `将“A”修改为“B”`            · located: `在{path}，将“A”修改为“B”`
 * - delete: `删去“A”`                     · located: `在{path}，删去“A”`
 * - add after a quote: `在“A”后增加“B”`  · located: `在{path}，“A”后增加“B”`
 * - add with no quote (appends to the passage): located `在{path}，增加“B”`; bare `增加“B”`
 */
export function amendmentWording(
  fields: Pick<AmendmentFields, 'op' | 'original' | 'proposed'>,
  opts: WordingOptions = {},
): string {
  const path = opts.path?.trim() ?? '';
  const original = fields.original.trim();
  const proposed = fields.proposed.trim();
  switch (fields.op) {
    case 'modify': {
      const core = `将${quote(original)}修改为${quote(proposed)}`;
      return path ? `在${path}，${core}` : core;
    }
    case 'delete': {
      const core = `删去${quote(original)}`;
      return path ? `在${path}，${core}` : core;
    }
    case 'add': {
      if (!original) return path ? `在${path}，增加${quote(proposed)}` : `增加${quote(proposed)}`;
      return path ? `在${path}，${quote(original)}后增加${quote(proposed)}` : `在${quote(original)}后增加${quote(proposed)}`;
    }
  }
}

const KIND_NAMES: Record<DraftKind, string> = {
  amendment: '修改意见',
  opinion: '审议意见',
  suggestion: '代表建议',
  proposal: '政协提案',
};

/** Cuts text to `max` characters (code points) with an ellipsis, for list titles. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('') + '…';
}

/**
 * A long citation cut for a one-line label: the passage's own words (its lead sentence) tell
 * paragraphs apart, the part and heading in front of them do not, so the front goes.
 */
export function shortPath(path: string, max = 24): string {
  if ([...path].length <= max) return path;
  const lead = path.lastIndexOf('中“');
  const tail = lead > 0 ? path.slice(lead + 1) : path;
  return [...tail].length < [...path].length ? shorten(`…${tail}`, max) : shorten(path, max);
}

/**
 * A one-line title for draft lists. Suggestions and proposals have a real title (关于……的建议/提案);
 * amendments and opinions are named by what they do and where, so a list of them stays readable.
 */
export function draftTitle(draft: Pick<Draft, 'kind' | 'title' | 'fields' | 'targets'>): string {
  const path = draft.targets[0]?.path?.trim() ?? '';
  switch (draft.kind) {
    case 'amendment': {
      const f = draft.fields as DraftFields['amendment'];
      const verb = f.op === 'modify' ? '修改' : f.op === 'delete' ? '删去' : '增加';
      const subject = f.op === 'add' ? f.proposed || f.original : f.original;
      const what = subject.trim() ? `${verb}${quote(shorten(subject, 16))}` : KIND_NAMES.amendment;
      return path ? `${shortPath(path)}：${what}` : what;
    }
    case 'opinion': {
      const f = draft.fields as DraftFields['opinion'];
      if (draft.title.trim()) return draft.title.trim();
      const gist = f.content.trim() ? shorten(f.content, 20) : '（未填写）';
      return path ? `${shortPath(path)}：${gist}` : `审议意见：${gist}`;
    }
    case 'suggestion':
    case 'proposal': {
      const f = draft.fields as DraftFields['suggestion'] | DraftFields['proposal'];
      const t = f.title.trim() || draft.title.trim();
      return t || `${KIND_NAMES[draft.kind]}（未命名）`;
    }
  }
}

/** 1 → 一, 12 → 十二, 21 → 二十一: numbering as official documents write it. */
export function chineseNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}
