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

export function createDelegationRepository(db: Db) {
  return {
    summary: (versionId: string) => delegationSummary(db, versionId),
    unsignedCounts: () => unsignedCounts(db),
    signUnsigned: (name: string, fields: Parameters<typeof signUnsigned>[2]) => signUnsigned(db, name, fields),
  };
}
