import { z } from 'zod';
import { IMPORT_QUESTIONS, type ImportQuestionKind } from '../../core/common/vocabulary';
import type { Report, ReportVersion, VersionInfo } from '../../core/model';
import type { Block } from '../../core/report/types';
import { Base64, Id, Uuid, method } from './define';
import type { RecoveryInfo } from './backups';
import type { TrashEntry } from '../../core/store/reports';

export type { TrashEntry };

export interface AppInfo {
  version: string;
  platform: 'electron' | 'web';
  dataDir: string;
  /** The report the app opens first (last read, else the bundled one). */
  startVersionId: string | null;
  /** set when the data file was damaged at start: the renderer shows the recovery prompt */
  recovery?: RecoveryInfo | null;
  /** the highlight colours' names in force (defaults + the user's renamings) */
  colorLabels: Record<string, string>;
}

/** A block as the reader gets it: with its citation as amendment lists word it (FORMATS.md). */
export interface ReaderBlock extends Block {
  /** e.g. 第二部分“2024年工作安排”中“着力扩大有效投资。”一段 — stable across versions, unlike `path` */
  position: string;
}

/** reports.get: a version with each block's position, and the report's name for citations. */
export interface ReaderVersion extends ReportVersion {
  blocks: ReaderBlock[];
  /** the report's name with region and year, as exports cite it: 咸宁市2024年政府工作报告 */
  citationTitle: string;
}

export interface ImportResult {
  reportId: string;
  versionId: string;
  report: Report;
  /** repairs made while importing, for the “导入时做了哪些修整” notice */
  repairs: VersionInfo['meta']['repairs'];
}

/** What an import may stop to ask before writing anything. */
export type { ImportQuestionKind };

/**
 * An import that wrote nothing because the user must choose first: the file looks like another
 * report than the one it was offered to as a new version (different-report), or its paragraphs are
 * exactly those of a version already in the library (same-text: another copy, another encoding).
 * Calling again with the kind in `accept` goes ahead.
 */
export interface ImportQuestion {
  question: ImportQuestionKind;
  fileName: string;
  /** the file's own title (its heading), else its name */
  fileTitle: string;
  /** different-report: the report the file was offered to, and how much of it the file shares (0..1) */
  reportTitle: string;
  coverage: number;
  /** same-text: the version that already has these paragraphs */
  existing: { reportId: string; versionId: string; reportTitle: string; label: string } | null;
}

export type ImportOutcome = ImportResult | ImportQuestion;

const VersionLabel = z.string().trim().min(1).max(100);

export const libraryContract = {
  'app.info': method<AppInfo>()(z.strictObject({})),
  'reports.list': method<Report[]>()(z.strictObject({})),
  'reports.get': method<ReaderVersion>()(z.strictObject({ versionId: Uuid })),
  'reports.import': method<ImportOutcome>()(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: Base64,
      /** add as a new version of this report */
      reportId: Uuid.optional(),
      /** the version's name (征求意见稿, 大会印发稿, 修改稿 or the user's own) */
      label: VersionLabel.optional(),
      /** questions the user answered "import anyway" to */
      accept: z.array(z.enum(IMPORT_QUESTIONS)).max(2).optional(),
    }),
  ),
  'reports.rename': method<Report>()(z.strictObject({ reportId: Uuid, title: z.string().trim().min(1).max(200) })),
  'versions.rename': method<VersionInfo>()(z.strictObject({ versionId: Uuid, label: VersionLabel })),
  /** To the trash (undoable with reports.restore): the report and its versions leave every list. */
  'reports.delete': method<{ reportId: string; title: string }>()(z.strictObject({ reportId: Uuid })),
  'reports.restore': method<Report>()(z.strictObject({ reportId: Uuid })),
  /** One version to the trash (not the only one of its report); undoable with versions.restore. */
  'versions.delete': method<VersionInfo>()(z.strictObject({ versionId: Uuid })),
  'versions.restore': method<VersionInfo>()(z.strictObject({ versionId: Uuid })),
  'trash.list': method<TrashEntry[]>()(z.strictObject({})),
  'settings.get': method<{ key: string; value: string | null }>()(z.strictObject({ key: z.string().min(1).max(100) })),
  'settings.set': method<{ key: string; value: string }>()(z.strictObject({ key: z.string().min(1).max(100), value: z.string().max(100_000) })),
  'settings.all': method<Record<string, string>>()(z.strictObject({})),
};
// Id is re-exported for other contract modules' convenience.
export { Id };
