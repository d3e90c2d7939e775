/**
 * 代表团汇总's list of marks: every member's annotations on every live version of a report — those
 * carried to the newest version and those left on older ones — with their text, one page at a
 * time. The heat map counts marks; this is where the secretariat reads them.
 */
import type { AnchorStatus, Color } from '../common/vocabulary';
import type { BlockCache } from '../draft/view';
import { authorKey, joinedQuote, sameAuthor } from '../draft/text';
import type { Store } from '../store';
import { NOTE_CHARS, QUOTE_CHARS, type DelegationAnnotationRow } from '../store/delegation';

/** passage: in reading order of the version being read; member: by person, then reading order. */
export const DELEGATION_MARK_ORDERS = ['passage', 'member'] as const;
export type DelegationMarkOrder = (typeof DELEGATION_MARK_ORDERS)[number];

/** One page is at most this long: a delegation may hold thousands of marks. */
export const DELEGATION_MARKS_MAX_PAGE = 200;

export interface DelegationMark {
  id: string;
  /** the person as 代表团汇总's columns name them; '' for marks made before a name was set */
  author: string;
  color: Color;
  /** cut at NOTE_CHARS characters (`noteCut`) */
  note: string;
  noteCut: boolean;
  /** the marked text; pieces in several paragraphs joined by “……”, cut at QUOTE_CHARS each */
  quote: string;
  /** 第二部分“…”中“…”一段, as exports cite it, in the version the mark is on ('' when unknown) */
  position: string;
  /** the first paragraph marked, for opening the reader there (null if the mark has no target) */
  blockId: string | null;
  versionId: string;
  versionLabel: string;
  anchorStatus: AnchorStatus;
  updatedAt: string;
}

export interface DelegationMarksPage {
  reportId: string;
  /** the version the order is read in (the one asked about) */
  versionId: string;
  /** marks on all live versions of the report */
  total: number;
  offset: number;
  items: DelegationMark[];
  /** per live version, oldest first: how many marks stay there */
  versions: { id: string; label: string; count: number }[];
}

export interface DelegationMarksQuery {
  versionId: string;
  order: DelegationMarkOrder;
  offset: number;
  limit: number;
  /** the user's name as 设置 spells it now: their own column is headed with it */
  me: string;
}

/** Spellings of one name are one person, shown under the spelling used most (as the heat map does). */
function personNames(rows: readonly { author: string }[], me: string): (author: string) => string {
  const spellings = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = authorKey(r.author);
    const m = spellings.get(key) ?? new Map<string, number>();
    m.set(r.author.trim(), (m.get(r.author.trim()) ?? 0) + 1);
    spellings.set(key, m);
  }
  const shown = new Map<string, string>();
  for (const [key, m] of spellings) shown.set(key, [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))[0][0]);
  return (author) => {
    const name = shown.get(authorKey(author)) ?? author.trim();
    return me && name && sameAuthor(name, me) ? me : name;
  };
}

const collator = new Intl.Collator('zh-CN');

export function delegationMarks(store: Store, blocks: BlockCache, q: DelegationMarksQuery): DelegationMarksPage {
  const asked = store.reports.getVersionInfo(q.versionId);
  const versions = store.reports.get(asked.reportId).versions; // live ones: the 回收站's marks read as gone
  const rows = store.delegation.annotationsOn(versions.map((v) => v.id));
  const versionOrd = new Map(versions.map((v, i) => [v.id, i]));
  const nameOf = personNames(rows, q.me);

  // Where a mark's paragraph is: in the version read (paragraph ids are stable across versions,
  // so an unchanged paragraph of an older version sorts in its place here), else in its own
  // version, else — an orphan keeps the targets of the version its quote is in — any version.
  const here = blocks(q.versionId).byId;
  const homeOf = (r: DelegationAnnotationRow) => {
    const first = r.targets[0];
    if (!first) return undefined;
    const own = blocks(r.versionId).byId.get(first.blockId);
    if (own) return { block: own, versionId: r.versionId };
    for (const v of versions) {
      const b = blocks(v.id).byId.get(first.blockId);
      if (b) return { block: b, versionId: v.id };
    }
    return undefined;
  };
  const keyed = rows.map((r) => {
    const first = r.targets[0];
    const ord = first ? (here.get(first.blockId)?.ord ?? homeOf(r)?.block.ord ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
    return { r, author: nameOf(r.author), ord, start: first?.start ?? 0 };
  });
  type Keyed = (typeof keyed)[number];
  const byPassage = (a: Keyed, b: Keyed) =>
    a.ord - b.ord ||
    a.start - b.start ||
    (versionOrd.get(b.r.versionId) ?? 0) - (versionOrd.get(a.r.versionId) ?? 0) ||
    a.r.updatedAt.localeCompare(b.r.updatedAt) ||
    a.r.id.localeCompare(b.r.id);
  // unsigned marks are nobody in particular: after every named member
  const byMember = (a: Keyed, b: Keyed) => Number(!a.author) - Number(!b.author) || collator.compare(a.author, b.author) || byPassage(a, b);
  keyed.sort(q.order === 'member' ? byMember : byPassage);

  const labels = new Map(versions.map((v) => [v.id, v.label]));
  const items = keyed.slice(q.offset, q.offset + q.limit).map(({ r, author }): DelegationMark => {
    const home = homeOf(r);
    return {
      id: r.id,
      author,
      color: r.color as Color,
      note: r.note.slice(0, NOTE_CHARS),
      noteCut: r.note.length > NOTE_CHARS,
      quote: joinedQuote(r.targets.map((t) => ({ exact: t.exact.length > QUOTE_CHARS ? t.exact.slice(0, QUOTE_CHARS) + '…' : t.exact }))),
      position: home ? (blocks(home.versionId).position(home.block.id) ?? home.block.path) : '',
      blockId: r.targets[0]?.blockId ?? null,
      versionId: r.versionId,
      versionLabel: labels.get(r.versionId) ?? '',
      anchorStatus: r.anchorStatus as AnchorStatus,
      updatedAt: r.updatedAt,
    };
  });
  const perVersion = new Map<string, number>();
  for (const r of rows) perVersion.set(r.versionId, (perVersion.get(r.versionId) ?? 0) + 1);
  return {
    reportId: asked.reportId,
    versionId: q.versionId,
    total: rows.length,
    offset: q.offset,
    items,
    versions: versions.map((v) => ({ id: v.id, label: v.label, count: perVersion.get(v.id) ?? 0 })),
  };
}
