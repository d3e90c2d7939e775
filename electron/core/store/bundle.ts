/**
 * Exchange bundles against the database: gather what a bundle carries, and merge a validated
 * bundle in. Merging is idempotent and keyed by UUID:
 *  - reports and versions by id; a version whose source file and paragraphs are identical to one
 *    already here under another id (every copy of ReviewDesk seeds the bundled report with its
 *    own id) is mapped onto the local one, so everyone's marks land on the same report;
 *  - a new version is rebuilt from the source file the bundle carries (paragraphs, structure,
 *    repairs, meta), and refused when the bundle's paragraphs are not what that file gives;
 *  - every mark is re-resolved against the report text, as annotations.create does: its quote
 *    and context come from the paragraph, never from the bundle; an orphan is resolved against
 *    the version whose text it last quoted, and arrives as an orphan with that quote;
 *  - annotations and drafts by id, the newer updated_at winning; deletions travel as tombstones,
 *    anchor history travels with its mark;
 *  - a record that would change its author or its report, that is older (or equally old with
 *    different content), or that would overwrite a local edit made after the bundle was
 *    exported, is a conflict: the local copy is kept and the conflict is listed.
 * Everything happens in one transaction after a planning pass that checks the bundle fits
 * together (and that no date lies in the future), so a bad bundle writes nothing.
 * No message names an internal id: users know reports by title, marks by their quote.
 */
import { createHash } from 'node:crypto';
import type { TextTarget } from '../anchor/types';
import type { BundleAnnotation, BundleContents, BundleDraft, BundleHistoryStep, BundleReport, BundleVersion } from '../bundle/format';
import { KIND_SPECS } from '../draft/kinds';
import { normalizeFields, parseStoredFields } from '../draft/stored';
import { ReviewDeskError, isReviewDeskError } from '../errors';
import type { VersionMeta } from '../model';
import type { ApiError } from '../common/errorCodes';
import { declinedKeys, importReportBytes, type ParsedReport } from '../report';
import type { Db } from './db';
import { createMarkStore, resolveTargetsWith } from './marks';
import { BLOCK_COLUMNS, toBlock, versionMetaOf, type BlockRow } from './reports';
import { isoLocalMinute } from '../common/localTime';

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

export interface BundleImportOptions {
  /** the clock the bundle's dates are judged by (tests inject one) */
  now?: Date;
  /**
   * The bundled sources already parsed (in a worker, by version id); without them each source
   * is parsed here. Either way the bundle's paragraphs must be what the source gives.
   */
  sources?: Readonly<Record<string, { parsed: ParsedReport } | { error: ApiError }>>;
}

/** How far ahead of this machine's clock a bundle's dates may be: two PCs' clocks rarely agree. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

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
  /** the latest carry to another version (anchor_history), when the row was read for a merge */
  last_carried_at?: string | null;
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
interface HistoryRow {
  from_version_id: string;
  to_version_id: string;
  targets_json: string;
  outcome: BundleHistoryStep['outcome'];
  score: number;
  carried_at: string;
}
type MarkKind = 'annotation' | 'draft';
type RecordKind = 'report' | 'version' | MarkKind;
type Paragraphs = Map<string, { id: string; text: string }>;

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Identity of a version's text: the paragraphs as ids and words, not how they were stored. */
function blocksFingerprint(blocks: { id: string; ord: number; kind: string; text: string }[]): string {
  return sha(JSON.stringify([...blocks].sort((a, b) => a.ord - b.ord).map((b) => [b.id, b.kind, b.text])));
}

function plainTarget(t: TextTarget): TextTarget {
  return { blockId: t.blockId, start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix };
}

/** Every target's quote is the text at its position in these paragraphs. */
function quotesMatch(paragraphs: Paragraphs, targets: readonly TextTarget[]): boolean {
  return targets.every((t) => {
    const b = paragraphs.get(t.blockId);
    return !!b && t.start < t.end && t.end <= b.text.length && b.text.slice(t.start, t.end) === t.exact;
  });
}

/** The first of `candidates` whose text the targets quote (an orphan's old version, usually the first asked). */
function locate(paragraphsOf: (versionId: string) => Paragraphs, targets: readonly TextTarget[], candidates: readonly string[]): string | undefined {
  return [...new Set(candidates)].find((v) => quotesMatch(paragraphsOf(v), targets));
}

