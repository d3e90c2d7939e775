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
  authorKey,
  draftHasContent,
  draftTitle,
  draftToMarkdown,
  emptyFields,
  passagePositions,
  reportDisplayTitle,
  sameAuthor,
  statedAffiliation,
  validateDraft,
  withPositions,
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
  /** which forms come first: 工作人员 (staff of a delegation's secretariat) work like deputies */
  role: Role;
  /** 人大代表 / 政协委员 / 工作人员 as the user chose */
  identity: Role | 'staff';
  delegation: string;
  sector: string;
  contact: string;
}

export function authorSettings(store: Store): AuthorSettings {
  const get = (k: string) => store.settings.get(k)?.trim() ?? '';
  const identity = get('author.role');
  return {
    name: get('author.name'),
    role: identity === 'member' ? 'member' : 'deputy',
    identity: identity === 'member' || identity === 'staff' ? identity : 'deputy',
    delegation: get('author.delegation'),
    sector: get('author.sector'),
    contact: get('author.contact'),
  };
}

/** 代表团 for deputies, 界别 for members (either box may hold it). */
export function affiliationOf(a: AuthorSettings): string {
  return a.role === 'member' ? a.sector || a.delegation : a.delegation || a.sector;
}

/**
 * The 代表团 / 界别 printed after a draft's 提出人: what the draft itself says, else the user's own
 * when it is theirs, else what the author's other drafts say (`known`, see affiliationsByAuthor).
 * Never the user's own for someone else's draft.
 */
export function affiliationFor(d: Pick<Draft, 'author' | 'kind' | 'fields'>, me: AuthorSettings, known?: Map<string, string>): string {
  const stated = statedAffiliation(d);
  if (stated) return stated;
  if (!d.author.trim()) return '';
  if (me.name && sameAuthor(d.author, me.name)) return affiliationOf(me);
  return known?.get(authorKey(d.author)) ?? '';
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

/**
 * Blocks per version, and where each is as exports cite it. A version's blocks never change
 * after import, so caching them is safe.
 */
export function blockCache(store: Store, size = 8) {
  const cache = new Map<string, { blocks: Block[]; byId: Map<string, Block>; position: (blockId: string) => string | undefined }>();
  return (versionId: string) => {
    let hit = cache.get(versionId);
    if (!hit) {
      const blocks = store.reports.blocksOf(versionId);
      hit = { blocks, byId: new Map(blocks.map((b) => [b.id, b])), position: passagePositions(blocks) };
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

/** A stored draft as a core Draft whose targets cite their passages as FORMATS.md asks. */
export function positionedDraft(blocks: BlockCache, stored: StoredDraft): Draft {
  const draft = toDraft(stored);
  let position: (id: string) => string | undefined = () => undefined;
  try {
    position = blocks(draft.versionId).position;
  } catch {
    // a version that is gone keeps the stored paths
  }
  return withPositions(draft, position);
}

export function viewOf(store: Store, blocks: BlockCache, stored: StoredDraft): DraftView {
  const draft = positionedDraft(blocks, stored);
  const { byId } = blocks(draft.versionId);
  const label = isDraftKind(draft.kind) ? draftTitle(draft) : draft.title;
  const wording =
    draft.kind === 'amendment' ? amendmentWording(draft.fields as AmendmentFields, { path: draft.targets[0]?.path }) : label;
  const validation = validateDraft(draft, { blockText: (id) => byId.get(id)?.text });
  let preview = '';
  try {
    const { report, versionLabel } = reportLabels(store, draft.versionId);
    preview = draftToMarkdown(draft, { reportTitle: report, versionLabel, affiliation: affiliationFor(draft, authorSettings(store)) });
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
    position: draft.targets[0]?.path ?? '',
    hasContent: isDraftKind(draft.kind) && draftHasContent(draft),
  };
}

export { reportDisplayTitle };

export function reportLabels(store: Store, versionId: string): { report: string; versionLabel: string } {
  const v = store.reports.getVersionInfo(versionId);
  return { report: reportDisplayTitle(store.reports.get(v.reportId)), versionLabel: v.label };
}
