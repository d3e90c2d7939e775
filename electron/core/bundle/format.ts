/**
 * The `.reviewdesk` exchange bundle: a zip of manifest.json + reports.json + annotations.json +
 * drafts.json, each listed in the manifest with its SHA-256 and size. Pure: bytes in, validated
 * records out (or a ReviewDeskError with a Chinese message), and records in, bytes out. Nothing
 * here touches the database; electron/core/store/bundle.ts does (and checks what needs the
 * library: that marks quote the report text, that versions match their source file, clocks).
 *
 * Schema versions: 1 is the original layout. 2 adds two optional fields to marks — `history`
 * (anchor_history: where the mark pointed before each carry) and `targetsVersionId` (the version
 * an orphan's targets quote). A bundle that uses neither is still written as version 1, so a
 * colleague on an older ReviewDesk (which refuses unknown fields) can read it.
 *
 * Reading is defensive because a bundle arrives on a USB stick from another machine: entries are
 * inflated as a stream with a running size count (a zip bomb is stopped while inflating, not
 * after), names are checked before anything is read, and every JSON file is validated in full
 * before the caller writes anything.
 */
import { createHash } from 'node:crypto';
import { zipSync, strToU8, strFromU8 } from 'fflate';
import { z } from 'zod';
import { ReviewDeskError } from '../errors';
import type { ErrorCode } from '../common/errorCodes';
import { kindModule } from '../draft/kinds/index';
import { ANCHOR_OUTCOMES, ANCHOR_STATUSES, COLORS, DRAFT_KINDS, DRAFT_STATUSES, REPAIR_KEY } from '../common/vocabulary';
import { guardedUnzip } from '../zip/guardedUnzip';

export const BUNDLE_FORMAT = 'reviewdesk-bundle';
/** The newest layout this app reads and writes; see writeBundle for when 1 is written instead. */
export const BUNDLE_SCHEMA_VERSION = 2;
export const BUNDLE_EXTENSION = '.reviewdesk';
/** Uncompressed total; a year of one delegation's reports and marks is a few MB. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const MAX_ENTRIES = 64;

export const MANIFEST = 'manifest.json';
export const DATA_FILES = ['reports.json', 'annotations.json', 'drafts.json'] as const;
type DataFile = (typeof DATA_FILES)[number];

// ---- schema -------------------------------------------------------------------------------

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/**
 * An ISO 8601 instant that names a real moment: the pattern alone accepts 2024-13-45T99:99:99Z,
 * and Date.parse rolls 2 月 30 日 over into March, so the calendar is checked field by field.
 */
export function isRealInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = Number(m[6] ?? '0');
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 14 || Number(m[8]) > 59)) return false;
  return Number.isFinite(Date.parse(s));
}

const Iso = z.string().min(10).max(40).refine(isRealInstant, '时间格式不正确或不是真实存在的时间');
const Uuid = z.uuid();
const BlockId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);
const Offset = z.number().int().min(0).max(1_000_000);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const AnchorStatus = z.enum(ANCHOR_STATUSES);
const Score = z.number().min(0).max(1);

const Target = z.strictObject({
  blockId: BlockId,
  start: Offset,
  end: Offset,
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});

const Block = z.strictObject({
  id: BlockId,
  ord: z.number().int().min(0).max(1_000_000),
  kind: z.string().min(1).max(40),
  text: z.string().max(200_000),
  path: z.string().max(1000),
  level: z.number().int().min(0).max(20),
  part: z.number().int().nullable(),
  section: z.number().int().nullable(),
  headingEnd: Offset,
  leadEnd: Offset,
  sentenceEnds: z.array(Offset).max(10_000),
});

