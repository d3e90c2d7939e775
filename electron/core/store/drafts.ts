/** Drafts (修改意见, 审议意见, 代表建议, 政协提案). Autosave calls update often: keep it one statement. */
import { randomUUID } from 'node:crypto';
import { ReviewDeskError } from '../errors';
import type { AnchorStatus } from '../anchor/types';
import type { AnnotationTarget } from '../model';
import type { Db } from './db';
import { parseStoredFields } from '../draft/stored';
import { createMarkStore, toTarget, type TargetRow, resolveTargets, type TargetPosition } from './marks';

export interface StoredDraft {
  id: string;
  reportId: string;
  versionId: string;
  /** One of DRAFT_KINDS, or a kind from a newer app (see toDraft in core/draft/view.ts). */
  kind: string;
  title: string;
  /** The kind's fields as parseStoredFields reads them: its keys only, each a string. */
  fields: Record<string, string>;
  status: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  targets: (AnnotationTarget & { path: string })[];
}

export interface DraftCreate {
  id?: string;
  versionId: string;
  kind: string;
  title?: string;
  fields?: Record<string, string>;
  status?: string;
  author?: string;
  /** positions; quote and context are taken from the text */
  targets?: TargetPosition[];
}
export interface DraftPatch {
  title?: string;
  fields?: Record<string, string>;
  status?: string;
  /** 提出人 */
  author?: string;
  /** every passage the draft is linked to, as positions in its version (replaces the old list) */
  targets?: TargetPosition[];
}

interface Row {
  id: string;
  report_id: string;
  version_id: string;
  kind: string;
  title: string;
  fields_json: string;
  status: string;
  author: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  anchor_status: AnchorStatus;
  anchor_score: number;
}

export function createDraftRepository(db: Db) {
  const selectOne = db.prepare('SELECT * FROM drafts WHERE id = ?');
  const targetsOf = db.prepare(
    `SELECT t.block_id, t.start, t."end", t.exact, t.prefix, t.suffix, COALESCE(b.path, '') AS path
     FROM draft_targets t JOIN drafts d ON d.id = t.draft_id LEFT JOIN blocks b ON b.version_id = d.version_id AND b.id = t.block_id
     WHERE t.draft_id = ? ORDER BY t.ord`,
  );
  const marks = createMarkStore(db, 'drafts');

  function hydrate(r: Row): StoredDraft {
    return {
      id: r.id,
      reportId: r.report_id,
      versionId: r.version_id,
      kind: r.kind,
      title: r.title,
      fields: parseStoredFields(r.kind, r.fields_json),
      status: r.status,
      author: r.author,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
      anchorStatus: r.anchor_status,
      anchorScore: r.anchor_score,
      // drafts carry each target's citation path (for exports), hence their own join
      targets: (targetsOf.all(r.id) as (TargetRow & { path: string })[]).map((t) => ({ ...toTarget(t), path: t.path })),
    };
  }

  function get(id: string, opts: { includeDeleted?: boolean } = {}): StoredDraft {
    const r = marks.selectLive<Row>(id, opts);
    if (!r) throw new ReviewDeskError('not-found/draft', '找不到这份意见稿，可能已被删除。');
    return hydrate(r);
  }

  return {
    get,
    create(input: DraftCreate): StoredDraft {
      const id = input.id ?? randomUUID();
      db.transaction(() => {
        const v = db.prepare('SELECT report_id FROM versions WHERE id = ?').get(input.versionId) as { report_id: string } | undefined;
        if (!v) throw new ReviewDeskError('not-found/version', '找不到该报告版本。');
        if (selectOne.get(id)) throw new ReviewDeskError('draft/exists', '这份意见稿已存在。');
        const now = new Date().toISOString();
        db.prepare(
          `INSERT INTO drafts(id, report_id, version_id, kind, title, fields_json, status, author, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          v.report_id,
          input.versionId,
          input.kind,
          input.title ?? '',
          JSON.stringify(input.fields ?? {}),
          input.status ?? 'draft',
          input.author ?? '',
          now,
          now,
        );
        marks.writeTargets(id, resolveTargets(db, input.versionId, input.targets ?? []));
      })();
      return get(id);
    },
    update(id: string, patch: DraftPatch): StoredDraft {
      const cur = get(id);
      db.transaction(() => {
        db.prepare('UPDATE drafts SET title = ?, fields_json = ?, status = ?, author = ?, updated_at = ? WHERE id = ?').run(
          patch.title ?? cur.title,
          JSON.stringify(patch.fields ?? cur.fields),
          patch.status ?? cur.status,
          patch.author ?? cur.author,
          new Date().toISOString(),
          id,
        );
        // the passages and the quotes of them in the form's 背景 are written together
        if (patch.targets) marks.writeTargets(id, resolveTargets(db, cur.versionId, patch.targets));
      })();
      return get(id);
    },
    delete(id: string): StoredDraft {
      const cur = get(id);
      marks.softDelete(id);
      return cur;
    },
    restore(id: string): StoredDraft {
      get(id, { includeDeleted: true });
      marks.restore(id);
      return get(id);
    },
    listByReport(reportId: string, opts: { includeDeleted?: boolean } = {}): StoredDraft[] {
      const rows = db
        .prepare(`SELECT * FROM drafts WHERE report_id = ? ${opts.includeDeleted ? '' : 'AND deleted_at IS NULL'} ORDER BY created_at`)
        .all(reportId) as Row[];
      return rows.map(hydrate);
    },
    reanchor: marks.reanchor,
  };
}
export type DraftRepository = ReturnType<typeof createDraftRepository>;
