/**
 * One search over report text, notes and drafts. FTS5 trigram answers queries of 3+ characters;
 * 1–2 character queries (常见于中文：“就业”“养老”) cannot use trigrams and fall back to LIKE.
 */
import type { SearchHit } from '../model';
import type { Db } from './db';

interface Candidate {
  kind: SearchHit['kind'];
  ref: string;
  text: string;
}

const SNIPPET_RADIUS = 40;

function likePattern(q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** Snippet around the first occurrence(s), with highlight offsets relative to the snippet. */
export function makeSnippet(text: string, q: string): { snippet: string; highlights: [number, number][] } {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const needle = q.toLowerCase();
  const first = lower.indexOf(needle);
  if (first < 0) return { snippet: flat.slice(0, SNIPPET_RADIUS * 2), highlights: [] };
  const start = Math.max(0, first - SNIPPET_RADIUS);
  const end = Math.min(flat.length, first + needle.length + SNIPPET_RADIUS);
  const snippet = (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
  const shift = start > 0 ? 1 - start : -start;
  const highlights: [number, number][] = [];
  for (let i = first; i >= 0 && i + needle.length <= end; i = lower.indexOf(needle, i + needle.length)) {
    highlights.push([i + shift, i + needle.length + shift]);
  }
  return { snippet, highlights };
}

export function createSearchRepository(db: Db) {
  const ftsQuery = db.prepare(
    `SELECT kind, ref, text FROM search_fts WHERE search_fts MATCH @match
       AND ((kind = 'block' AND scope = @versionId) OR (kind <> 'block' AND scope = @reportId))
     LIMIT @limit`,
  );
  const likeBlocks = db.prepare(`SELECT 'block' AS kind, id AS ref, text FROM blocks WHERE version_id = ? AND text LIKE ? ESCAPE '\\' ORDER BY ord LIMIT ?`);
  const likeNotes = db.prepare(
    `SELECT 'note' AS kind, id AS ref, note AS text FROM annotations WHERE report_id = ? AND deleted_at IS NULL AND note LIKE ? ESCAPE '\\' LIMIT ?`,
  );
  const likeDrafts = db.prepare(
    `SELECT 'draft' AS kind, id AS ref, title || char(10) || fields_json AS text FROM drafts
     WHERE report_id = @reportId AND deleted_at IS NULL AND (title LIKE @p ESCAPE '\\' OR fields_json LIKE @p ESCAPE '\\') LIMIT @limit`,
  );
  const blockInfo = db.prepare('SELECT path, ord FROM blocks WHERE version_id = ? AND id = ?');
  const annotationBlock = db.prepare('SELECT block_id FROM annotation_targets WHERE annotation_id = ? ORDER BY ord LIMIT 1');
  const draftBlock = db.prepare('SELECT block_id FROM draft_targets WHERE draft_id = ? ORDER BY ord LIMIT 1');

  return {
    query(q: string, scope: { versionId: string; reportId: string; limit?: number }): SearchHit[] {
      const query = q.trim();
      if (!query) return [];
      const limit = scope.limit ?? 200;
      let rows: Candidate[];
      if ([...query].length >= 3) {
        // A quoted FTS5 string is a phrase; double quotes inside are doubled.
        rows = ftsQuery.all({ match: `"${query.replace(/"/g, '""')}"`, versionId: scope.versionId, reportId: scope.reportId, limit }) as Candidate[];
      } else {
        const p = likePattern(query);
        rows = [
          ...(likeBlocks.all(scope.versionId, p, limit) as Candidate[]),
          ...(likeNotes.all(scope.reportId, p, limit) as Candidate[]),
          ...(likeDrafts.all({ reportId: scope.reportId, p, limit }) as Candidate[]),
        ];
      }
      const hits = rows.map((r) => {
        const blockId =
          r.kind === 'block'
            ? r.ref
            : (((r.kind === 'note' ? annotationBlock.get(r.ref) : draftBlock.get(r.ref)) as { block_id: string } | undefined)?.block_id ?? null);
        const info = blockId ? (blockInfo.get(scope.versionId, blockId) as { path: string; ord: number } | undefined) : undefined;
        return {
          hit: { kind: r.kind, ref: r.ref, blockId, path: info?.path ?? '', ...makeSnippet(r.text, query) } satisfies SearchHit,
          ord: info?.ord ?? Infinity,
        };
      });
      const kindOrder = { block: 0, note: 1, draft: 2 } as const;
      hits.sort((a, b) => kindOrder[a.hit.kind] - kindOrder[b.hit.kind] || a.ord - b.ord);
      return hits.slice(0, limit).map((h) => h.hit);
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
