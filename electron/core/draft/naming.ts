/**
 * Names that leave the app: the report as every export title cites it, and the file names of
 * exports, chosen so a single draft's file never takes the name of a compiled list.
 */
import type { Draft } from './types';
import type { TitledDraft } from './kindModule';
import { draftTitle } from './wording';
import { findKindModule } from './kinds/index';

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
export function draftFileStem(draft: TitledDraft): string {
  const mod = findKindModule(draft.kind);
  const kind = mod?.spec.name ?? '意见稿';
  // without the passage: it is long, and the file is about one change
  let name = !mod ? draft.title : mod.fileStem ? mod.fileStem(draft) : draftTitle({ ...draft, targets: [] });
  name = name.replace(/…$/u, '').trim();
  const unnamed = !name || name === kind || name.startsWith(`${kind}（`);
  return `${kind}-${unnamed ? '未命名' : name}`;
}

/**
 * Whether a draft holds something the user wrote, beyond what a new draft starts with (the quote,
 * the user's name and 代表团, today's date): deleting such a draft asks first.
 */
export function draftHasContent(draft: Pick<Draft, 'kind' | 'fields'>): boolean {
  const mod = findKindModule(draft.kind);
  if (mod) return mod.hasContent(draft.fields);
  // a kind from a newer app: anything written counts
  return Object.values(draft.fields as Record<string, string | undefined>).some((v) => (v ?? '').trim() !== '');
}
