/**
 * Names that leave the app: the report as every export title cites it, and the file names of
 * exports, chosen so a single draft's file never takes the name of a compiled list.
 */
import type { AmendmentFields, Draft, DraftFields } from './types';
import { normalizeForMatch } from './validate';
import { draftTitle, shorten } from './wording';
import { DRAFT_KINDS } from './kinds';

const GENRE = '政府工作报告';

/**
 * The report's name as exports cite it: every city's report is titled 政府工作报告, so a local one
 * is named with its region and year (咸宁市2024年政府工作报告); the State Council's gets the year
 * only. A title that already says either keeps it once; a report of another genre keeps its title.
 */
export function reportDisplayTitle(report: { title: string; region: string | null; year?: number | null }): string {
  const title = report.title.trim().replace(/^《|》$/gu, '');
  const at = title.indexOf(GENRE);
  if (at < 0) return title;
  let before = title.slice(0, at);
  const after = title.slice(at);
  const region = report.region?.trim() ?? '';
  const national = !region || /国务院|全国|中央/u.test(region);
  const regionStem = region.replace(/[省市县区州盟旗]$/u, '');
  if (!national && !title.includes(regionStem)) before = region + before;
  if (report.year && !/\d{4}\s*年/u.test(title)) before += `${report.year}年`;
  return before + after;
}

/** What a draft is called in a file name: its own title, or what it does (修改“地区生产总值”). */
export function draftFileStem(draft: Pick<Draft, 'kind' | 'title' | 'fields' | 'targets'>): string {
  const kind = DRAFT_KINDS[draft.kind]?.name ?? '意见稿';
  let name: string;
  switch (draft.kind) {
    case 'opinion': {
      const f = draft.fields as DraftFields['opinion'];
      name = draft.title.trim() || shorten(f.content, 20);
      break;
    }
    default:
      // without the passage: it is long, and the file is about one change
      name = draftTitle({ ...draft, targets: [] });
  }
  name = name.replace(/…$/u, '').trim();
  const unnamed = !name || name === kind || name.startsWith(`${kind}（`);
  return `${kind}-${unnamed ? '未命名' : name}`;
}

/**
 * Whether a draft holds something the user wrote, beyond what a new draft starts with (the quote,
 * the user's name and 代表团, today's date): deleting such a draft asks first.
 */
export function draftHasContent(draft: Pick<Draft, 'kind' | 'fields'>): boolean {
  const f = draft.fields as unknown as Record<string, string | undefined>;
  const has = (...keys: string[]) => keys.some((k) => (f[k] ?? '').trim() !== '');
  switch (draft.kind) {
    case 'amendment': {
      const a = draft.fields as AmendmentFields;
      const proposed = (a.proposed ?? '').trim();
      const changed = a.op === 'modify' ? proposed !== '' && normalizeForMatch(proposed) !== normalizeForMatch(a.original ?? '') : a.op === 'add' && proposed !== '';
      return changed || has('reason');
    }
    case 'opinion':
      return has('content');
    case 'suggestion':
      return has('title', 'coDeputies', 'content');
    case 'proposal':
      return has('title', 'coProposers', 'analysis', 'suggestions');
    default:
      return Object.values(f).some((v) => (v ?? '').trim() !== '');
  }
}
