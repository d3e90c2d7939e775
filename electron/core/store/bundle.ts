/**
 * Exchange bundles against the database: gather what a bundle carries, and merge a validated
 * bundle in. Merging is idempotent and keyed by UUID:
 *  - reports and versions by id; a version whose source file and paragraphs are identical to one
 *    already here under another id (every copy of ReviewDesk seeds the bundled report with its
 *    own id) is mapped onto the local one, so everyone's marks land on the same report;
 *  - annotations and drafts by id, the newer updated_at winning; deletions travel as tombstones;
 *  - the same id changed on both sides where the incoming copy is older, or equally old with
 *    different content, is a conflict: the local copy is kept and the conflict is reported.
 * Everything happens in one transaction after a planning pass that checks the bundle fits
 * together, so a bad bundle writes nothing.
 */
import { createHash } from 'node:crypto';
import { ReviewDeskError } from '../errors';
import type { BundleAnnotation, BundleContents, BundleDraft, BundleReport, BundleVersion } from '../bundle/format';
import type { Db } from './db';
import { createMarkStore } from './marks';
import { BLOCK_COLUMNS, toBlock, type BlockRow } from './reports';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface BundleConflict {
  kind: 'version' | 'annotation' | 'draft';
  id: string;
  /** what the user recognises: the quoted text or the draft's title */
  label: string;
  author: string;
  localUpdatedAt: string | null;
  incomingUpdatedAt: string | null;
  reason: string;
}

export interface BundleImportResult {
  reports: { added: number; unchanged: number };
  versions: { added: number; unchanged: number };
  annotations: MergeCounts;
  drafts: MergeCounts;
  conflicts: BundleConflict[];
  /** who made the bundle and when, for the summary */
  bundleAuthor: string;
  bundleCreatedAt: string;
}

interface MarkRow {
  id: string;
  report_id: string;
  version_id: string;
  author: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  anchor_status: string;
  anchor_score: number;
}
interface AnnotationRow extends MarkRow {
  color: string;
  note: string;
}
interface DraftRow extends MarkRow {
  kind: string;
  title: string;
  fields_json: string;
  status: string;
}
function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Identity of a version's text: the paragraphs as ids and words, not how they were stored. */
function blocksFingerprint(blocks: { id: string; ord: number; kind: string; text: string }[]): string {
  return sha(JSON.stringify([...blocks].sort((a, b) => a.ord - b.ord).map((b) => [b.id, b.kind, b.text])));
}

// ---- export -------------------------------------------------------------------------------

