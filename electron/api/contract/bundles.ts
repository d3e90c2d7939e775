import { z } from 'zod';
import type { BundleConflict, BundleImportResult, MergeCounts } from '../../core/store/bundle';
import { Base64, FilePath, Uuid, method } from './define';

export type { BundleConflict, BundleImportResult, MergeCounts };

/** Without a destination the bytes come back (the browser downloads them); with one, the file is written. */
export interface BundleExportResult {
  /** e.g. 审议台交换包-张代表-20250305-1422.reviewdesk */
  fileName: string;
  dataBase64?: string;
  path?: string;
  counts: { reports: number; annotations: number; drafts: number };
}

export const bundleContract = {
  'bundles.export': method<BundleExportResult>()(
    z.strictObject({
      /** one report; omitted = the whole library */
      reportId: Uuid.optional(),
      destination: FilePath.refine((p) => p.toLowerCase().endsWith('.reviewdesk'), '交换包的文件名应以 .reviewdesk 结尾').optional(),
    }),
  ),
  'bundles.import': method<BundleImportResult>()(z.strictObject({ fileName: z.string().min(1).max(255), dataBase64: Base64 })),
};