/** Paragraph texts of stored versions, read once per version. */
function storedParagraphs(db: Db) {
  const stmt = db.prepare('SELECT id, text FROM blocks WHERE version_id = ?');
  const cache = new Map<string, Paragraphs>();
  return (versionId: string): Paragraphs => {
    let m = cache.get(versionId);
    if (!m) cache.set(versionId, (m = new Map((stmt.all(versionId) as { id: string; text: string }[]).map((b) => [b.id, b]))));
    return m;
  };
}

// ---- labels (what users recognise; never an id) ------------------------------------------

function shorten(text: string, max = 30): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

function quoteOf(targets: readonly { exact: string }[]): string {
  return shorten(targets.map((t) => t.exact).join('……'));
}

/** A mark as its list shows it: an annotation by its quote (or note), a draft by its title (or quote). */
function markName(kind: MarkKind, m: BundleAnnotation | BundleDraft, targets: readonly { exact: string }[] = m.targets): string {
  if (kind === 'annotation') return quoteOf(targets) || shorten((m as BundleAnnotation).note);
  return shorten((m as BundleDraft).title) || quoteOf(targets);
}

/** A mark in a sentence: 批注“…”, 修改意见“…”. */
function markLabel(kind: MarkKind, m: BundleAnnotation | BundleDraft): string {
  const name = kind === 'annotation' ? '批注' : KIND_SPECS[(m as BundleDraft).kind].name;
  const what = markName(kind, m);
  return what ? `${name}“${what}”` : kind === 'annotation' ? '一条批注' : `一份${name}`;
}

function versionLabel(report: BundleReport, v: BundleVersion): string {
  return `报告“${shorten(report.title)}”的“${shorten(v.label)}”`;
}

