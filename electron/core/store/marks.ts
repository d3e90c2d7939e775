/**
 * What annotations and drafts have in common as "marks": ordered targets in a sibling table
 * of the same shape, tombstoned deletes, and moving to another version when carried. Written
 * once here so the two tables (and the bundle and revision code reading them) cannot drift.
 */
import type { AnchorStatus, TextTarget } from '../anchor/types';
import type { AnnotationTarget } from '../model';
import type { Db } from './db';
import { ReviewDeskError } from '../errors';
import { makeTarget } from '../anchor/selectors';

export type MarkTable = 'annotations' | 'drafts';

/** The targets table of each mark table and the column holding the mark's id. */
const TARGETS: Record<MarkTable, { table: string; key: string }> = {
  annotations: { table: 'annotation_targets', key: 'annotation_id' },
  drafts: { table: 'draft_targets', key: 'draft_id' },
};

/** Columns of a target as stored; `t.` prefixed in joins. */
export const TARGET_COLUMNS = 'block_id, start, "end", exact, prefix, suffix';

export interface TargetRow {
  block_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export function toTarget(t: TargetRow): TextTarget {
  return { blockId: t.block_id, start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix };
}

export function createMarkStore(db: Db, table: MarkTable) {
  const { table: targetTable, key } = TARGETS[table];
  const readStmt = db.prepare(`SELECT ${TARGET_COLUMNS} FROM ${targetTable} WHERE ${key} = ? ORDER BY ord`);
  const deleteStmt = db.prepare(`DELETE FROM ${targetTable} WHERE ${key} = ?`);
  const insertStmt = db.prepare(`INSERT INTO ${targetTable}(${key}, ord, block_id, start, "end", exact, prefix, suffix) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  /** Replaces a mark's targets, keeping their order. */
  function writeTargets(id: string, targets: readonly TextTarget[]): void {
    deleteStmt.run(id);
    targets.forEach((t, i) => insertStmt.run(id, i, t.blockId, t.start, t.end, t.exact, t.prefix, t.suffix));
  }

  // A mark lives inside its report and version: once either is deleted (to the 回收站) the mark
  // is out of reach for writes too, or an edit would commit and then fail to show itself.
  const selectStmt = db.prepare(
    `SELECT m.*, (r.deleted_at IS NOT NULL OR v.deleted_at IS NOT NULL OR r.id IS NULL OR v.id IS NULL) AS owner_gone
     FROM ${table} m LEFT JOIN reports r ON r.id = m.report_id LEFT JOIN versions v ON v.id = m.version_id WHERE m.id = ?`,
  );

  return {
    /** The mark's row, or undefined when it, its report or its version is gone (deleted rows only with includeDeleted). */
    selectLive<Row extends { deleted_at: string | null }>(id: string, opts: { includeDeleted?: boolean } = {}): Row | undefined {
      const r = selectStmt.get(id) as (Row & { owner_gone: number }) | undefined;
      if (!r || r.owner_gone || (r.deleted_at && !opts.includeDeleted)) return undefined;
      return r;
    },
    readTargets: (id: string): TextTarget[] => (readStmt.all(id) as TargetRow[]).map(toTarget),
    writeTargets,

    /** Targets of every live mark on a version, by mark id, in one query (thousands are normal). */
    liveTargetsOn(versionId: string): Map<string, TextTarget[]> {
      const out = new Map<string, TextTarget[]>();
      const rows = db
        .prepare(
          `SELECT t.${key} AS mark_id, t.block_id, t.start, t."end" AS "end", t.exact, t.prefix, t.suffix FROM ${targetTable} t
           JOIN ${table} m ON m.id = t.${key} WHERE m.version_id = ? AND m.deleted_at IS NULL ORDER BY t.${key}, t.ord`,
        )
        .all(versionId) as (TargetRow & { mark_id: string })[];
      for (const t of rows) {
        const list = out.get(t.mark_id) ?? [];
        list.push(toTarget(t));
        out.set(t.mark_id, list);
      }
      return out;
    },

    /** Tombstone, so undo and exchange bundles can carry the deletion. */
    softDelete(id: string): void {
      const now = new Date().toISOString();
      db.prepare(`UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
    },

    restore(id: string): void {
      db.prepare(`UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(new Date().toISOString(), id);
    },

    /** Moves a mark to another version with re-anchored targets; none given keeps the old ones (an orphan). */
    reanchor(id: string, versionId: string, targets: AnnotationTarget[], status: AnchorStatus, score: number): void {
      db.transaction(() => {
        db.prepare(`UPDATE ${table} SET version_id = ?, anchor_status = ?, anchor_score = ?, updated_at = ? WHERE id = ?`).run(
          versionId,
          status,
          score,
          new Date().toISOString(),
          id,
        );
        if (targets.length) writeTargets(id, targets);
      })();
    },
  };
}

/** A paragraph of a version, by id; undefined when the version has none with that id. */
export type BlockTextOf = (blockId: string) => { id: string; text: string } | undefined;

/**
 * Where a mark is, as a caller sends it: a position, and the quote the user saw there if the
 * caller sends it (compared, never stored). Context sent along by older callers is ignored.
 */
export type TargetPosition = Pick<TextTarget, 'blockId' | 'start' | 'end'> & Partial<Pick<TextTarget, 'exact' | 'prefix' | 'suffix'>>;

/**
 * The one check of a mark's targets, for every way a mark gets them (annotations, drafts,
 * re-attaching, exchange bundles): the paragraph is in the version, the range is inside it and
 * not empty, and a quote sent along is the text there — a selection made on words that have
 * since changed is refused, not stored on other words. The stored quote and its context are then
 * taken from the paragraph's own text, never from the caller. `blockOf` reads the paragraphs the
 * mark will live on — the database here, a version still being imported for exchange bundles.
 */
export function resolveTargetsWith(blockOf: BlockTextOf, targets: readonly TargetPosition[]): TextTarget[] {
  return targets.map((t) => {
    const b = blockOf(t.blockId);
    if (!b) throw new ReviewDeskError('mark/bad-target', '所选文字所在的段落不在这个版本中，请在正在阅读的版本里重新选择。');
    if (t.start < 0 || t.end > b.text.length || t.start >= t.end) throw new ReviewDeskError('mark/bad-target', '所选文字的起止位置超出了段落范围。');
    if (t.exact !== undefined && b.text.slice(t.start, t.end) !== t.exact)
      throw new ReviewDeskError('mark/bad-target', '所选文字与报告原文对不上，请重新选择。');
    return makeTarget(b, t.start, t.end);
  });
}

/** A version's paragraph text, read from the database. */
export function blockTextIn(db: Db, versionId: string): BlockTextOf {
  const blockText = db.prepare('SELECT id, text FROM blocks WHERE version_id = ? AND id = ?');
  return (blockId) => blockText.get(versionId, blockId) as { id: string; text: string } | undefined;
}

/**
 * What the repositories store for new targets: resolved from their positions. A caller's
 * selection (with its quote) is checked where it enters — the API handlers — by the same
 * resolveTargetsWith; below that, positions are what counts.
 */
export function resolveTargets(db: Db, versionId: string, targets: readonly TargetPosition[]): TextTarget[] {
  return resolveTargetsWith(
    blockTextIn(db, versionId),
    targets.map(({ blockId, start, end }) => ({ blockId, start, end })),
  );
}
