/**
 * The delegation secretariat's view of one report version: how many annotations and drafts
 * each member made on each paragraph (a mark spanning paragraphs counts once in each). One
 * person is one column however their name was spaced (张三 / 张 三 / 张　三: see authorKey).
 * Also signing earlier unsigned work once the user has set a name.
 */
import { authorKey } from '../draft/authorship';
import { parseStoredFields } from '../draft/stored';
import type { Db } from './db';

export interface BlockAuthorCounts {
  annotations: number;
  drafts: number;
}

export interface DelegationSummary {
  versionId: string;
  /** authors by total marks, most first; '' is a mark made before a name was set */
  authors: { name: string; annotations: number; drafts: number }[];
  blocks: {
    blockId: string;
    ord: number;
    kind: string;
    path: string;
    /** opening words of the paragraph, to recognise it */
    excerpt: string;
    total: number;
    byAuthor: Record<string, BlockAuthorCounts>;
  }[];
}

export function delegationSummary(db: Db, versionId: string): DelegationSummary {
  const blocks = db.prepare('SELECT id, ord, kind, path, substr(text, 1, 60) AS excerpt FROM blocks WHERE version_id = ? ORDER BY ord').all(versionId) as {
    id: string;
    ord: number;
    kind: string;
    path: string;
    excerpt: string;
  }[];
  const perBlock = (table: 'annotation' | 'draft') =>
    db
      .prepare(
        `SELECT t.block_id AS blockId, m.author AS author, COUNT(DISTINCT m.id) AS n
         FROM ${table}s m JOIN ${table}_targets t ON t.${table}_id = m.id
         WHERE m.version_id = ? AND m.deleted_at IS NULL GROUP BY t.block_id, m.author`,
      )
      .all(versionId) as { blockId: string; author: string; n: number }[];
  const totals = (table: 'annotations' | 'drafts') =>
    db.prepare(`SELECT author, COUNT(*) AS n FROM ${table} WHERE version_id = ? AND deleted_at IS NULL GROUP BY author`).all(versionId) as {
      author: string;
      n: number;
    }[];

  // Spellings of one name are one person, shown under the spelling used most.
  const spellings = new Map<string, Map<string, number>>();
  const countSpelling = (author: string, n: number) => {
    const key = authorKey(author);
    const m = spellings.get(key) ?? new Map<string, number>();
    m.set(author.trim(), (m.get(author.trim()) ?? 0) + n);
    spellings.set(key, m);
  };
  const annotationTotals = totals('annotations');
  const draftTotals = totals('drafts');
  for (const r of [...annotationTotals, ...draftTotals]) countSpelling(r.author, r.n);
  const shown = new Map([...spellings].map(([key, m]) => [key, [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))[0][0]]));
  const nameOf = (author: string) => shown.get(authorKey(author)) ?? author.trim();

  const byBlock = new Map<string, Record<string, BlockAuthorCounts>>();
  const add = (blockId: string, author: string, key: keyof BlockAuthorCounts, n: number) => {
    const row = byBlock.get(blockId) ?? {};
    const cell = (row[nameOf(author)] ??= { annotations: 0, drafts: 0 });
    cell[key] += n;
    byBlock.set(blockId, row);
  };
  for (const r of perBlock('annotation')) add(r.blockId, r.author, 'annotations', r.n);
  for (const r of perBlock('draft')) add(r.blockId, r.author, 'drafts', r.n);

  const authors = new Map<string, { name: string; annotations: number; drafts: number }>();
  const person = (author: string) => {
    const name = nameOf(author);
    let a = authors.get(name);
    if (!a) authors.set(name, (a = { name, annotations: 0, drafts: 0 }));
    return a;
  };
  for (const r of annotationTotals) person(r.author).annotations += r.n;
  for (const r of draftTotals) person(r.author).drafts += r.n;
  return {
    versionId,
    authors: [...authors.values()].sort((a, b) => b.annotations + b.drafts - (a.annotations + a.drafts) || a.name.localeCompare(b.name, 'zh-CN')),
    blocks: blocks.map((b) => {
      const byAuthor = byBlock.get(b.id) ?? {};
      const total = Object.values(byAuthor).reduce((n, c) => n + c.annotations + c.drafts, 0);
      return { blockId: b.id, ord: b.ord, kind: b.kind, path: b.path, excerpt: b.excerpt, total, byAuthor };
    }),
  };
}

