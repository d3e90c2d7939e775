import { z } from 'zod';
import type { Report, ReportVersion, VersionInfo } from '../../core/model';
import { Base64, Id, ShortText, Uuid, method } from './define';
import type { RecoveryInfo } from './backups';

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

export interface ImportResult {
  reportId: string;
  versionId: string;
  report: Report;
  /** repairs made while importing, for the “导入时做了哪些修整” notice */
  repairs: VersionInfo['meta']['repairs'];
}

export const libraryContract = {
  'app.info': method<AppInfo>()(z.strictObject({})),
  'reports.list': method<Report[]>()(z.strictObject({})),
  'reports.get': method<ReportVersion>()(z.strictObject({ versionId: Uuid })),
  'reports.import': method<ImportResult>()(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: Base64,
      /** add as a new version of this report */
      reportId: Uuid.optional(),
      label: ShortText.optional(),
    }),
  ),
  'reports.rename': method<Report>()(z.strictObject({ reportId: Uuid, title: z.string().trim().min(1).max(200) })),
  'versions.rename': method<VersionInfo>()(z.strictObject({ versionId: Uuid, label: z.string().trim().min(1).max(100) })),
  'settings.get': method<{ key: string; value: string | null }>()(z.strictObject({ key: z.string().min(1).max(100) })),
  'settings.set': method<{ key: string; value: string }>()(z.strictObject({ key: z.string().min(1).max(100), value: z.string().max(100_000) })),
  'settings.all': method<Record<string, string>>()(z.strictObject({})),
};
// Id is re-exported for other contract modules' convenience.
export { Id };
