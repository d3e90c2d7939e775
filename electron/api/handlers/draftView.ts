/**
 * Drafts as the API hands them out: the stored record turned into a core Draft, plus what the
 * renderer cannot compute (it may not import core): validation, the official wording, and the
 * Markdown of the exported layout. Also the author's settings every draft and export needs.
 */
import type { Store } from '../../core/store';
import type { StoredDraft } from '../../core/store/drafts';
import type { Block } from '../../core/report/types';
import {
  DRAFT_KINDS,
  amendmentWording,
  draftTitle,
  draftToMarkdown,
  emptyFields,
  validateDraft,
  type AmendmentFields,
  type Draft,
  type DraftKind,
  type DraftStatus,
  type FieldSpec,
  type Role,
} from '../../core/draft';
import { ReviewDeskError } from '../../core/errors';
import type { DraftView } from '../contract/drafts';

/** The user's signature as kept in 设置. */
export interface AuthorSettings {
  name: string;
  role: Role;
  delegation: string;
  sector: string;
  contact: string;
}

export function authorSettings(store: Store): AuthorSettings {
  const get = (k: string) => store.settings.get(k)?.trim() ?? '';
  return {
    name: get('author.name'),
    role: get('author.role') === 'member' ? 'member' : 'deputy',
    delegation: get('author.delegation'),
    sector: get('author.sector'),
    contact: get('author.contact'),
  };
}

/** 代表团 for deputies, 界别 for members (设置 has one box for both, so either may hold it). */
export function affiliationOf(a: AuthorSettings): string {
  return a.role === 'member' ? a.sector || a.delegation : a.delegation || a.sector;
}

export function isDraftKind(kind: string): kind is DraftKind {
  return Object.prototype.hasOwnProperty.call(DRAFT_KINDS, kind);
}

/** Rejects field keys the kind does not have: a 案由 on an amendment is a caller bug, not data to keep. */
export function checkFieldKeys(kind: DraftKind, fields: Record<string, unknown> | undefined): void {
  if (!fields) return;
  const known = new Set<string>((DRAFT_KINDS[kind].fields as FieldSpec[]).map((f) => f.key));
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new ReviewDeskError('draft/unknown-field', `${DRAFT_KINDS[kind].name}没有这些项：${unknown.slice(0, 5).join('、')}`);
  }
}

/** Blocks per version. A version's blocks never change after import, so caching them is safe. */
export function blockCache(store: Store, size = 8) {
  const cache = new Map<string, { blocks: Block[]; byId: Map<string, Block> }>();
  return (versionId: string) => {
    let hit = cache.get(versionId);
    if (!hit) {
      const blocks = store.reports.blocksOf(versionId);
      hit = { blocks, byId: new Map(blocks.map((b) => [b.id, b])) };
      cache.set(versionId, hit);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return hit;
  };
}
export type BlockCache = ReturnType<typeof blockCache>;

/** The stored record as a core Draft; fields missing from an older row get their empty value. */
export function toDraft(d: StoredDraft): Draft {
  const base = isDraftKind(d.kind) ? (emptyFields(d.kind) as unknown as Record<string, string>) : {};
  return {
    id: d.id,
    reportId: d.reportId,
    versionId: d.versionId,
    kind: d.kind as DraftKind,
    title: d.title,
    fields: { ...base, ...d.fields } as unknown as Draft['fields'],
    status: d.status as DraftStatus,
    author: d.author,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    targets: d.targets.map((t) => ({ ...t, path: t.path ?? '' })),
  };
}

export function viewOf(store: Store, blocks: BlockCache, stored: StoredDraft): DraftView {
  const draft = toDraft(stored);
  const { byId } = blocks(draft.versionId);
  const label = isDraftKind(draft.kind) ? draftTitle(draft) : draft.title;
  const wording =
    draft.kind === 'amendment' ? amendmentWording(draft.fields as AmendmentFields, { path: draft.targets[0]?.path }) : label;
  const validation = validateDraft(draft, { blockText: (id) => byId.get(id)?.text });
  let preview = '';
  try {
    const { report, versionLabel } = reportLabels(store, draft.versionId);
    preview = draftToMarkdown(draft, { reportTitle: report, versionLabel, affiliation: affiliationOf(authorSettings(store)) });
  } catch {
    // An unknown kind from an old database: the list still shows it, the preview stays empty.
  }
  return {
    ...draft,
    deletedAt: stored.deletedAt,
    anchorStatus: stored.anchorStatus,
    anchorScore: stored.anchorScore,
    label,
    wording,
    validation,
    preview,
  };
}

/**
 * The report's name as a compiled list cites it: every city's report is titled 政府工作报告, so a
 * local one is named with its region (咸宁市政府工作报告). The State Council's is not prefixed.
 */
export function reportDisplayTitle(report: { title: string; region: string | null }): string {
  const region = report.region?.trim() ?? '';
  if (!region || /国务院|全国|中央/.test(region) || report.title.includes(region)) return report.title;
  return report.title.startsWith('政府工作报告') ? region + report.title : report.title;
}

export function reportLabels(store: Store, versionId: string): { report: string; versionLabel: string } {
  const v = store.reports.getVersionInfo(versionId);
  return { report: reportDisplayTitle(store.reports.get(v.reportId)), versionLabel: v.label };
}
