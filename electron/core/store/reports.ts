/** Reports, their versions and blocks. A version's blocks are written once, at import. */
import { createHash, randomUUID } from 'node:crypto';
import { ReviewDeskError } from '../errors';
import type { Block, ParsedReport } from '../report/types';
import type { Report, ReportVersion, VersionInfo, VersionMeta } from '../model';
import type { Db } from './db';

interface VersionRow {
  id: string;
  report_id: string;
  label: string;
  ord: number;
  imported_at: string;
  source_name: string;
  source_sha256: string;
  source_size: number;
  meta_json: string;
}
export interface BlockRow {
  id: string;
  ord: number;
  kind: Block['kind'];
  path: string;
  level: number;
  part: number | null;
  section: number | null;
  heading_end: number;
  lead_end: number;
  sentence_ends: string;
  text: string;
}

const VERSION_COLS = `id, report_id, label, ord, imported_at, source_name, source_sha256, length(source_bytes) AS source_size, meta_json`;

function toVersion(r: VersionRow): VersionInfo {
  return {
    id: r.id,
    reportId: r.report_id,
    label: r.label,
    ord: r.ord,
    importedAt: r.imported_at,
    sourceName: r.source_name,
    sourceSha256: r.source_sha256,
    sourceSize: r.source_size,
    meta: JSON.parse(r.meta_json) as VersionMeta,
  };
}

/** Columns toBlock reads; shared with exchange bundles, which carry blocks as the reader sees them. */
export const BLOCK_COLUMNS = 'id, ord, kind, path, level, part, section, heading_end, lead_end, sentence_ends, text';

export function toBlock(r: BlockRow): Block {
  return {
    id: r.id,
    ord: r.ord,
    kind: r.kind,
    text: r.text,
    path: r.path,
    level: r.level,
    part: r.part,
    section: r.section,
    headingEnd: r.heading_end,
    leadEnd: r.lead_end,
    sentenceEnds: JSON.parse(r.sentence_ends) as number[],
  };
}

export interface ImportVersionInput {
  parsed: ParsedReport;
  sourceName: string;
  sourceBytes: Uint8Array;
  /** Add as a new version of this report; omitted = a new report. */
  reportId?: string;
  label?: string;
  /** Title override for a new report. */
  title?: string;
}

/** A report or a version in the trash. */
export interface TrashEntry {
  kind: 'report' | 'version';
  id: string;
  reportId: string;
  /** the report's title */
  title: string;
  /** the version's label (empty for a report) */
  label: string;
  /** live versions a deleted report comes back with */
  versions: number;
  deletedAt: string;
}

/** A version's meta as it is stored: always derived from this app's own parse of the source. */
export function versionMetaOf(parsed: ParsedReport, previousVersionId: string | null): VersionMeta {
  return {
    date: parsed.date,
    speaker: parsed.speaker,
    sourceEncoding: parsed.sourceEncoding,
    sourceFormat: parsed.sourceFormat,
    repairs: parsed.repairs,
    artifacts: parsed.artifacts,
    blockCount: parsed.blocks.length,
    previousVersionId,
  };
}