export function collectBundle(db: Db, opts: { reportId?: string } = {}): Pick<BundleContents, 'reports' | 'annotations' | 'drafts'> {
  const reportRows = (
    opts.reportId
      ? db.prepare('SELECT * FROM reports WHERE id = ? AND deleted_at IS NULL').all(opts.reportId)
      : db.prepare('SELECT * FROM reports WHERE deleted_at IS NULL ORDER BY created_at, id').all()
  ) as { id: string; title: string; kind: string; year: number | null; region: string | null; created_at: string }[];
  if (opts.reportId && !reportRows.length) throw new ReviewDeskError('not-found/report', '找不到该报告，可能已被删除。');

  const versionsOf = db.prepare('SELECT * FROM versions WHERE report_id = ? ORDER BY ord');
  const blocksOf = db.prepare(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE version_id = ? ORDER BY ord`);
  const reports: BundleReport[] = reportRows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    year: r.year,
    region: r.region,
    createdAt: r.created_at,
    versions: (
      versionsOf.all(r.id) as {
        id: string;
        label: string;
        ord: number;
        imported_at: string;
        source_name: string;
        source_sha256: string;
        source_bytes: Buffer;
        meta_json: string;
      }[]
    ).map(
      (v): BundleVersion => ({
        id: v.id,
        label: v.label,
        ord: v.ord,
        importedAt: v.imported_at,
        sourceName: v.source_name,
        sourceSha256: v.source_sha256,
        sourceBase64: Buffer.from(v.source_bytes).toString('base64'),
        meta: JSON.parse(v.meta_json) as BundleVersion['meta'],
        blocks: (blocksOf.all(v.id) as BlockRow[]).map(toBlock),
      }),
    ),
  }));

  const ids = reports.map((r) => r.id);
  const annTargets = createMarkStore(db, 'annotations');
  const annTags = db.prepare('SELECT t.name FROM annotation_tags a JOIN tags t ON t.id = a.tag_id WHERE a.annotation_id = ? ORDER BY t.name');
  const draftTargets = createMarkStore(db, 'drafts');
  const annotations: BundleAnnotation[] = [];
  const drafts: BundleDraft[] = [];
  for (const reportId of ids) {
    // Tombstones included: a deletion made on this machine must reach the other one.
    for (const a of db.prepare('SELECT * FROM annotations WHERE report_id = ? ORDER BY created_at, id').all(reportId) as AnnotationRow[]) {
      annotations.push({
        ...markOf(a),
        color: a.color as BundleAnnotation['color'],
        note: a.note,
        tags: (annTags.all(a.id) as { name: string }[]).map((t) => t.name),
        targets: annTargets.readTargets(a.id),
      });
    }
    for (const d of db.prepare('SELECT * FROM drafts WHERE report_id = ? ORDER BY created_at, id').all(reportId) as DraftRow[]) {
      drafts.push({
        ...markOf(d),
        kind: d.kind as BundleDraft['kind'],
        title: d.title,
        fields: JSON.parse(d.fields_json) as Record<string, string>,
        status: d.status as BundleDraft['status'],
        targets: draftTargets.readTargets(d.id),
      });
    }
  }
  return { reports, annotations, drafts };
}

function markOf(r: MarkRow) {
  return {
    id: r.id,
    reportId: r.report_id,
    versionId: r.version_id,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    anchorStatus: r.anchor_status as BundleAnnotation['anchorStatus'],
    anchorScore: r.anchor_score,
  };
}

// ---- import -------------------------------------------------------------------------------

const invalid = (why: string) => new ReviewDeskError('bundle/inconsistent', `交换包内容前后不一致（${why}），已拒绝导入，没有写入任何数据。`);

interface VersionPlan {
  incoming: BundleVersion;
  report: BundleReport;
  /** id the version has here (its own, or the local twin's) */
  localId: string;
  action: 'insert' | 'same' | 'conflict';
}

/** Block texts per local version id, loaded on demand for target checks. */
function blockLookup(db: Db, incoming: Map<string, BundleVersion>) {
  const cache = new Map<string, Map<string, number>>();
  const stmt = db.prepare('SELECT id, length(text) AS len FROM blocks WHERE version_id = ?');
  return (versionId: string): Map<string, number> => {
    let m = cache.get(versionId);
    if (!m) {
      const v = incoming.get(versionId);
      m = v ? new Map(v.blocks.map((b) => [b.id, b.text.length])) : new Map((stmt.all(versionId) as { id: string; len: number }[]).map((b) => [b.id, b.len]));
      cache.set(versionId, m);
    }
    return m;
  };
}

export function importBundle(db: Db, bundle: BundleContents): BundleImportResult {
  return db.transaction(() => {
    const plan = planVersions(db, bundle);
    checkMarks(db, bundle, plan);
    return applyPlan(db, bundle, plan);
  }).immediate();
}

function planVersions(db: Db, bundle: BundleContents) {
  const versionMap = new Map<string, string>(); // incoming version id → local id
  const reportMap = new Map<string, string>(); // incoming report id → local id
  const versions: VersionPlan[] = [];
  const conflicts: BundleConflict[] = [];
  const localVersion = db.prepare('SELECT id, report_id, source_sha256 FROM versions WHERE id = ?');
  const bySource = db.prepare('SELECT id, report_id FROM versions WHERE source_sha256 = ?');
  const localBlocks = db.prepare('SELECT id, ord, kind, text FROM blocks WHERE version_id = ?');
  const seenVersions = new Set<string>();

  for (const report of bundle.reports) {
    for (const v of report.versions) {
      if (seenVersions.has(v.id)) throw invalid(`版本 ${v.id} 出现了两次`);
      seenVersions.add(v.id);
      const bytes = Buffer.from(v.sourceBase64, 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== v.sourceSha256) throw invalid(`“${v.label}”的原文件校验值不符`);
      const ids = new Set(v.blocks.map((b) => b.id));
      if (ids.size !== v.blocks.length) throw invalid(`“${v.label}”有重复的段落编号`);
      const fingerprint = blocksFingerprint(v.blocks);
      const same = localVersion.get(v.id) as { id: string; report_id: string; source_sha256: string } | undefined;
      if (same) {
        const identical = same.source_sha256 === v.sourceSha256 && blocksFingerprint(localBlocks.all(v.id) as { id: string; ord: number; kind: string; text: string }[]) === fingerprint;
        versions.push({ incoming: v, report, localId: v.id, action: identical ? 'same' : 'conflict' });
        if (!identical) {
          conflicts.push({
            kind: 'version',
            id: v.id,
            label: `${report.title} · ${v.label}`,
            author: '',
            localUpdatedAt: null,
            incomingUpdatedAt: v.importedAt,
            reason: '本机已有同一编号但内容不同的报告版本，保留本机版本。',
          });
        }
        reportMap.set(report.id, same.report_id);
        versionMap.set(v.id, v.id);
        continue;
      }
      const twin = (bySource.all(v.sourceSha256) as { id: string; report_id: string }[]).find(
        (t) => blocksFingerprint(localBlocks.all(t.id) as { id: string; ord: number; kind: string; text: string }[]) === fingerprint,
      );
      if (twin) {
        versions.push({ incoming: v, report, localId: twin.id, action: 'same' });
        versionMap.set(v.id, twin.id);
        if (!reportMap.has(report.id)) reportMap.set(report.id, twin.report_id);
        continue;
      }
      versions.push({ incoming: v, report, localId: v.id, action: 'insert' });
      versionMap.set(v.id, v.id);
    }
    // a report none of whose versions is already here keeps its own id (new, or the same report)
    if (!reportMap.has(report.id)) reportMap.set(report.id, report.id);
  }
  return { versionMap, reportMap, versions, conflicts };
}

type Plan = ReturnType<typeof planVersions>;

/** Every mark must point at a version in the bundle or here, and at paragraphs that version has. */
function checkMarks(db: Db, bundle: BundleContents, plan: Plan): void {
  const incoming = new Map(bundle.reports.flatMap((r) => r.versions.map((v) => [v.id, v] as const)));
  const incomingReportOf = new Map(bundle.reports.flatMap((r) => r.versions.map((v) => [v.id, r.id] as const)));
  const localVersion = db.prepare('SELECT report_id FROM versions WHERE id = ?');
  const blocksOf = blockLookup(db, incoming);
  const seen = new Set<string>();
  const check = (m: BundleAnnotation | BundleDraft, what: string, strict: boolean) => {
    if (seen.has(m.id)) throw invalid(`${what} ${m.id} 出现了两次`);
    seen.add(m.id);
    if (incoming.has(m.versionId)) {
      if (incomingReportOf.get(m.versionId) !== m.reportId) throw invalid(`${what} ${m.id} 的报告与版本不对应`);
    } else {
      const local = localVersion.get(m.versionId) as { report_id: string } | undefined;
      if (!local) throw invalid(`${what}指向的报告版本不在交换包中`);
    }
    const local = plan.versionMap.get(m.versionId) ?? m.versionId;
    // targets are checked against the text they were made on (the incoming version's blocks)
    const blocks = blocksOf(incoming.has(m.versionId) ? m.versionId : local);
    for (const t of m.targets) {
      const len = blocks.get(t.blockId);
      if (len === undefined) throw invalid(`${what}指向的段落 ${t.blockId} 不在对应的版本中`);
      if (t.end > len || t.start > t.end || (strict && t.start === t.end)) throw invalid(`${what}的起止位置超出了段落范围`);
    }
  };
  for (const a of bundle.annotations) check(a, '批注', true);
  for (const d of bundle.drafts) check(d, '意见稿', false);
}

function newer(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function applyPlan(db: Db, bundle: BundleContents, plan: Plan): BundleImportResult {
  const result: BundleImportResult = {
    reports: { added: 0, unchanged: 0 },
    versions: { added: 0, unchanged: 0 },
    annotations: { added: 0, updated: 0, unchanged: 0, deleted: 0 },
    drafts: { added: 0, updated: 0, unchanged: 0, deleted: 0 },
    conflicts: [...plan.conflicts],
    bundleAuthor: bundle.manifest.author,
    bundleCreatedAt: bundle.manifest.createdAt,
  };

  // reports
  const reportExists = db.prepare('SELECT 1 FROM reports WHERE id = ?');
  const insertReport = db.prepare('INSERT INTO reports(id, title, kind, year, region, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of bundle.reports) {
    const localId = plan.reportMap.get(r.id)!;
    if (reportExists.get(localId)) result.reports.unchanged++;
    else {
      insertReport.run(localId, r.title, r.kind, r.year, r.region, r.createdAt, r.createdAt);
      result.reports.added++;
    }
  }

  // versions (blocks are written once, like an import)
  const maxOrd = db.prepare('SELECT MAX(ord) AS m FROM versions WHERE report_id = ?');
  const ordTaken = db.prepare('SELECT 1 FROM versions WHERE report_id = ? AND ord = ?');
  const insertVersion = db.prepare(
    'INSERT INTO versions(id, report_id, label, ord, imported_at, source_name, source_sha256, source_bytes, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBlock = db.prepare(
    `INSERT INTO blocks(version_id, id, ord, kind, path, level, part, section, heading_end, lead_end, lead, sentence_ends, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of plan.versions) {
    if (p.action !== 'insert') {
      result.versions.unchanged++;
      continue;
    }
    const v = p.incoming;
    const reportId = plan.reportMap.get(p.report.id)!;
    const ord = ordTaken.get(reportId, v.ord) ? ((maxOrd.get(reportId) as { m: number | null }).m ?? -1) + 1 : v.ord;
    insertVersion.run(v.id, reportId, v.label, ord, v.importedAt, v.sourceName, v.sourceSha256, Buffer.from(v.sourceBase64, 'base64'), JSON.stringify(v.meta));
    for (const b of v.blocks) {
      insertBlock.run(v.id, b.id, b.ord, b.kind, b.path, b.level, b.part, b.section, b.headingEnd, b.leadEnd, b.text.slice(0, b.leadEnd || b.headingEnd), JSON.stringify(b.sentenceEnds), b.text);
    }
    result.versions.added++;
  }

  mergeAnnotations(db, bundle.annotations, plan, result);
  mergeDrafts(db, bundle.drafts, plan, result);
  return result;
}

interface MarkMerge<T extends BundleAnnotation | BundleDraft, R extends MarkRow> {
  kind: 'annotation' | 'draft';
  local(id: string): R | undefined;
  /** content that matters to a reader, to tell a real edit from the same record */
  fingerprint(m: T | R): string;
  insert(m: T, reportId: string, versionId: string): void;
  update(m: T, reportId: string, versionId: string): void;
  label(m: T): string;
}

function merge<T extends BundleAnnotation | BundleDraft, R extends MarkRow>(items: T[], plan: Plan, counts: MergeCounts, conflicts: BundleConflict[], ops: MarkMerge<T, R>): void {
  for (const m of items) {
    const versionId = plan.versionMap.get(m.versionId) ?? m.versionId;
    const reportId = plan.reportMap.get(m.reportId) ?? m.reportId;
    const mapped = { ...m, versionId, reportId };
    const local = ops.local(m.id);
    if (!local) {
      ops.insert(mapped, reportId, versionId);
      if (m.deletedAt) counts.deleted++;
      else counts.added++;
      continue;
    }
    if (ops.fingerprint(mapped) === ops.fingerprint(local)) {
      counts.unchanged++;
      continue;
    }
    const order = newer(m.updatedAt, local.updated_at);
    if (order > 0) {
      ops.update(mapped, reportId, versionId);
      if (m.deletedAt && !local.deleted_at) counts.deleted++;
      else counts.updated++;
      continue;
    }
    conflicts.push({
      kind: ops.kind,
      id: m.id,
      label: ops.label(m),
      author: m.author,
      localUpdatedAt: local.updated_at,
      incomingUpdatedAt: m.updatedAt,
      reason: order < 0 ? '两边都改过，本机的修改较新，保留本机内容。' : '两边在同一时间改成了不同内容，保留本机内容。',
    });
  }
}

function mergeAnnotations(db: Db, items: BundleAnnotation[], plan: Plan, result: BundleImportResult): void {
  const selectOne = db.prepare('SELECT * FROM annotations WHERE id = ?');
  const targets = createMarkStore(db, 'annotations');
  const tagsOf = db.prepare('SELECT t.name FROM annotation_tags a JOIN tags t ON t.id = a.tag_id WHERE a.annotation_id = ? ORDER BY t.name');
  const insert = db.prepare(
    `INSERT INTO annotations(id, report_id, version_id, color, note, author, created_at, updated_at, deleted_at, anchor_status, anchor_score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE annotations SET report_id = ?, version_id = ?, color = ?, note = ?, author = ?, updated_at = ?, deleted_at = ?, anchor_status = ?, anchor_score = ? WHERE id = ?`,
  );
  const deleteTags = db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?');
  const upsertTag = db.prepare('INSERT INTO tags(name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id');
  const linkTag = db.prepare('INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)');

  const writeChildren = (m: BundleAnnotation) => {
    targets.writeTargets(m.id, m.targets);
    deleteTags.run(m.id);
    for (const name of new Set(m.tags.map((t) => t.trim()).filter(Boolean))) linkTag.run(m.id, (upsertTag.get(name) as { id: number }).id);
  };

  merge<BundleAnnotation, AnnotationRow>(items, plan, result.annotations, result.conflicts, {
    kind: 'annotation',
    local: (id) => selectOne.get(id) as AnnotationRow | undefined,
    fingerprint: (m) =>
      'targets' in m
        ? JSON.stringify([m.versionId, m.color, m.note, [...m.tags].sort(), m.targets, m.deletedAt !== null])
        : JSON.stringify([
            m.version_id,
            m.color,
            m.note,
            (tagsOf.all(m.id) as { name: string }[]).map((t) => t.name).sort(),
            targets.readTargets(m.id),
            m.deleted_at !== null,
          ]),
    insert: (m, reportId, versionId) => {
      insert.run(m.id, reportId, versionId, m.color, m.note, m.author, m.createdAt, m.updatedAt, m.deletedAt, m.anchorStatus, m.anchorScore);
      writeChildren(m);
    },
    update: (m, reportId, versionId) => {
      update.run(reportId, versionId, m.color, m.note, m.author, m.updatedAt, m.deletedAt, m.anchorStatus, m.anchorScore, m.id);
      writeChildren(m);
    },
    label: (m) => m.targets.map((t) => t.exact).join('……').slice(0, 60),
  });
}

function mergeDrafts(db: Db, items: BundleDraft[], plan: Plan, result: BundleImportResult): void {
  const selectOne = db.prepare('SELECT * FROM drafts WHERE id = ?');
  const targets = createMarkStore(db, 'drafts');
  const insert = db.prepare(
    `INSERT INTO drafts(id, report_id, version_id, kind, title, fields_json, status, author, created_at, updated_at, deleted_at, anchor_status, anchor_score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE drafts SET report_id = ?, version_id = ?, kind = ?, title = ?, fields_json = ?, status = ?, author = ?, updated_at = ?, deleted_at = ?, anchor_status = ?, anchor_score = ? WHERE id = ?`,
  );
  const writeTargets = (m: BundleDraft) => targets.writeTargets(m.id, m.targets);
  // field order must not make two equal drafts look different
  const sortedFields = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  merge<BundleDraft, DraftRow>(items, plan, result.drafts, result.conflicts, {
    kind: 'draft',
    local: (id) => selectOne.get(id) as DraftRow | undefined,
    fingerprint: (m) =>
      'targets' in m
        ? JSON.stringify([m.versionId, m.kind, m.title, sortedFields(m.fields), m.status, m.targets, m.deletedAt !== null])
        : JSON.stringify([
            m.version_id,
            m.kind,
            m.title,
            sortedFields(JSON.parse(m.fields_json) as Record<string, string>),
            m.status,
            targets.readTargets(m.id),
            m.deleted_at !== null,
          ]),
    insert: (m, reportId, versionId) => {
      insert.run(m.id, reportId, versionId, m.kind, m.title, JSON.stringify(m.fields), m.status, m.author, m.createdAt, m.updatedAt, m.deletedAt, m.anchorStatus, m.anchorScore);
      writeTargets(m);
    },
    update: (m, reportId, versionId) => {
      update.run(reportId, versionId, m.kind, m.title, JSON.stringify(m.fields), m.status, m.author, m.updatedAt, m.deletedAt, m.anchorStatus, m.anchorScore, m.id);
      writeTargets(m);
    },
    label: (m) => m.title || m.targets.map((t) => t.exact).join('……').slice(0, 60) || '（无标题意见稿）',
  });
}

export function createBundleRepository(db: Db) {
  return {
    collect: (opts: { reportId?: string } = {}) => collectBundle(db, opts),
    import: (bundle: BundleContents) => importBundle(db, bundle),
  };
}
