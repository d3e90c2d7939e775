/**
 * Drafts as the app hands them out: the stored record turned into a core Draft, plus what the
 * renderer cannot compute (it may not import core): validation, the official wording, and the
 * Markdown of the exported layout. Also the author's settings every draft and export needs.
 * The API handlers are thin wrappers around this service.
 */
import type { Store } from '../store';
import type { StoredDraft } from '../store/drafts';
import type { AnchorStatus } from '../anchor/types';
import type { Block } from '../report/types';
import type { Role } from '../common/vocabulary';
import { ReviewDeskError } from '../errors';
import type { ValidationResult } from './kindModule';
import type { Draft, DraftKind, DraftStatus } from './types';
import { findKindModule, isDraftKind, kindModule } from './kinds/index';
import { normalizeFields } from './stored';
import { validateDraft } from './validate';
import { draftTitle, draftWording } from './wording';
import { draftToMarkdown } from './export/markdown';
import { passagePositions, withPositions } from './position';
import { authorKey, sameAuthor, statedAffiliation } from './authorship';
import { draftHasContent, reportDisplayTitle } from './naming';
import { recentCache } from '../common/recentCache';

export { isDraftKind, reportDisplayTitle };

/** A draft as the UI gets it: the record plus everything the renderer cannot compute itself (the API's DraftView). */
export interface DraftViewModel extends Draft {
  deletedAt: string | null;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  /** One-line name for lists (关于……的建议, or 第二部分（一）…：修改“……”). */
  label: string;
  /** The amendment sentence (将“A”修改为“B”…) for amendments; the label for other kinds. */
  wording: string;
  validation: ValidationResult;
  /** Markdown of this draft in its exported layout. */
  preview: string;
  /**
   * Where the passage is, as exports cite it: 第二部分“小标题”中“段首语”一段 (FORMATS.md); '' when the
   * draft points at no passage. `targets[].path` carries the same citation per target.
   */
  position: string;
  /** Holds something the user wrote (not only what a new draft starts with): deleting it asks first. */
  hasContent: boolean;
}

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

/** Rejects field keys the kind does not have: a 案由 on an amendment is a caller bug, not data to keep. */
export function checkFieldKeys(kind: DraftKind, fields: Record<string, unknown> | undefined): void {
  if (!fields) return;
  const spec = kindModule(kind).spec;
  const known = new Set<string>(spec.fields.map((f) => f.key));
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new ReviewDeskError('draft/unknown-field', `${spec.name}没有这些项：${unknown.slice(0, 5).join('、')}`);
  }
}

/**
 * Blocks per version, and where each is as exports cite it. A version's blocks never change
 * after import, so caching them is safe.
 */
export function blockCache(store: Store, size = 8) {
  const cache = recentCache<{ blocks: Block[]; byId: Map<string, Block>; position: (blockId: string) => string | undefined }>(size);
  return (versionId: string) =>
    cache.get(versionId, () => {
      const blocks = store.reports.blocksOf(versionId);
      return { blocks, byId: new Map(blocks.map((b) => [b.id, b])), position: passagePositions(blocks) };
    });
}
export type BlockCache = ReturnType<typeof blockCache>;

/**
 * The stored record as a core Draft. The store has already parsed its fields for the kind
 * (parseStoredFields); normalising them again here is what types them, and costs nothing.
 * A kind this app does not know (a row from a newer one) passes through with its fields as
 * stored: every consumer looks the kind up (findKindModule) and reports or skips it.
 */
export function toDraft(d: StoredDraft): Draft {
  const common = {
    id: d.id,
    reportId: d.reportId,
    versionId: d.versionId,
    title: d.title,
    status: d.status as DraftStatus,
    author: d.author,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    targets: d.targets.map((t) => ({ ...t, path: t.path ?? '' })),
  };
  if (isDraftKind(d.kind)) return { ...common, kind: d.kind, fields: normalizeFields(d.kind, d.fields) };
  return { ...common, kind: d.kind, fields: d.fields } as unknown as Draft;
}

/** A stored draft as a core Draft whose targets cite their passages as FORMATS.md asks. */
export function positionedDraft(blocks: BlockCache, stored: StoredDraft): Draft {
  const draft = toDraft(stored);
  let position: (id: string) => string | undefined = () => undefined;
  try {
    position = blocks(draft.versionId).position;
  } catch (e) {
    // a version that is gone keeps the stored paths; anything else is a real failure
    if (!(e instanceof ReviewDeskError)) throw e;
  }
  return withPositions(draft, position);
}

export function reportLabels(store: Store, versionId: string): { report: string; versionLabel: string } {
  const v = store.reports.getVersionInfo(versionId);
  return { report: reportDisplayTitle(store.reports.get(v.reportId)), versionLabel: v.label };
}

/**
 * A stored draft with everything the UI shows beside it. A draft of a kind this app does not
 * know still appears in lists (under its stored title, flagged by validation, without preview);
 * any other failure propagates.
 */
export function viewOf(store: Store, blocks: BlockCache, stored: StoredDraft): DraftViewModel {
  const draft = positionedDraft(blocks, stored);
  const { byId } = blocks(draft.versionId);
  const known = findKindModule(draft.kind) !== undefined;
  const label = known ? draftTitle(draft) : draft.title;
  const validation = validateDraft(draft, { blockText: (id) => byId.get(id)?.text });
  let preview = '';
  if (known) {
    const { report, versionLabel } = reportLabels(store, draft.versionId);
    preview = draftToMarkdown(draft, { reportTitle: report, versionLabel, affiliation: affiliationFor(draft, authorSettings(store)) });
  }
  return {
    ...draft,
    deletedAt: stored.deletedAt,
    anchorStatus: stored.anchorStatus,
    anchorScore: stored.anchorScore,
    label,
    wording: known ? draftWording(draft) : label,
    validation,
    preview,
    position: draft.targets[0]?.path ?? '',
    hasContent: known && draftHasContent(draft),
  };
}