/** Live annotations and drafts that nobody signed (made before a name was set in 设置). */
export interface UnsignedCounts {
  annotations: number;
  drafts: number;
}

const UNSIGNED = "deleted_at IS NULL AND trim(author, ' ' || char(9, 10, 13, 12288)) = ''";

export function unsignedCounts(db: Db): UnsignedCounts {
  const count = (table: 'annotations' | 'drafts') => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${UNSIGNED}`).get() as { n: number }).n;
  return { annotations: count('annotations'), drafts: count('drafts') };
}

/**
 * Signs every unsigned live annotation and draft with `name`, in one transaction. `fields` gives
 * a draft's fields as signed (name fields, an empty 代表团 / 界别), or null to keep them.
 */
export function signUnsigned(db: Db, name: string, fields: (kind: string, fields: Record<string, string>) => Record<string, string> | null): UnsignedCounts {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const annotations = db.prepare(`UPDATE annotations SET author = ?, updated_at = ? WHERE ${UNSIGNED}`).run(name, now).changes;
    const rows = db.prepare(`SELECT id, kind, fields_json FROM drafts WHERE ${UNSIGNED}`).all() as { id: string; kind: string; fields_json: string }[];
    const update = db.prepare('UPDATE drafts SET author = ?, fields_json = ?, updated_at = ? WHERE id = ?');
    for (const r of rows) {
      const signed = fields(r.kind, parseStoredFields(r.kind, r.fields_json));
      update.run(name, signed ? JSON.stringify(signed) : r.fields_json, now, r.id);
    }
    return { annotations, drafts: rows.length };
  })();
}

/** What 代表团汇总 lists of one annotation: the note and quote cut to a readable length in SQL. */
export interface DelegationAnnotationRow {
  id: string;
  versionId: string;
  color: string;
  /** at most NOTE_CHARS + 1 characters: one more than shown tells that it was cut */
  note: string;
  author: string;
  anchorStatus: string;
  updatedAt: string;
  /** in the mark's order; `exact` at most QUOTE_CHARS + 1 characters each */
  targets: { blockId: string; start: number; exact: string }[];
}

/** How much of a note and of each quoted piece 代表团汇总 reads: a note may be 50,000 characters. */
export const NOTE_CHARS = 2000;
export const QUOTE_CHARS = 300;

/**
 * Every live annotation on the given versions, with its targets, in two queries whatever their
 * number (a delegation holds thousands). Ordering and paging are the caller's.
 */
export function annotationsOnVersions(db: Db, versionIds: readonly string[]): DelegationAnnotationRow[] {
  if (versionIds.length === 0) return [];
  const ids = JSON.stringify(versionIds);
  const rows = db
    .prepare(
      `SELECT id, version_id AS versionId, color, substr(note, 1, ${NOTE_CHARS + 1}) AS note, author, anchor_status AS anchorStatus, updated_at AS updatedAt
       FROM annotations WHERE version_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    )
    .all(ids) as Omit<DelegationAnnotationRow, 'targets'>[];
  const targets = new Map<string, DelegationAnnotationRow['targets']>();
  for (const t of db
    .prepare(
      `SELECT t.annotation_id AS markId, t.block_id AS blockId, t.start, substr(t.exact, 1, ${QUOTE_CHARS + 1}) AS exact
       FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
       WHERE a.version_id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL ORDER BY t.annotation_id, t.ord`,
    )
    .all(ids) as { markId: string; blockId: string; start: number; exact: string }[]) {
    const list = targets.get(t.markId) ?? [];
    list.push({ blockId: t.blockId, start: t.start, exact: t.exact });
    targets.set(t.markId, list);
  }
  return rows.map((r) => ({ ...r, targets: targets.get(r.id) ?? [] }));
}

export function createDelegationRepository(db: Db) {
  return {
    summary: (versionId: string) => delegationSummary(db, versionId),
    annotationsOn: (versionIds: readonly string[]) => annotationsOnVersions(db, versionIds),
    unsignedCounts: () => unsignedCounts(db),
    signUnsigned: (name: string, fields: Parameters<typeof signUnsigned>[2]) => signUnsigned(db, name, fields),
  };
}