const Version = z.strictObject({
  id: Uuid,
  label: z.string().max(200),
  ord: z.number().int().min(0).max(10_000),
  importedAt: Iso,
  sourceName: z.string().min(1).max(255),
  sourceSha256: Sha256,
  sourceBase64: z
    .string()
    .max(40_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /**
   * VersionMeta as the exporting app stored it. Written for older readers, ignored on import:
   * the importer rebuilds meta (repairs, artifacts, date, block count) from the source file,
   * so a hand-made meta can never reach the library.
   */
  meta: z.looseObject({}),
  /**
   * Repairs the user undid on this version (Repair.key): the importer parses the source with them
   * declined, so the paragraphs below are what it gets. Absent from bundles of older versions.
   */
  declinedRepairs: z.array(z.string().max(120).regex(REPAIR_KEY)).max(10_000).optional(),
  /** Must be what the source file gives when imported; checked on import, which writes its own parse. */
  blocks: z.array(Block).max(100_000),
});

const Report = z.strictObject({
  id: Uuid,
  title: z.string().min(1).max(500),
  kind: z.string().min(1).max(60),
  year: z.number().int().nullable(),
  region: z.string().max(200).nullable(),
  createdAt: Iso,
  versions: z.array(Version).max(200),
});

/** One row of anchor_history: where a mark pointed before it was carried (or re-attached). */
const HistoryStep = z.strictObject({
  fromVersionId: Uuid,
  toVersionId: Uuid,
  /** the targets as they were before this step (an orphan's are those of the text it was made on) */
  targets: z.array(Target).max(500),
  outcome: z.enum(ANCHOR_OUTCOMES),
  score: Score,
  carriedAt: Iso,
});

const Mark = {
  id: Uuid,
  reportId: Uuid,
  versionId: Uuid,
  author: z.string().max(200),
  createdAt: Iso,
  updatedAt: Iso,
  deletedAt: Iso.nullable(),
  anchorStatus: AnchorStatus,
  anchorScore: Score,
  /** (schema 2) the version the targets quote when it is not `versionId`: an orphan keeps its old text */
  targetsVersionId: Uuid.optional(),
  /** (schema 2) the mark's anchor history, oldest first */
  history: z.array(HistoryStep).max(1000).optional(),
};

const Annotation = z.strictObject({
  ...Mark,
  color: z.enum(COLORS),
  note: z.string().max(50_000),
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
  targets: z.array(Target).min(1).max(500),
});

const Draft = z
  .strictObject({
    ...Mark,
    kind: z.enum(DRAFT_KINDS),
    title: z.string().max(500),
    // keys are field names of the kind; values capped like the editor caps them
    fields: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.string().max(20_000)),
    status: z.enum(DRAFT_STATUSES),
    targets: z.array(Target).max(500),
  })
  .superRefine((d, ctx) => {
    // the same rule drafts.create and drafts.update apply: only the fields the kind's form has
    const mod = kindModule(d.kind);
    const spec = mod.spec;
    const known = new Set<string>([...spec.fields.map((f) => f.key), ...(mod.legacyKeys ?? [])]);
    const unknown = Object.keys(d.fields).filter((k) => !known.has(k));
    if (unknown.length) ctx.addIssue({ code: 'custom', path: ['fields'], message: `${spec.name}没有这些项：${unknown.slice(0, 5).join('、')}` });
    for (const issue of mod.checkImported?.(d.fields) ?? []) ctx.addIssue({ code: 'custom', path: ['fields', issue.field], message: issue.message });
  });

const ManifestFile = z.strictObject({ name: z.enum(DATA_FILES), sha256: Sha256, bytes: z.number().int().min(0).max(MAX_UNCOMPRESSED_BYTES) });

const Manifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.number().int().min(1).max(BUNDLE_SCHEMA_VERSION),
  createdAt: Iso,
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(50) }),
  author: z.string().max(200),
  /** the report exported, or null for the whole library */
  reportId: Uuid.nullable(),
  files: z.array(ManifestFile).length(DATA_FILES.length),
});

export const bundleSchemas = {
  reports: z.array(Report).max(1000),
  annotations: z.array(Annotation).max(1_000_000),
  drafts: z.array(Draft).max(1_000_000),
  manifest: Manifest,
};

export type BundleReport = z.infer<typeof Report>;
export type BundleVersion = z.infer<typeof Version>;
export type BundleAnnotation = z.infer<typeof Annotation>;
export type BundleDraft = z.infer<typeof Draft>;
export type BundleHistoryStep = z.infer<typeof HistoryStep>;
export type BundleManifest = z.infer<typeof Manifest>;

export interface BundleContents {
  manifest: BundleManifest;
  reports: BundleReport[];
  annotations: BundleAnnotation[];
  drafts: BundleDraft[];
}

// ---- writing ------------------------------------------------------------------------------

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BundleWriteInput {
  createdAt: string;
  appVersion: string;
  author: string;
  reportId: string | null;
  reports: BundleReport[];
  annotations: BundleAnnotation[];
  drafts: BundleDraft[];
}

/** Version 2 only when a mark uses its fields: otherwise an older ReviewDesk can still read the bundle. */
function schemaVersionFor(input: BundleWriteInput): number {
  const usesV2 = (m: BundleAnnotation | BundleDraft) => m.targetsVersionId !== undefined || (m.history?.length ?? 0) > 0;
  return input.annotations.some(usesV2) || input.drafts.some(usesV2) ? 2 : 1;
}

export function writeBundle(input: BundleWriteInput): Uint8Array {
  const data: Record<DataFile, Uint8Array> = {
    'reports.json': strToU8(JSON.stringify(input.reports)),
    'annotations.json': strToU8(JSON.stringify(input.annotations)),
    'drafts.json': strToU8(JSON.stringify(input.drafts)),
  };
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    schemaVersion: schemaVersionFor(input),
    createdAt: input.createdAt,
    app: { name: 'ReviewDesk', version: input.appVersion },
    author: input.author,
    reportId: input.reportId,
    files: DATA_FILES.map((name) => ({ name, sha256: sha256Hex(data[name]), bytes: data[name].length })),
  };
  const mtime = new Date(input.createdAt);
  return zipSync(
    {
      [MANIFEST]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }],
      ...Object.fromEntries(DATA_FILES.map((n) => [n, [data[n], { level: 6 }]])),
    },
    { mtime },
  );
}

