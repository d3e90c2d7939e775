/**
 * 审议意见 arranged as a delegation's secretariat writes its 简报 (FORMATS.md): per 代表团 (or
 * 界别/小组), the passages discussed in reading order, and under each passage every speaker's
 * points. Pure: the docx and Markdown exporters lay out the same sections.
 */
import type { OpinionItem } from './types';
import { chineseDay } from '../../common/localTime';

export interface BriefingPassage {
  /** citation path; empty for remarks on the report as a whole */
  path: string;
  quote?: string;
  remarks: { speaker: string; content: string; date: string }[];
}

export interface BriefingGroup {
  /** 代表团 / 小组 / 界别 as the opinions state it; empty when none does */
  delegation: string;
  passages: BriefingPassage[];
}

/** Groups in the order their first opinion comes (items arrive in reading order); passages likewise. */
export function briefingGroups(items: readonly OpinionItem[]): BriefingGroup[] {
  const groups = new Map<string, { group: BriefingGroup; byPath: Map<string, BriefingPassage> }>();
  for (const o of items) {
    const delegation = o.delegation.trim();
    let g = groups.get(delegation);
    if (!g) groups.set(delegation, (g = { group: { delegation, passages: [] }, byPath: new Map() }));
    const key = o.path.trim();
    let p = g.byPath.get(key);
    if (!p) {
      p = { path: key, ...(o.quote?.trim() ? { quote: o.quote.trim() } : {}), remarks: [] };
      g.byPath.set(key, p);
      g.group.passages.push(p);
    }
    p.remarks.push({ speaker: o.author.trim(), content: o.content, date: chineseDay(o.date) });
  }
  return [...groups.values()].map((g) => g.group);
}

/** 关于第二部分“……”一段 · 关于报告总体 */
export function passageHeading(path: string): string {
  return path ? `关于${path}` : '关于报告总体';
}

export const NO_DELEGATION = '未注明代表团';
