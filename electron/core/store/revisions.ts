/**
 * Carrying marks between versions of a report: the one transaction that moves annotations and
 * drafts to another version, the history of where they pointed before, and the counts the app
 * needs to offer a carry. Re-anchoring itself is core/anchor's job (run in a worker by the API).
 */
import type { AnchorStatus, TextTarget } from '../anchor/types';
import type { AnnotationTarget } from '../model';
import type { AnnotationRepository } from './annotations';
import type { DraftRepository } from './drafts';
import type { Db } from './db';
import { createMarkStore } from './marks';

import type { AnchorOutcome, MarkKind } from '../common/vocabulary';
export type { MarkKind };
/** A carry outcome, or a hand re-attachment. */
export type HistoryOutcome = AnchorOutcome;

/** One live mark and the targets it points at now. */
export interface MarkRef {
  id: string;
  kind: MarkKind;
  versionId: string;
  anchorStatus: AnchorStatus;
  targets: TextTarget[];
}

export interface HistoryEntry {
  markId: string;
  kind: MarkKind;
  fromVersionId: string;
  toVersionId: string;
  /** the targets as they were in fromVersionId */
  targets: TextTarget[];
  outcome: HistoryOutcome;
  score: number;
  carriedAt: string;
}

/** The result of re-anchoring one mark, ready to write. `targets` empty = orphan (old ones kept). */
export interface CarryUpdate {
  id: string;
  kind: MarkKind;
  targets: AnnotationTarget[];
  status: AnchorStatus;
  score: number;
}

export interface VersionMarkCount {
  versionId: string;
  annotations: number;
  drafts: number;
  orphaned: number;
}

interface HistoryRow {
  mark_id: string;
  kind: MarkKind;
  from_version_id: string;
  to_version_id: string;
  targets_json: string;
  outcome: HistoryOutcome;
  score: number;
  carried_at: string;
}

function toEntry(r: HistoryRow): HistoryEntry {
  return {
    markId: r.mark_id,
    kind: r.kind,
    fromVersionId: r.from_version_id,
    toVersionId: r.to_version_id,
    targets: JSON.parse(r.targets_json) as TextTarget[],
    outcome: r.outcome,
    score: r.score,
    carriedAt: r.carried_at,
  };
}

function plainTarget(t: TextTarget): TextTarget {
  return { blockId: t.blockId, start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix };
}

