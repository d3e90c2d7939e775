/** Highlights and notes. Deletes are tombstones so undo and exchange bundles can carry them. */
import { randomUUID } from 'node:crypto';
import { ReviewDeskError } from '../errors';
import type { Annotation, AnnotationTarget } from '../model';
import type { AnchorStatus } from '../anchor/types';
import type { Color } from '../common/vocabulary';
import type { Db } from './db';
import { createMarkStore, resolveTargets, type TargetPosition } from './marks';

export interface AnnotationCreate {
  id?: string;
  versionId: string;
  color: string;
  note?: string;
  tags?: string[];
  author?: string;
  /** positions; quote and context are taken from the text */
  targets: TargetPosition[];
}
export interface AnnotationPatch {
  color?: string;
  note?: string;
  tags?: string[];
}

interface Row {
  id: string;
  report_id: string;
  version_id: string;
  color: Color;
  note: string;
  author: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  anchor_status: AnchorStatus;
  anchor_score: number;
}

function toAnnotation(r: Row, targets: AnnotationTarget[], tags: string[]): Annotation {
  return {
    id: r.id,
    reportId: r.report_id,
    versionId: r.version_id,
    color: r.color,
    note: r.note,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    anchorStatus: r.anchor_status,
    anchorScore: r.anchor_score,
    tags,
    targets,
  };
}

export function createAnnotationRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO annotations(id, report_id, version_id, color, note, author, created_at, updated_at)
     VALUES (@id, @report_id, @version_id, @color, @note, @author, @now, @now)`,
  );
  const marks = createMarkStore(db, 'annotations');
  const upsertTag = db.prepare('INSERT INTO tags(name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id');
  const linkTag = db.prepare('INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)');
  const selectOne = db.prepare('SELECT * FROM annotations WHERE id = ?');
  const tagsOf = db.prepare('SELECT t.name FROM annotation_tags a JOIN tags t ON t.id = a.tag_id WHERE a.annotation_id = ? ORDER BY t.name');

  function setTags(id: string, tags: string[]) {
    db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
    for (const name of new Set(tags.map((t) => t.trim()).filter(Boolean))) {
      const { id: tagId } = upsertTag.get(name) as { id: number };
      linkTag.run(id, tagId);
    }
  }

  function hydrate(r: Row): Annotation {
    return toAnnotation(
      r,
      marks.readTargets(r.id),
      (tagsOf.all(r.id) as { name: string }[]).map((t) => t.name),
    );
  }

  function get(id: string, opts: { includeDeleted?: boolean } = {}): Annotation {
    const r = marks.selectLive<Row>(id, opts);
    if (!r) throw new ReviewDeskError('not-found/annotation', '找不到这条批注，可能已被删除。');
    return hydrate(r);
  }

  function versionReport(versionId: string): string {
    const v = db.prepare('SELECT report_id FROM versions WHERE id = ?').get(versionId) as { report_id: string } | undefined;
    if (!v) throw new ReviewDeskError('not-found/version', '找不到该报告版本，可能已被删除。');
    return v.report_id;
  }

  return {
    get,

    create(input: AnnotationCreate): Annotation {
      const id = input.id ?? randomUUID();
      db.transaction(() => {
        const reportId = versionReport(input.versionId);
        const targets = resolveTargets(db, input.versionId, input.targets);
        if (selectOne.get(id)) throw new ReviewDeskError('annotation/exists', '这条批注已存在。');
        insert.run({
          id,
          report_id: reportId,
          version_id: input.versionId,
          color: input.color,
          note: input.note ?? '',
          author: input.author ?? '',
          now: new Date().toISOString(),
        });
        marks.writeTargets(id, targets);
        setTags(id, input.tags ?? []);
      })();
      return get(id);
    },

    update(id: string, patch: AnnotationPatch): Annotation {
      db.transaction(() => {
        const cur = get(id);
        db.prepare('UPDATE annotations SET color = ?, note = ?, updated_at = ? WHERE id = ?').run(
          patch.color ?? cur.color,
          patch.note ?? cur.note,
          new Date().toISOString(),
          id,
        );
        if (patch.tags) setTags(id, patch.tags);
      })();
      return get(id);
    },

    /** Soft delete. Returns the annotation as it was, so the UI can offer undo. */
    delete(id: string): Annotation {
      const cur = get(id);
      marks.softDelete(id);
      return cur;
    },

    restore(id: string): Annotation {
      get(id, { includeDeleted: true });
      marks.restore(id);
      return get(id);
    },

    /** All live annotations of a version, in three queries (not 2 per row): thousands are normal. */
    list(versionId: string): Annotation[] {
      const rows = db.prepare('SELECT * FROM annotations WHERE version_id = ? AND deleted_at IS NULL').all(versionId) as Row[];
      const targets = marks.liveTargetsOn(versionId);
      const tags = new Map<string, string[]>();
      for (const t of db
        .prepare(
          `SELECT at.annotation_id, tg.name FROM annotation_tags at JOIN tags tg ON tg.id = at.tag_id
           JOIN annotations a ON a.id = at.annotation_id WHERE a.version_id = ? AND a.deleted_at IS NULL ORDER BY tg.name`,
        )
        .all(versionId) as { annotation_id: string; name: string }[]) {
        const list = tags.get(t.annotation_id) ?? [];
        list.push(t.name);
        tags.set(t.annotation_id, list);
      }
      return rows.map((r) => toAnnotation(r, targets.get(r.id) ?? [], tags.get(r.id) ?? []));
    },

    listByReport(reportId: string, opts: { includeDeleted?: boolean } = {}): Annotation[] {
      const rows = db.prepare(`SELECT * FROM annotations WHERE report_id = ? ${opts.includeDeleted ? '' : 'AND deleted_at IS NULL'}`).all(reportId) as Row[];
      return rows.map(hydrate);
    },

    /** Move an annotation to another version with re-anchored targets (revisions). */
    reanchor: marks.reanchor,

    allTags(): string[] {
      return (
        db
          .prepare(
            'SELECT DISTINCT t.name FROM tags t JOIN annotation_tags a ON a.tag_id = t.id JOIN annotations n ON n.id = a.annotation_id WHERE n.deleted_at IS NULL ORDER BY t.name',
          )
          .all() as { name: string }[]
      ).map((r) => r.name);
    },

    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM annotations WHERE deleted_at IS NULL').get() as { n: number }).n;
    },
  };
}
export type AnnotationRepository = ReturnType<typeof createAnnotationRepository>;