const KIND_NAMES: Record<RecordKind, string> = { report: '一份报告', version: '一个报告版本', annotation: '一条批注', draft: '一份意见稿' };

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
    ).map((v): BundleVersion => ({
      id: v.id,
      label: v.label,
      ord: v.ord,
      importedAt: v.imported_at,
      sourceName: v.source_name,
      sourceSha256: v.source_sha256,
      sourceBase64: Buffer.from(v.source_bytes).toString('base64'),
      meta: JSON.parse(v.meta_json) as BundleVersion['meta'],
      ...declinedOf(v.meta_json),
      blocks: (blocksOf.all(v.id) as BlockRow[]).map(toBlock),
    })),
  }));

  const annTargets = createMarkStore(db, 'annotations');
  const annTags = db.prepare('SELECT t.name FROM annotation_tags a JOIN tags t ON t.id = a.tag_id WHERE a.annotation_id = ? ORDER BY t.name');
  const draftTargets = createMarkStore(db, 'drafts');
  const historyOf = db.prepare('SELECT * FROM anchor_history WHERE mark_id = ? AND kind = ? ORDER BY id');
  const paragraphs = storedParagraphs(db);
  const annotations: BundleAnnotation[] = [];
  const drafts: BundleDraft[] = [];

  /** Anchor history, and for an orphan the version whose text its targets still quote. */
  const travelling = (kind: MarkKind, row: MarkRow, targets: TextTarget[], reportVersions: string[]) => {
    const history = (historyOf.all(row.id, kind) as HistoryRow[]).map((h): BundleHistoryStep => ({
      fromVersionId: h.from_version_id,
      toVersionId: h.to_version_id,
      targets: (JSON.parse(h.targets_json) as TextTarget[]).map(plainTarget),
      outcome: h.outcome,
      score: h.score,
      carriedAt: h.carried_at,
    }));
    const out: Pick<BundleAnnotation, 'history' | 'targetsVersionId'> = {};
    if (history.length) out.history = history;
    if (row.anchor_status === 'orphaned' && targets.length) {
      const where = locate(paragraphs, targets, [row.version_id, ...history.map((h) => h.fromVersionId).reverse(), ...reportVersions]);
      if (where && where !== row.version_id) out.targetsVersionId = where;
    }
    return out;
  };

  for (const report of reports) {
    const reportVersions = [...report.versions].reverse().map((v) => v.id);
    // Tombstones included: a deletion made on this machine must reach the other one.
    for (const a of db.prepare('SELECT * FROM annotations WHERE report_id = ? ORDER BY created_at, id').all(report.id) as AnnotationRow[]) {
      const targets = annTargets.readTargets(a.id);
      annotations.push({
        ...markOf(a),
        color: a.color as BundleAnnotation['color'],
        note: a.note,
        tags: (annTags.all(a.id) as { name: string }[]).map((t) => t.name),
        targets,
        ...travelling('annotation', a, targets, reportVersions),
      });
    }
    for (const d of db.prepare('SELECT * FROM drafts WHERE report_id = ? ORDER BY created_at, id').all(report.id) as DraftRow[]) {
      const targets = draftTargets.readTargets(d.id);
      drafts.push({
        ...markOf(d),
        kind: d.kind as BundleDraft['kind'],
        title: d.title,
        fields: parseStoredFields(d.kind, d.fields_json),
        status: d.status as BundleDraft['status'],
        targets,
        ...travelling('draft', d, targets, reportVersions),
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
  /** insert only: the bundled source file as this app imports it — what gets written */
  parsed?: ParsedReport;
}

export function importBundle(db: Db, bundle: BundleContents, opts: BundleImportOptions = {}): BundleImportResult {
  const now = (opts.now ?? new Date()).getTime();
  return db
    .transaction(() => {
      checkDates(bundle, now);
      checkIds(db, bundle);
      const plan = planVersions(db, bundle, opts);
      const marks = resolveMarks(db, bundle, plan);
      return applyPlan(db, bundle, plan, marks);
    })
    .immediate();
}

/**
 * No date may lie more than a day ahead of this machine's clock: "newer wins" would let such a
 * record beat every later edit, for ever. (Impossible dates are refused by the format already.)
 */
function checkDates(bundle: BundleContents, now: number): void {
  const check = (iso: string | null, what: () => string) => {
    if (iso === null || Date.parse(iso) <= now + CLOCK_SKEW_MS) return;
    throw new ReviewDeskError(
      'bundle/future-date',
      `交换包里${what()}是 ${isoLocalMinute(iso)}，比本机当前时间晚了一天以上，可能是导出它的电脑时钟不准。请校准时钟后重新导出。已拒绝导入，没有写入任何数据。`,
    );
  };
  check(bundle.manifest.createdAt, () => '的导出时间');
  for (const r of bundle.reports) {
    check(r.createdAt, () => `报告“${shorten(r.title)}”的创建时间`);
    for (const v of r.versions) check(v.importedAt, () => `${versionLabel(r, v)}的导入时间`);
  }
  const marks: (readonly [MarkKind, BundleAnnotation | BundleDraft])[] = [
    ...bundle.annotations.map((a) => ['annotation', a] as const),
    ...bundle.drafts.map((d) => ['draft', d] as const),
  ];
  for (const [kind, m] of marks) {
    check(m.createdAt, () => `${markLabel(kind, m)}的创建时间`);
    check(m.updatedAt, () => `${markLabel(kind, m)}的修改时间`);
    check(m.deletedAt, () => `${markLabel(kind, m)}的删除时间`);
    for (const h of m.history ?? []) check(h.carriedAt, () => `${markLabel(kind, m)}的版本移动记录`);
  }
}

/** One id, one record: within the bundle, and against records of another kind already here. */
function checkIds(db: Db, bundle: BundleContents): void {
  const localKind = db.prepare(
    `SELECT 'report' AS kind FROM reports WHERE id = @id UNION ALL SELECT 'version' FROM versions WHERE id = @id
     UNION ALL SELECT 'annotation' FROM annotations WHERE id = @id UNION ALL SELECT 'draft' FROM drafts WHERE id = @id`,
  );
  const seen = new Map<string, RecordKind>();
  const claim = (id: string, kind: RecordKind, label: () => string) => {
    const other = seen.get(id);
    if (other === kind) throw invalid(`${label()}出现了两次`);
    if (other) throw invalid(`${label()}与交换包里的${KIND_NAMES[other]}编号相同`);
    seen.set(id, kind);
    const here = (localKind.all({ id }) as { kind: RecordKind }[]).find((r) => r.kind !== kind);
    if (here) throw invalid(`${label()}与本机的${KIND_NAMES[here.kind]}编号相同`);
  };
  for (const r of bundle.reports) {
    claim(r.id, 'report', () => `报告“${shorten(r.title)}”`);
    for (const v of r.versions) claim(v.id, 'version', () => versionLabel(r, v));
  }
  for (const a of bundle.annotations) claim(a.id, 'annotation', () => markLabel('annotation', a));
  for (const d of bundle.drafts) claim(d.id, 'draft', () => markLabel('draft', d));
}

/** The repairs undone on a version, for its bundle entry (none: the field is left out, as older apps wrote it). */
function declinedOf(metaJson: string): Pick<BundleVersion, 'declinedRepairs'> {
  const keys = declinedKeys((JSON.parse(metaJson) as Partial<VersionMeta>).repairs ?? []);
  return keys.length ? { declinedRepairs: keys } : {};
}

/** The bundled source file, imported as this app imports files; its paragraphs must be the bundle's. */
function parseSource(report: BundleReport, v: BundleVersion, bytes: Buffer, opts: BundleImportOptions): ParsedReport {
  const label = versionLabel(report, v);
  let parsed: ParsedReport;
  try {
    const ready = opts.sources && Object.hasOwn(opts.sources, v.id) ? opts.sources[v.id] : undefined;
    if (ready && 'error' in ready) throw new ReviewDeskError(ready.error.code, ready.error.message);
    parsed = ready ? ready.parsed : importReportBytes(bytes, v.sourceName, undefined, { declined: v.declinedRepairs });
  } catch (e) {
    if (isReviewDeskError(e)) throw invalid(`${label}随附的原文件无法读取：${e.message.replace(/[。.]$/, '')}`);
    throw e;
  }
  const incoming = [...v.blocks].sort((a, b) => a.ord - b.ord);
  for (let i = 0; i < Math.max(incoming.length, parsed.blocks.length); i++) {
    const a = incoming[i];
    const b = parsed.blocks[i];
    if (!a || !b || a.id !== b.id || a.kind !== b.kind || a.text !== b.text) {
      throw invalid(`${label}的第 ${i + 1} 段与随附的原文件不符；交换包可能被改动过，或由不同版本的审议台导出`);
    }
  }
  return parsed;
}

function planVersions(db: Db, bundle: BundleContents, opts: BundleImportOptions) {
  const versionMap = new Map<string, string>(); // incoming version id → local id
  const reportMap = new Map<string, string>(); // incoming report id → local id
  const versions: VersionPlan[] = [];
  const conflicts: BundleConflict[] = [];
  const reportHere = db.prepare('SELECT 1 FROM reports WHERE id = ?');
  const localVersion = db.prepare('SELECT id, report_id, source_sha256 FROM versions WHERE id = ?');
  const bySource = db.prepare('SELECT id, report_id FROM versions WHERE source_sha256 = ?');
  const localBlocks = db.prepare('SELECT id, ord, kind, text FROM blocks WHERE version_id = ?');
  const localFingerprint = (versionId: string) => blocksFingerprint(localBlocks.all(versionId) as { id: string; ord: number; kind: string; text: string }[]);

  for (const report of bundle.reports) {
    // the local report this one is: its own id if that is here, else the report of a twin version
    let mapped: string | undefined = reportHere.get(report.id) ? report.id : undefined;
    for (const v of report.versions) {
      const label = versionLabel(report, v);
      const bytes = Buffer.from(v.sourceBase64, 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== v.sourceSha256) throw invalid(`${label}的原文件校验值不符`);
      const ids = new Set(v.blocks.map((b) => b.id));
      if (ids.size !== v.blocks.length) throw invalid(`${label}有重复的段落编号`);
      const fingerprint = blocksFingerprint(v.blocks);
      const same = localVersion.get(v.id) as { id: string; report_id: string; source_sha256: string } | undefined;
      if (same) {
        if (mapped && mapped !== same.report_id) throw invalid(`${label}在本机属于另一份报告`);
        mapped = same.report_id;
        const identical = same.source_sha256 === v.sourceSha256 && localFingerprint(v.id) === fingerprint;
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
        versionMap.set(v.id, v.id);
        continue;
      }
      // a twin must be in the report the others mapped onto: one bundled report, one local report
      const twin = (bySource.all(v.sourceSha256) as { id: string; report_id: string }[]).find(
        (t) => (!mapped || t.report_id === mapped) && localFingerprint(t.id) === fingerprint,
      );
      if (twin) {
        mapped ??= twin.report_id;
        versions.push({ incoming: v, report, localId: twin.id, action: 'same' });
        versionMap.set(v.id, twin.id);
        continue;
      }
      // The same file with other repairs undone (the paragraphs differ only there): a version of
      // the report that file is in here, not a second copy of the whole report.
      const cousin = (bySource.all(v.sourceSha256) as { id: string; report_id: string }[]).find((t) => !mapped || t.report_id === mapped);
      if (cousin) mapped ??= cousin.report_id;
      versions.push({ incoming: v, report, localId: v.id, action: 'insert', parsed: parseSource(report, v, bytes, opts) });
      versionMap.set(v.id, v.id);
    }
    // a report none of whose versions is already here keeps its own id (new, or the same report)
    reportMap.set(report.id, mapped ?? report.id);
  }
  return { versionMap, reportMap, versions, conflicts };
}

type Plan = ReturnType<typeof planVersions>;

/** A step of anchor history, its version ids mapped and its targets re-read from the text. */
interface ResolvedStep {
  fromVersionId: string;
  toVersionId: string;
  targets: TextTarget[];
  outcome: BundleHistoryStep['outcome'];
  score: number;
  carriedAt: string;
}

/** An incoming mark as it will be written here, or why it is not (a conflict, local kept). */
interface ResolvedMark<T extends BundleAnnotation | BundleDraft> {
  incoming: T;
  reportId: string;
  versionId: string;
  targets: TextTarget[];
  history: ResolvedStep[];
  skip?: string;
}

/**
 * Every mark re-resolved against the text it will live on, as annotations.create does: its
 * version must be in the bundle or here, its report must be that version's report, each target
 * must be a non-empty range of a paragraph that version has and quote exactly the text there;
 * the stored quote and context are then rebuilt from the paragraph. An orphan's targets are
 * resolved against the version whose text it last quoted (named by the bundle, or found).
 */
function resolveMarks(db: Db, bundle: BundleContents, plan: Plan) {
  const stored = storedParagraphs(db);
  const inserted = new Map<string, { reportId: string; paragraphs: Paragraphs }>();
  for (const p of plan.versions) {
    if (p.action === 'insert')
      inserted.set(p.localId, { reportId: plan.reportMap.get(p.report.id)!, paragraphs: new Map(p.parsed!.blocks.map((b) => [b.id, b])) });
  }
  const conflicting = new Set(plan.versions.filter((p) => p.action === 'conflict').map((p) => p.localId));
  const reportOfStored = db.prepare('SELECT report_id FROM versions WHERE id = ?');
  const storedVersionsOf = db.prepare('SELECT id FROM versions WHERE report_id = ? ORDER BY ord DESC');

  const paragraphsOf = (versionId: string) => inserted.get(versionId)?.paragraphs ?? stored(versionId);
  const reportOf = (versionId: string) => inserted.get(versionId)?.reportId ?? (reportOfStored.get(versionId) as { report_id: string } | undefined)?.report_id;
  /** the local id of a version the bundle names, if it is in the bundle or already here */
  const mapVersion = (id: string) => plan.versionMap.get(id) ?? (reportOfStored.get(id) ? id : undefined);
  const versionsOfReport = (reportId: string) => [
    ...[...inserted].filter(([, v]) => v.reportId === reportId).map(([id]) => id),
    ...(storedVersionsOf.all(reportId) as { id: string }[]).map((r) => r.id),
  ];

  /** Rebuilds targets from the paragraphs of `versionId`, refusing any that do not quote them. */
  const resolveIn = (versionId: string, targets: readonly TextTarget[], label: string): TextTarget[] => {
    const paragraphs = paragraphsOf(versionId);
    return targets.map((t) => {
      if (!paragraphs.has(t.blockId)) throw invalid(`${label}指向的段落不在对应的版本中`);
      let rebuilt: TextTarget;
      try {
        // positions only: a quote that disagrees is the bundle's fault, said below in its terms
        [rebuilt] = resolveTargetsWith((id) => paragraphs.get(id), [{ blockId: t.blockId, start: t.start, end: t.end }]);
      } catch (e) {
        if (isReviewDeskError(e)) throw invalid(`${label}的起止位置超出了段落范围`);
        throw e;
      }
      if (rebuilt.exact !== t.exact) throw invalid(`${label}引用的文字与报告原文不符`);
      return rebuilt;
    });
  };

  const resolve = <T extends BundleAnnotation | BundleDraft>(kind: MarkKind, m: T): ResolvedMark<T> => {
    const label = markLabel(kind, m);
    const versionId = mapVersion(m.versionId);
    if (!versionId) throw invalid(`${label}所在的报告版本既不在交换包中，也不在本机`);
    const reportId = plan.reportMap.get(m.reportId) ?? m.reportId;
    if (reportOf(versionId) !== reportId) throw invalid(`${label}所属的报告与它所在的版本不对应`);

    const skip = (): ResolvedMark<T> => ({
      incoming: m,
      reportId,
      versionId,
      targets: [],
      history: [],
      skip: '它所在的报告版本与本机同一编号的版本内容不同，没有导入。',
    });
    if (conflicting.has(versionId)) return skip();

    let targetsVersionId = versionId;
    if (m.targetsVersionId !== undefined && m.targetsVersionId !== m.versionId) {
      if (m.anchorStatus !== 'orphaned') throw invalid(`${label}没有失去定位，却引用另一个版本的文字`);
      const where = mapVersion(m.targetsVersionId);
      if (!where || reportOf(where) !== reportId) throw invalid(`${label}引用的文字所在的版本不属于同一份报告`);
      targetsVersionId = where;
    } else if (m.anchorStatus === 'orphaned' && m.targetsVersionId === undefined) {
      // a schema-1 bundle does not say which version an orphan's text is in: find it
      const carriedFrom = (m.history ?? []).map((h) => mapVersion(h.fromVersionId)).filter((v): v is string => !!v);
      targetsVersionId = locate(paragraphsOf, m.targets, [versionId, ...carriedFrom.reverse(), ...versionsOfReport(reportId)]) ?? versionId;
    }
    if (conflicting.has(targetsVersionId)) return skip();

    const history = (m.history ?? []).map((h): ResolvedStep => {
      const from = mapVersion(h.fromVersionId);
      const to = mapVersion(h.toVersionId);
      if (!from || !to || reportOf(from) !== reportId || reportOf(to) !== reportId) throw invalid(`${label}的版本移动记录指向的版本不属于同一份报告`);
      // a step's targets quote the version it left, or (an orphan carried on) the text it was made on
      const where = locate(paragraphsOf, h.targets, [from, ...versionsOfReport(reportId)]);
      if (where === undefined) throw invalid(`${label}的版本移动记录与报告原文对不上`);
      return { fromVersionId: from, toVersionId: to, targets: resolveIn(where, h.targets, label), outcome: h.outcome, score: h.score, carriedAt: h.carriedAt };
    });
    return { incoming: m, reportId, versionId, targets: resolveIn(targetsVersionId, m.targets, label), history };
  };

  return {
    annotations: bundle.annotations.map((a) => resolve('annotation', a)),
    drafts: bundle.drafts.map((d) => resolve('draft', d)),
  };
}

type ResolvedMarks = ReturnType<typeof resolveMarks>;

function newer(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function applyPlan(db: Db, bundle: BundleContents, plan: Plan, marks: ResolvedMarks): BundleImportResult {
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

  // versions: written once, like an import, from this app's own parse of the bundled file
  const maxOrd = db.prepare('SELECT MAX(ord) AS m FROM versions WHERE report_id = ?');
  const ordTaken = db.prepare('SELECT 1 FROM versions WHERE report_id = ? AND ord = ?');
  const previous = db.prepare('SELECT id FROM versions WHERE report_id = ? AND ord < ? ORDER BY ord DESC LIMIT 1');
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
    const parsed = p.parsed!;
    const reportId = plan.reportMap.get(p.report.id)!;
    const ord = ordTaken.get(reportId, v.ord) ? ((maxOrd.get(reportId) as { m: number | null }).m ?? -1) + 1 : v.ord;
    const prev = (previous.get(reportId, ord) as { id: string } | undefined)?.id ?? null;
    insertVersion.run(
      v.id,
      reportId,
      v.label,
      ord,
      v.importedAt,
      v.sourceName,
      v.sourceSha256,
      Buffer.from(v.sourceBase64, 'base64'),
      JSON.stringify(versionMetaOf(parsed, prev)),
    );
    for (const b of parsed.blocks) {
      insertBlock.run(
        v.id,
        b.id,
        b.ord,
        b.kind,
        b.path,
        b.level,
        b.part,
        b.section,
        b.headingEnd,
        b.leadEnd,
        b.text.slice(0, b.leadEnd || b.headingEnd),
        JSON.stringify(b.sentenceEnds),
        b.text,
      );
    }
    result.versions.added++;
  }

  const history = historyWriter(db);
  mergeAnnotations(db, marks.annotations, bundle, history, result);
  mergeDrafts(db, marks.drafts, bundle, history, result);
  return result;
}

/** Adds the steps of a mark's history this database does not have yet (importing twice adds nothing). */
function historyWriter(db: Db) {
  const exists = db.prepare(
    'SELECT 1 FROM anchor_history WHERE mark_id = ? AND kind = ? AND from_version_id = ? AND to_version_id = ? AND carried_at = ? AND outcome = ?',
  );
  const insert = db.prepare(
    `INSERT INTO anchor_history(mark_id, kind, from_version_id, to_version_id, targets_json, outcome, score, carried_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (kind: MarkKind, markId: string, steps: readonly ResolvedStep[]) => {
    for (const s of steps) {
      if (exists.get(markId, kind, s.fromVersionId, s.toVersionId, s.carriedAt, s.outcome)) continue;
      insert.run(markId, kind, s.fromVersionId, s.toVersionId, JSON.stringify(s.targets.map(plainTarget)), s.outcome, s.score, s.carriedAt);
    }
  };
}
type HistoryWriter = ReturnType<typeof historyWriter>;

interface MarkMerge<T extends BundleAnnotation | BundleDraft, R extends MarkRow> {
  kind: MarkKind;
  local(id: string): R | undefined;
  /** content that matters to a reader, to tell a real edit from the same record */
  fingerprint(m: ResolvedMark<T> | R): string;
  insert(m: ResolvedMark<T>): void;
  update(m: ResolvedMark<T>): void;
}

function merge<T extends BundleAnnotation | BundleDraft, R extends MarkRow>(
  items: ResolvedMark<T>[],
  bundle: BundleContents,
  history: HistoryWriter,
  counts: MergeCounts,
  conflicts: BundleConflict[],
  ops: MarkMerge<T, R>,
): void {
  for (const r of items) {
    const m = r.incoming;
    const local = ops.local(m.id);
    const conflict = (reason: string) =>
      conflicts.push({
        kind: ops.kind,
        id: m.id,
        label: markName(ops.kind, m, r.targets.length ? r.targets : m.targets) || (ops.kind === 'annotation' ? '（无引文批注）' : '（无标题意见稿）'),
        author: m.author,
        localUpdatedAt: local?.updated_at ?? null,
        incomingUpdatedAt: m.updatedAt,
        reason,
      });
    if (r.skip) {
      conflict(r.skip);
      continue;
    }
    if (!local) {
      ops.insert(r);
      history(ops.kind, m.id, r.history);
      if (m.deletedAt) counts.deleted++;
      else counts.added++;
      continue;
    }
    // who wrote a mark and which report it is about never change: a bundle saying otherwise is not an edit
    // (signing earlier unsigned work is the one allowed change: a blank author becoming a name)
    if (local.author !== m.author && local.author.trim() !== '') {
      conflict(`交换包里这条记录的作者（${m.author || '未署名'}）与本机（${local.author || '未署名'}）不同，保留本机内容。`);
      continue;
    }
    if (local.report_id !== r.reportId) {
      conflict('交换包里这条记录属于另一份报告，保留本机内容。');
      continue;
    }
    if (ops.fingerprint(r) === ops.fingerprint(local) && local.author === m.author) {
      counts.unchanged++;
      continue;
    }
    // Carrying a mark to a new version does not touch its updated time (the user did not edit
    // it), but it is a change the other side must be able to take: compare the later of the two.
    const incomingChanged = latest(m.updatedAt, ...(m.history ?? []).map((h) => h.carriedAt));
    const localChanged = latest(local.updated_at, local.last_carried_at ?? null);
    const order = newer(incomingChanged, localChanged);
    if (order > 0 && newer(localChanged, bundle.manifest.createdAt) > 0) {
      // the local edit came after the bundle was made: whoever made it has not seen the bundle's copy
      conflict('本机在这个交换包导出之后又改过，保留本机内容。');
      continue;
    }
    if (order > 0) {
      ops.update(r);
      history(ops.kind, m.id, r.history);
      if (m.deletedAt && !local.deleted_at) counts.deleted++;
      else counts.updated++;
      continue;
    }
    conflict(order < 0 ? '两边都改过，本机的修改较新，保留本机内容。' : '两边在同一时间改成了不同内容，保留本机内容。');
  }
}

/** The latest of some ISO times (nulls ignored). */
function latest(first: string, ...rest: (string | null)[]): string {
  return rest.reduce<string>((a, b) => (b !== null && newer(b, a) > 0 ? b : a), first);
}

function mergeAnnotations(db: Db, items: ResolvedMark<BundleAnnotation>[], bundle: BundleContents, history: HistoryWriter, result: BundleImportResult): void {
  const selectOne = db.prepare(
    `SELECT *, (SELECT MAX(carried_at) FROM anchor_history h WHERE h.mark_id = annotations.id) AS last_carried_at FROM annotations WHERE id = ?`,
  );
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

  const writeChildren = (r: ResolvedMark<BundleAnnotation>) => {
    targets.writeTargets(r.incoming.id, r.targets);
    deleteTags.run(r.incoming.id);
    for (const name of new Set(r.incoming.tags.map((t) => t.trim()).filter(Boolean))) linkTag.run(r.incoming.id, (upsertTag.get(name) as { id: number }).id);
  };

  merge<BundleAnnotation, AnnotationRow>(items, bundle, history, result.annotations, result.conflicts, {
    kind: 'annotation',
    local: (id) => selectOne.get(id) as AnnotationRow | undefined,
    fingerprint: (m) =>
      'incoming' in m
        ? JSON.stringify([
            m.versionId,
            m.incoming.color,
            m.incoming.note,
            [...new Set(m.incoming.tags.map((t) => t.trim()))].sort(),
            m.targets,
            m.incoming.deletedAt !== null,
          ])
        : JSON.stringify([
            m.version_id,
            m.color,
            m.note,
            (tagsOf.all(m.id) as { name: string }[]).map((t) => t.name).sort(),
            targets.readTargets(m.id),
            m.deleted_at !== null,
          ]),
    insert: (r) => {
      const m = r.incoming;
      insert.run(m.id, r.reportId, r.versionId, m.color, m.note, m.author, m.createdAt, m.updatedAt, m.deletedAt, m.anchorStatus, m.anchorScore);
      writeChildren(r);
    },
    update: (r) => {
      const m = r.incoming;
      update.run(r.reportId, r.versionId, m.color, m.note, m.author, m.updatedAt, m.deletedAt, m.anchorStatus, m.anchorScore, m.id);
      writeChildren(r);
    },
  });
}

function mergeDrafts(db: Db, items: ResolvedMark<BundleDraft>[], bundle: BundleContents, history: HistoryWriter, result: BundleImportResult): void {
  const selectOne = db.prepare(
    `SELECT *, (SELECT MAX(carried_at) FROM anchor_history h WHERE h.mark_id = drafts.id) AS last_carried_at FROM drafts WHERE id = ?`,
  );
  const targets = createMarkStore(db, 'drafts');
  const insert = db.prepare(
    `INSERT INTO drafts(id, report_id, version_id, kind, title, fields_json, status, author, created_at, updated_at, deleted_at, anchor_status, anchor_score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE drafts SET report_id = ?, version_id = ?, kind = ?, title = ?, fields_json = ?, status = ?, author = ?, updated_at = ?, deleted_at = ?, anchor_status = ?, anchor_score = ? WHERE id = ?`,
  );
  // field order, or a key one side leaves at its empty value, must not make two equal drafts look different
  const sortedFields = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  merge<BundleDraft, DraftRow>(items, bundle, history, result.drafts, result.conflicts, {
    kind: 'draft',
    local: (id) => selectOne.get(id) as DraftRow | undefined,
    fingerprint: (m) =>
      'incoming' in m
        ? JSON.stringify([
            m.versionId,
            m.incoming.kind,
            m.incoming.title,
            sortedFields(normalizeFields(m.incoming.kind, m.incoming.fields)),
            m.incoming.status,
            m.targets,
            m.incoming.deletedAt !== null,
          ])
        : JSON.stringify([
            m.version_id,
            m.kind,
            m.title,
            sortedFields(parseStoredFields(m.kind, m.fields_json)),
            m.status,
            targets.readTargets(m.id),
            m.deleted_at !== null,
          ]),
    insert: (r) => {
      const m = r.incoming;
      insert.run(
        m.id,
        r.reportId,
        r.versionId,
        m.kind,
        m.title,
        JSON.stringify(m.fields),
        m.status,
        m.author,
        m.createdAt,
        m.updatedAt,
        m.deletedAt,
        m.anchorStatus,
        m.anchorScore,
      );
      targets.writeTargets(m.id, r.targets);
    },
    update: (r) => {
      const m = r.incoming;
      update.run(
        r.reportId,
        r.versionId,
        m.kind,
        m.title,
        JSON.stringify(m.fields),
        m.status,
        m.author,
        m.updatedAt,
        m.deletedAt,
        m.anchorStatus,
        m.anchorScore,
        m.id,
      );
      targets.writeTargets(m.id, r.targets);
    },
  });
}

export function createBundleRepository(db: Db) {
  return {
    collect: (opts: { reportId?: string } = {}) => collectBundle(db, opts),
    import: (bundle: BundleContents, opts: BundleImportOptions = {}) => importBundle(db, bundle, opts),
  };
}
