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

export function createReportRepository(db: Db) {
  const insertBlock = db.prepare(
    `INSERT INTO blocks(version_id, id, ord, kind, path, level, part, section, heading_end, lead_end, lead, sentence_ends, text)
     VALUES (@version_id, @id, @ord, @kind, @path, @level, @part, @section, @heading_end, @lead_end, @lead, @sentence_ends, @text)`,
  );

  function versionsOf(reportId: string): VersionInfo[] {
    return (db.prepare(`SELECT ${VERSION_COLS} FROM versions WHERE report_id = ? ORDER BY ord`).all(reportId) as VersionRow[]).map(toVersion);
  }

  function getVersionInfo(versionId: string): VersionInfo {
    const row = db.prepare(`SELECT ${VERSION_COLS} FROM versions WHERE id = ?`).get(versionId) as VersionRow | undefined;
    if (!row) throw new ReviewDeskError('not-found/version', '找不到该报告版本，可能已被删除。');
    return toVersion(row);
  }

  function getReportRow(reportId: string): Omit<Report, 'versions'> {
    const r = db.prepare('SELECT id, title, kind, year, region, created_at FROM reports WHERE id = ? AND deleted_at IS NULL').get(reportId) as
      | { id: string; title: string; kind: string; year: number | null; region: string | null; created_at: string }
      | undefined;
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
      const blocks = (
        db.prepare(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE version_id = ? ORDER BY ord`).all(versionId) as BlockRow[]
      ).map(toBlock);
      return { report: getReportRow(version.reportId), version, blocks };
    },

    blocksOf(versionId: string): Block[] {
      return (
        db.prepare(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE version_id = ? ORDER BY ord`).all(versionId) as BlockRow[]
      ).map(toBlock);
    },

    sourceBytes(versionId: string): { name: string; bytes: Buffer } {
      const r = db.prepare('SELECT source_name, source_bytes FROM versions WHERE id = ?').get(versionId) as { source_name: string; source_bytes: Buffer } | undefined;
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
          const dup = db.prepare('SELECT label FROM versions WHERE report_id = ? AND source_sha256 = ?').get(reportId, sha) as { label: string } | undefined;
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
        const prev = db.prepare('SELECT id, ord FROM versions WHERE report_id = ? ORDER BY ord DESC LIMIT 1').get(reportId) as { id: string; ord: number } | undefined;
        const ord = prev ? prev.ord + 1 : 0;
        const versionId = randomUUID();
        const meta: VersionMeta = {
          date: parsed.date,
          speaker: parsed.speaker,
          sourceEncoding: parsed.sourceEncoding,
          sourceFormat: parsed.sourceFormat,
          repairs: parsed.repairs,
          artifacts: parsed.artifacts,
          blockCount: parsed.blocks.length,
          previousVersionId: prev?.id ?? null,
        };
        db.prepare(
          'INSERT INTO versions(id, report_id, label, ord, imported_at, source_name, source_sha256, source_bytes, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(versionId, reportId, input.label ?? (ord === 0 ? '征求意见稿' : `修改稿${ord}`), ord, now, input.sourceName, sha, Buffer.from(input.sourceBytes), JSON.stringify(meta));
        for (const b of parsed.blocks) {
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
        return { reportId, versionId };
      })();
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
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