export function createRevisionRepository(db: Db, annotations: AnnotationRepository, drafts: DraftRepository) {
  // Statements are prepared on first use: a store may be created over an older schema (tests of
  // migrations do), where anchor_history does not exist yet.
  const lazy = (sql: string) => {
    let stmt: ReturnType<Db['prepare']> | undefined;
    return () => (stmt ??= db.prepare(sql));
  };
  const insertStmt = lazy(
    `INSERT INTO anchor_history(mark_id, kind, from_version_id, to_version_id, targets_json, outcome, score, carried_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHistory = { run: (...args: unknown[]) => insertStmt().run(...args) };
  const versionStmt = {
    annotation: lazy('SELECT version_id FROM annotations WHERE id = ? AND deleted_at IS NULL'),
    draft: lazy('SELECT version_id FROM drafts WHERE id = ? AND deleted_at IS NULL'),
  };
  const versionOf = (kind: MarkKind, id: string) => versionStmt[kind]().get(id) as { version_id: string } | undefined;
  const markStores = { annotations: createMarkStore(db, 'annotations'), drafts: createMarkStore(db, 'drafts') };

  /**
   * Moves a carried mark: its version, status and re-anchored targets (none given keeps the old
   * ones: an orphan). Its `updated_at` stays: carrying is not an edit of the mark, and the time
   * the user last changed it must still read the same afterwards.
   */
  // prepared once: a carry moves thousands of marks in one transaction
  const moveStmt = {
    annotation: lazy('UPDATE annotations SET version_id = ?, anchor_status = ?, anchor_score = ? WHERE id = ?'),
    draft: lazy('UPDATE drafts SET version_id = ?, anchor_status = ?, anchor_score = ? WHERE id = ?'),
  };
  function moveMark(kind: MarkKind, u: CarryUpdate, toVersionId: string): void {
    const table = kind === 'annotation' ? 'annotations' : 'drafts';
    moveStmt[kind]().run(toVersionId, u.status, u.score, u.id);
    if (u.targets.length) markStores[table].writeTargets(u.id, u.targets);
  }

  /** Live marks on a version with their targets: a few queries, not a few per mark. */
  function marksOn(versionId: string): MarkRef[] {
    const out: MarkRef[] = [];
    for (const kind of ['annotation', 'draft'] as const) {
      const table = kind === 'annotation' ? 'annotations' : 'drafts';
      const rows = db.prepare(`SELECT id, anchor_status FROM ${table} WHERE version_id = ? AND deleted_at IS NULL ORDER BY created_at, id`).all(versionId) as {
        id: string;
        anchor_status: AnchorStatus;
      }[];
      const targets = markStores[table].liveTargetsOn(versionId);
      for (const r of rows) out.push({ id: r.id, kind, versionId, anchorStatus: r.anchor_status, targets: targets.get(r.id) ?? [] });
    }
    return out;
  }

  /** Marks in the 回收站 (deleted, restorable) on a version, with their targets: few, read one by one. */
  function deletedMarksOn(versionId: string): MarkRef[] {
    const out: MarkRef[] = [];
    for (const kind of ['annotation', 'draft'] as const) {
      const table = kind === 'annotation' ? 'annotations' : 'drafts';
      const rows = db.prepare(`SELECT id, anchor_status FROM ${table} WHERE version_id = ? AND deleted_at IS NOT NULL`).all(versionId) as {
        id: string;
        anchor_status: AnchorStatus;
      }[];
      for (const r of rows) out.push({ id: r.id, kind, versionId, anchorStatus: r.anchor_status, targets: markStores[table].readTargets(r.id) });
    }
    return out;
  }

  /** Only the orphaned marks on a version: asked at every open, usually answers none, cheaply. */
  function orphansOn(versionId: string): MarkRef[] {
    const out: MarkRef[] = [];
    for (const kind of ['annotation', 'draft'] as const) {
      const table = kind === 'annotation' ? 'annotations' : 'drafts';
      const rows = db
        .prepare(`SELECT id FROM ${table} WHERE version_id = ? AND deleted_at IS NULL AND anchor_status = 'orphaned' ORDER BY created_at, id`)
        .all(versionId) as { id: string }[];
      for (const r of rows) out.push({ id: r.id, kind, versionId, anchorStatus: 'orphaned', targets: markStores[table].readTargets(r.id) });
    }
    return out;
  }

  function history(markId: string): HistoryEntry[] {
    return (db.prepare('SELECT * FROM anchor_history WHERE mark_id = ? ORDER BY id').all(markId) as HistoryRow[]).map(toEntry);
  }

  /** The latest history entry per mark, for many marks at once. */
  function latest(markIds: readonly string[]): Map<string, HistoryEntry> {
    const out = new Map<string, HistoryEntry>();
    const stmt = db.prepare('SELECT * FROM anchor_history WHERE mark_id = ? ORDER BY id DESC LIMIT 1');
    for (const id of markIds) {
      const r = stmt.get(id) as HistoryRow | undefined;
      if (r) out.set(id, toEntry(r));
    }
    return out;
  }

  return {
    marksOn,
    deletedMarksOn,
    orphansOn,

    /**
     * Deleted marks follow a version replaced by its own re-parse (their text is there, at the
     * positions given), so restoring one later finds it on the version in use. Status unchanged.
     */
    moveDeleted(toVersionId: string, moves: readonly { id: string; kind: MarkKind; targets: AnnotationTarget[] }[]): void {
      db.transaction(() => {
        for (const m of moves) {
          const table = m.kind === 'annotation' ? 'annotations' : 'drafts';
          db.prepare(`UPDATE ${table} SET version_id = ? WHERE id = ? AND deleted_at IS NOT NULL`).run(toVersionId, m.id);
          markStores[table].writeTargets(m.id, m.targets);
        }
      })();
    },
    history,
    latest,

    /** Per mark, its latest carry out of `fromVersionId` (its targets as they were there). */
    latestFrom(fromVersionId: string, markIds: readonly string[]): Map<string, HistoryEntry> {
      const out = new Map<string, HistoryEntry>();
      const stmt = db.prepare('SELECT * FROM anchor_history WHERE mark_id = ? AND from_version_id = ? ORDER BY id DESC LIMIT 1');
      for (const id of markIds) {
        const r = stmt.get(id, fromVersionId) as HistoryRow | undefined;
        if (r) out.set(id, toEntry(r));
      }
      return out;
    },

    /** Live annotations and drafts per version of a report (orphaned ones counted apart too). */
    markCounts(reportId: string): VersionMarkCount[] {
      const counts = new Map<string, VersionMarkCount>();
      const at = (v: string) => {
        let c = counts.get(v);
        if (!c) counts.set(v, (c = { versionId: v, annotations: 0, drafts: 0, orphaned: 0 }));
        return c;
      };
      for (const [table, field] of [
        ['annotations', 'annotations'],
        ['drafts', 'drafts'],
      ] as const) {
        for (const r of db
          .prepare(
            `SELECT version_id, COUNT(*) AS n, SUM(anchor_status = 'orphaned') AS o FROM ${table} WHERE report_id = ? AND deleted_at IS NULL GROUP BY version_id`,
          )
          .all(reportId) as { version_id: string; n: number; o: number }[]) {
          const c = at(r.version_id);
          c[field] += r.n;
          c.orphaned += r.o;
        }
      }
      return [...counts.values()];
    },

    /**
     * Moves marks from `fromVersionId` to `toVersionId` with their re-anchored targets, all in ONE
     * transaction, recording each mark's old targets first. A mark no longer on `fromVersionId`
     * (carried meanwhile, deleted) is skipped, so carrying twice changes nothing the second time.
     * Returns the ids actually moved.
     */
    applyCarry(fromVersionId: string, toVersionId: string, marks: readonly MarkRef[], updates: readonly CarryUpdate[]): Set<string> {
      const before = new Map(marks.map((m) => [m.id, m]));
      const moved = new Set<string>();
      const now = new Date().toISOString();
      db.transaction(() => {
        for (const u of updates) {
          const mark = before.get(u.id);
          const row = versionOf(u.kind, u.id);
          if (!mark || row?.version_id !== fromVersionId) continue;
          insertHistory.run(u.id, u.kind, fromVersionId, toVersionId, JSON.stringify(mark.targets.map(plainTarget)), u.status, u.score, now);
          moveMark(u.kind, u, toVersionId);
          moved.add(u.id);
        }
      })();
      return moved;
    },

    /**
     * Attaches a mark to newly chosen text in its own version; the targets it had go to the history.
     * The user chose the text, so the mark is where it belongs: it reads as found (no 原文有改动),
     * and the history keeps that it was re-attached.
     */
    reattach(kind: MarkKind, mark: MarkRef, targets: AnnotationTarget[]): void {
      db.transaction(() => {
        insertHistory.run(
          mark.id,
          kind,
          mark.versionId,
          mark.versionId,
          JSON.stringify(mark.targets.map(plainTarget)),
          'reattached',
          1,
          new Date().toISOString(),
        );
        (kind === 'annotation' ? annotations : drafts).reanchor(mark.id, mark.versionId, targets, 'unchanged', 1);
      })();
    },

    /** Every history entry into or out of a version (carries both ways, re-attachments), oldest first. */
    historyOfVersion(versionId: string): HistoryEntry[] {
      return (
        db.prepare('SELECT * FROM anchor_history WHERE to_version_id = ? OR from_version_id = ? ORDER BY id').all(versionId, versionId) as HistoryRow[]
      ).map(toEntry);
    },

    /** Where a mark is now and what it points at, deleted or not (null when it never existed). */
    current(kind: MarkKind, id: string): { versionId: string; anchorStatus: AnchorStatus; deleted: boolean; targets: TextTarget[] } | null {
      const table = kind === 'annotation' ? 'annotations' : 'drafts';
      const r = db.prepare(`SELECT version_id, anchor_status, deleted_at FROM ${table} WHERE id = ?`).get(id) as
        { version_id: string; anchor_status: AnchorStatus; deleted_at: string | null } | undefined;
      return r ? { versionId: r.version_id, anchorStatus: r.anchor_status, deleted: r.deleted_at !== null, targets: markStores[table].readTargets(id) } : null;
    },
  };
}

export type RevisionRepository = ReturnType<typeof createRevisionRepository>;
