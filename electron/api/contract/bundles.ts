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
  /** locked with a passphrase */
  sealed: boolean;
}

/**
 * A passphrase that locks (seals) a file leaving the machine. Never stored or logged; the
 * handler passes it to core/seal and forgets it. Same minimum as core/seal's MIN_PASSPHRASE_LENGTH.
 */
export const NewPassphrase = z.string().min(6, '口令至少需要 6 个字符').max(1024);
/** The passphrase of a sealed file being opened: whatever the user types; a wrong one is refused by unseal. */
export const GivenPassphrase = z.string().min(1).max(1024);

export const bundleContract = {
  'bundles.export': method<BundleExportResult>()(
    z.strictObject({
      /** one report; omitted = the whole library */
      reportId: Uuid.optional(),
      destination: FilePath.refine((p) => p.toLowerCase().endsWith('.reviewdesk'), '交换包的文件名应以 .reviewdesk 结尾').optional(),
      /** given: the file is sealed (encrypted) with it */
      passphrase: NewPassphrase.optional(),
    }),
  ),
  /**
   * A sealed bundle without `passphrase` fails with `bundle/passphrase-required` (the renderer
   * then asks for it); with a wrong one, `seal/wrong-passphrase`.
   */
  'bundles.import': method<BundleImportResult>()(
    z.strictObject({ fileName: z.string().min(1).max(255), dataBase64: Base64, passphrase: GivenPassphrase.optional() }),
  ),
};