export function createReportRepository(db: Db) {
  const insertBlock = db.prepare(
    `INSERT INTO blocks(version_id, id, ord, kind, path, level, part, section, heading_end, lead_end, lead, sentence_ends, text)
     VALUES (@version_id, @id, @ord, @kind, @path, @level, @part, @section, @heading_end, @lead_end, @lead, @sentence_ends, @text)`,
  );

  function insertBlocks(versionId: string, blocks: readonly Block[]): void {
    for (const b of blocks) {
      insertBlock.run({
        version_id: versionId,
        id: b.id,
        ord: b.ord,
        kind: b.kind,
        path: b.path,
        level: b.level,
        part: b.part,
        section: b.section,
        heading_end: b.headingEnd,
        lead_end: b.leadEnd,
        lead: b.text.slice(0, b.leadEnd || b.headingEnd),
        sentence_ends: JSON.stringify(b.sentenceEnds),
        text: b.text,
      });
    }
  }

  /** Live versions of a report (those in the trash are left out). */
  function versionsOf(reportId: string): VersionInfo[] {
    return (db.prepare(`SELECT ${VERSION_COLS} FROM versions WHERE report_id = ? AND deleted_at IS NULL ORDER BY ord`).all(reportId) as VersionRow[]).map(
      toVersion,
    );
  }

  function getVersionInfo(versionId: string): VersionInfo {
    const row = db.prepare(`SELECT ${VERSION_COLS} FROM versions WHERE id = ?`).get(versionId) as VersionRow | undefined;
    if (!row) throw new ReviewDeskError('not-found/version', '找不到该报告版本，可能已被删除。');
    return toVersion(row);
  }

  function getReportRow(reportId: string): Omit<Report, 'versions'> {
    const r = db.prepare('SELECT id, title, kind, year, region, created_at FROM reports WHERE id = ? AND deleted_at IS NULL').get(reportId) as
      { id: string; title: string; kind: string; year: number | null; region: string | null; created_at: string } | undefined;
    if (!r) throw new ReviewDeskError('not-found/report', '找不到该报告，可能已被删除。');
    return { id: r.id, title: r.title, kind: r.kind, year: r.year, region: r.region, createdAt: r.created_at };
  }

  return {
    list(): Report[] {
      const rows = db.prepare('SELECT id FROM reports WHERE deleted_at IS NULL ORDER BY created_at, id').all() as { id: string }[];
      return rows.map((r) => ({ ...getReportRow(r.id), versions: versionsOf(r.id) }));
    },

    get(reportId: string): Report {
      return { ...getReportRow(reportId), versions: versionsOf(reportId) };
    },

    getVersionInfo,

    getVersion(versionId: string): ReportVersion {
      const version = getVersionInfo(versionId);
      const blocks = (db.prepare(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE version_id = ? ORDER BY ord`).all(versionId) as BlockRow[]).map(toBlock);
      return { report: getReportRow(version.reportId), version, blocks };
    },

    blocksOf(versionId: string): Block[] {
      return (db.prepare(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE version_id = ? ORDER BY ord`).all(versionId) as BlockRow[]).map(toBlock);
    },

    sourceBytes(versionId: string): { name: string; bytes: Buffer } {
      const r = db.prepare('SELECT source_name, source_bytes FROM versions WHERE id = ?').get(versionId) as
        { source_name: string; source_bytes: Buffer } | undefined;
      if (!r) throw new ReviewDeskError('not-found/version', '找不到该报告版本。');
      return { name: r.source_name, bytes: r.source_bytes };
    },

    /** Writes report (if new), version and blocks in one transaction: all or nothing. */
    importVersion(input: ImportVersionInput): { reportId: string; versionId: string } {
      const { parsed } = input;
      const sha = createHash('sha256').update(input.sourceBytes).digest('hex');
      const now = new Date().toISOString();
      return db.transaction(() => {
        let reportId = input.reportId;
        if (reportId) {
          getReportRow(reportId);
          const dup = db.prepare('SELECT label FROM versions WHERE report_id = ? AND source_sha256 = ? AND deleted_at IS NULL').get(reportId, sha) as
            { label: string } | undefined;
          if (dup) throw new ReviewDeskError('import/duplicate-version', `这个文件已作为“${dup.label}”导入过，无需重复导入。`);
        } else {
          reportId = randomUUID();
          db.prepare('INSERT INTO reports(id, title, kind, year, region, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
            reportId,
            input.title ?? parsed.title ?? input.sourceName.replace(/\.[^.]+$/, ''),
            'government-work-report',
            parsed.year,
            parsed.region,
            now,
            now,
          );
        }
        // ord counts every version ever imported (a restored one keeps its place); the predecessor is the newest live one.
        const last = db.prepare('SELECT MAX(ord) AS ord FROM versions WHERE report_id = ?').get(reportId) as { ord: number | null };
        const prev = db.prepare('SELECT id FROM versions WHERE report_id = ? AND deleted_at IS NULL ORDER BY ord DESC LIMIT 1').get(reportId) as
          { id: string } | undefined;
        const ord = last.ord === null ? 0 : last.ord + 1;
        const versionId = randomUUID();
        const meta = versionMetaOf(parsed, prev?.id ?? null);
        db.prepare(
          'INSERT INTO versions(id, report_id, label, ord, imported_at, source_name, source_sha256, source_bytes, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
          versionId,
          reportId,
          input.label ?? (ord === 0 ? '征求意见稿' : `修改稿${ord}`),
          ord,
          now,
          input.sourceName,
          sha,
          Buffer.from(input.sourceBytes),
          JSON.stringify(meta),
        );
        insertBlocks(versionId, parsed.blocks);
        return { reportId, versionId };
      })();
    },

    /**
     * The version parsed again from its own file (a repair undone or made again) goes in as a new
     * version in the old one's place: same report, label, order, date and file, new paragraphs.
     * Versions never change after import — caches, diffs and backups rely on it — hence a new id
     * (`newId`, chosen by the caller, whose carry plan already points there). The caller moves the
     * marks and retires the old version (retireReparsed) in the same transaction.
     */
    insertReparse(versionId: string, parsed: ParsedReport, newId: string): void {
      const old = getVersionInfo(versionId);
      getReportRow(old.reportId);
      db.transaction(() => {
        db.prepare(
          `INSERT INTO versions(id, report_id, label, ord, imported_at, source_name, source_sha256, source_bytes, meta_json)
           SELECT ?, report_id, label, ord, imported_at, source_name, source_sha256, source_bytes, ? FROM versions WHERE id = ?`,
        ).run(newId, JSON.stringify(versionMetaOf(parsed, old.meta.previousVersionId ?? null)), versionId);
        insertBlocks(newId, parsed.blocks);
      })();
    },

    /**
     * The version a reparse replaced is retired: out of every list, the 回收站 included (its marks,
     * dismissals and file live on in its replacement; 恢复 of the repair is the way back), but kept
     * in the file, named as what it was, with the id of what replaced it.
     */
    retireReparsed(oldVersionId: string, label: string, replacedBy: string): void {
      db.prepare(`UPDATE versions SET deleted_at = ?, label = ?, meta_json = json_set(meta_json, '$.replacedBy', ?) WHERE id = ?`).run(
        new Date().toISOString(),
        label,
        replacedBy,
        oldVersionId,
      );
    },

    rename(reportId: string, title: string): void {
      getReportRow(reportId);
      db.prepare('UPDATE reports SET title = ?, updated_at = ? WHERE id = ?').run(title, new Date().toISOString(), reportId);
    },

    renameVersion(versionId: string, label: string): void {
      getVersionInfo(versionId);
      db.prepare('UPDATE versions SET label = ? WHERE id = ?').run(label, versionId);
    },

    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM reports WHERE deleted_at IS NULL').get() as { n: number }).n;
    },

    /**
     * A live version whose paragraphs are exactly `texts`, in order: the same report imported again
     * from another copy (another encoding, another format). Only versions with as many paragraphs
     * are read.
     */
    findSameText(texts: readonly string[]): VersionInfo | null {
      const candidates = db
        .prepare(
          `SELECT v.id FROM versions v JOIN reports r ON r.id = v.report_id
           WHERE v.deleted_at IS NULL AND r.deleted_at IS NULL AND (SELECT COUNT(*) FROM blocks b WHERE b.version_id = v.id) = ?
           ORDER BY r.created_at, v.ord`,
        )
        .all(texts.length) as { id: string }[];
      const textsOf = db.prepare('SELECT text FROM blocks WHERE version_id = ? ORDER BY ord').pluck();
      for (const c of candidates) {
        const stored = textsOf.all(c.id) as string[];
        if (stored.every((t, i) => t === texts[i])) return getVersionInfo(c.id);
      }
      return null;
    },

    /** To the trash: the report leaves every list; its versions, paragraphs and marks stay for a restore. */
    softDelete(reportId: string): void {
      getReportRow(reportId);
      const now = new Date().toISOString();
      db.prepare('UPDATE reports SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, reportId);
    },

    restore(reportId: string): void {
      const r = db.prepare('SELECT id FROM reports WHERE id = ?').get(reportId);
      if (!r) throw new ReviewDeskError('not-found/report', '找不到该报告，可能已被彻底删除。');
      db.prepare('UPDATE reports SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(new Date().toISOString(), reportId);
    },

    /** A version to the trash. The last live version of a report is not deleted alone: the report is. */
    softDeleteVersion(versionId: string): void {
      const v = getVersionInfo(versionId);
      getReportRow(v.reportId);
      db.transaction(() => {
        const live = db.prepare('SELECT COUNT(*) AS n FROM versions WHERE report_id = ? AND deleted_at IS NULL').get(v.reportId) as { n: number };
        if (live.n <= 1) throw new ReviewDeskError('versions/last-version', '这是这份报告仅有的版本，不能单独删除；如不再需要，请删除整份报告。');
        db.prepare('UPDATE versions SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), versionId);
      })();
    },

    /** Back from the trash; its report too, if that was deleted meanwhile. */
    restoreVersion(versionId: string): void {
      const v = getVersionInfo(versionId);
      db.transaction(() => {
        db.prepare('UPDATE versions SET deleted_at = NULL WHERE id = ?').run(versionId);
        db.prepare('UPDATE reports SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(v.reportId);
      })();
    },

    /** What is in the trash: deleted reports, and deleted versions of reports that are not. Newest first. */
    trash(): TrashEntry[] {
      const reports = db.prepare('SELECT id, title, deleted_at FROM reports WHERE deleted_at IS NOT NULL').all() as {
        id: string;
        title: string;
        deleted_at: string;
      }[];
      const versions = db
        .prepare(
          `SELECT v.id, v.report_id, v.label, v.deleted_at, r.title FROM versions v JOIN reports r ON r.id = v.report_id
           WHERE v.deleted_at IS NOT NULL AND r.deleted_at IS NULL AND json_extract(v.meta_json, '$.replacedBy') IS NULL`,
        )
        .all() as { id: string; report_id: string; label: string; deleted_at: string; title: string }[];
      const count = db.prepare('SELECT COUNT(*) AS n FROM versions WHERE report_id = ? AND deleted_at IS NULL').pluck();
      return [
        ...reports.map((r): TrashEntry => ({
          kind: 'report',
          id: r.id,
          reportId: r.id,
          title: r.title,
          label: '',
          versions: count.get(r.id) as number,
          deletedAt: r.deleted_at,
        })),
        ...versions.map((v): TrashEntry => ({
          kind: 'version',
          id: v.id,
          reportId: v.report_id,
          title: v.title,
          label: v.label,
          versions: 1,
          deletedAt: v.deleted_at,
        })),
      ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
