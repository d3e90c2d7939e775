/**
 * The delegation secretariat's view of one report version: how many annotations and drafts
 * each member made on each paragraph (a mark spanning paragraphs counts once in each).
 */
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
    db.prepare(`SELECT author, COUNT(*) AS n FROM ${table} WHERE version_id = ? AND deleted_at IS NULL GROUP BY author`).all(versionId) as { author: string; n: number }[];

  const byBlock = new Map<string, Record<string, BlockAuthorCounts>>();
  const add = (blockId: string, author: string, key: keyof BlockAuthorCounts, n: number) => {
    const row = byBlock.get(blockId) ?? {};
    const cell = (row[author] ??= { annotations: 0, drafts: 0 });
    cell[key] += n;
    byBlock.set(blockId, row);
  };
  for (const r of perBlock('annotation')) add(r.blockId, r.author, 'annotations', r.n);
  for (const r of perBlock('draft')) add(r.blockId, r.author, 'drafts', r.n);

  const authors = new Map<string, { name: string; annotations: number; drafts: number }>();
  for (const r of totals('annotations')) authors.set(r.author, { name: r.author, annotations: r.n, drafts: 0 });
  for (const r of totals('drafts')) {
    const a = authors.get(r.author) ?? { name: r.author, annotations: 0, drafts: 0 };
    a.drafts = r.n;
    authors.set(r.author, a);
  }
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

export function createDelegationRepository(db: Db) {
  return { summary: (versionId: string) => delegationSummary(db, versionId) };
}