// ---- reading ------------------------------------------------------------------------------

const refuse = (code: ErrorCode, why: string) => new ReviewDeskError(code, `${why}已拒绝导入，没有写入任何数据。`);

/** Entry names are bare file names: no folders, no "..", no drive letters, no control characters. */
export function isSafeEntryName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= 100 && !/[/\\:\x00-\x1f]/.test(name) && name !== '.' && name !== '..';
}

/** Inflates the zip as a stream, counting bytes as they come out; names and counts checked first. */
function unzipGuarded(bytes: Uint8Array, maxBytes: number): Map<string, Uint8Array> {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw refuse('bundle/not-a-bundle', '这不是审议台交换包（文件格式不对，或文件不完整）。');
  }
  const wanted = new Set<string>([MANIFEST, ...DATA_FILES]);
  const seen = new Set<string>();
  const tooLarge = () => refuse('bundle/too-large', `交换包解压后超过 ${Math.round(maxBytes / 1048576)} MB，不像审议台生成的交换包。`);
  const { files, complete } = guardedUnzip(bytes, {
    wanted: (name) => wanted.has(name), // unknown but harmless entries are not inflated at all
    maxBytes,
    tooLarge,
    corrupt: () => refuse('bundle/corrupt', '交换包已损坏，无法解压。'),
    onEntry(name) {
      if (seen.size >= MAX_ENTRIES) throw refuse('bundle/too-many-entries', `交换包里的文件过多（超过 ${MAX_ENTRIES} 个），不像审议台生成的交换包。`);
      if (!isSafeEntryName(name)) throw refuse('bundle/unsafe-name', `交换包里有不安全的文件名“${name.slice(0, 60)}”（可能试图写到别的文件夹）。`);
      if (seen.has(name)) throw refuse('bundle/corrupt', `交换包里有重复的文件“${name}”。`);
      seen.add(name);
    },
  });
  for (const name of files.keys()) if (!complete.has(name)) throw refuse('bundle/truncated', '交换包不完整（文件可能没有复制完）。');
  return files;
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw refuse('bundle/invalid', `交换包里的 ${name} 不是合法的 JSON。`);
  }
}

function describe(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.slice(0, 4).join('.') || '（根）'}：${i.message}` : '';
}

function validate<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw refuse('bundle/invalid', `交换包内容格式不正确（${name} ${describe(r.error)}）。`);
  return r.data;
}

/** Unzips, checks every checksum and validates every record. Throws before returning anything partial. */
export function readBundle(bytes: Uint8Array, opts: { maxBytes?: number } = {}): BundleContents {
  const files = unzipGuarded(bytes, opts.maxBytes ?? MAX_UNCOMPRESSED_BYTES);
  const manifestBytes = files.get(MANIFEST);
  if (!manifestBytes) throw refuse('bundle/not-a-bundle', '这不是审议台交换包（缺少清单 manifest.json）。');
  const raw = parseJson(MANIFEST, manifestBytes) as { format?: unknown; schemaVersion?: unknown } | null;
  if (!raw || typeof raw !== 'object' || raw.format !== BUNDLE_FORMAT) throw refuse('bundle/not-a-bundle', '这不是审议台交换包（清单格式不对）。');
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > BUNDLE_SCHEMA_VERSION) {
    throw refuse('bundle/too-new', `这个交换包由更新版本的审议台生成（格式版本 ${raw.schemaVersion}），请先升级审议台再导入。`);
  }
  const manifest = validate(MANIFEST, Manifest, raw);
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const name of DATA_FILES) if (!listed.has(name)) throw refuse('bundle/invalid', `交换包清单缺少 ${name}。`);
  for (const f of manifest.files) {
    const data = files.get(f.name);
    if (!data) throw refuse('bundle/truncated', `交换包不完整（缺少 ${f.name}）。`);
    if (data.length !== f.bytes || sha256Hex(data) !== f.sha256) {
      throw refuse('bundle/tampered', `交换包校验失败：${f.name} 与清单记录的校验值不符，文件可能在复制中损坏或被改动过。`);
    }
  }
  return {
    manifest,
    reports: validate('reports.json', bundleSchemas.reports, parseJson('reports.json', files.get('reports.json')!)),
    annotations: validate('annotations.json', bundleSchemas.annotations, parseJson('annotations.json', files.get('annotations.json')!)),
    drafts: validate('drafts.json', bundleSchemas.drafts, parseJson('drafts.json', files.get('drafts.json')!)),
  };
}
