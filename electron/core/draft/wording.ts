/**
 * The wording of drafts: the amendment sentence as the State Council's own amendment list
 * phrases it (see FORMATS.md and kinds/amendment.ts), and one-line titles for draft lists, each
 * kind's from its module. Places are cited by citation path (part, section, lead sentence), never
 * by page number, because pages differ between the consultation draft and the printed edition.
 */
import type { TitledDraft } from './kindModule';
import { kindModule } from './kinds/index';

/**
 * A one-line title for draft lists. Suggestions and proposals have a real title (关于……的建议/提案);
 * amendments and opinions are named by what they do and where, so a list of them stays readable.
 */
export function draftTitle(draft: TitledDraft): string {
  return kindModule(draft.kind).title(draft);
}

/** The sentence shown as a draft's wording: the amendment sentence, else the title. */
export function draftWording(draft: TitledDraft): string {
  return kindModule(draft.kind).wording(draft);
}

/** 1 → 一, 12 → 十二, 21 → 二十一: numbering as official documents write it. */
export function chineseNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}
