/**
 * The long jobs that run off the main thread, by name: each is a plain function (or an async one)
 * of structured-cloneable data, so the worker (./worker.ts) can run it and tests can call it directly.
 * Only the worker imports this module's values; the main side imports its types.
 */
import { reanchor, type ReanchorTarget } from '../anchor/reanchor';
import { diffVersions, type VersionDiff } from '../anchor/diff';
import type { Alignment, AlignBlock } from '../anchor/align';
import type { AnchorBlock } from '../anchor/prepared';
import type { ReanchorResult } from '../anchor/types';
import { readBundle, type BundleContents } from '../bundle/format';
import { importReportBytesAsync, type Block, type ParsedReport } from '../report';
import { checkReport, type CheckOptions, type Finding } from '../review';
import { isReviewDeskError } from '../errors';
import type { ApiError } from '../common/errorCodes';

/** Each bundled version's source as this app parses it, or why it could not be (by version id). */
export type ParsedSources = Record<string, { parsed: ParsedReport } | { error: ApiError }>;

export const jobs = {
  /** A report file's bytes → blocks, structure and repairs (what reports.import stores). Any format, PDF too. */
  parseReport: (p: { bytes: Uint8Array; fileName: string; declined?: readonly string[] }): Promise<ParsedReport> =>
    importReportBytesAsync(p.bytes, p.fileName, undefined, { declined: p.declined }),
  /** The proofreading rules over one version's blocks (the first review.check of a version). */
  reviewCheck: (p: { blocks: Block[]; options?: CheckOptions }): Finding[] => checkReport(p.blocks, p.options),
  /** Alignment and per-paragraph diff of two versions (the first versions.compare of a pair). */
  compareVersions: (p: { oldBlocks: AlignBlock[]; newBlocks: AlignBlock[] }): VersionDiff => diffVersions(p.oldBlocks, p.newBlocks),
  /** Marks carried to another version (versions.carry). */
  reanchor: (p: { targets: ReanchorTarget[]; oldBlocks: AnchorBlock[]; newBlocks: AnchorBlock[]; alignment?: Alignment }): ReanchorResult[] =>
    reanchor(p.targets, p.oldBlocks, p.newBlocks, p.alignment),
  /**
   * An exchange bundle's bytes → validated records, and each bundled source file parsed as an
   * import would parse it (the store checks the bundle's paragraphs against these), so a hostile
   * source inside a bundle is as harmless as a hostile file imported directly.
   */
  readBundle: async (p: { bytes: Uint8Array; maxBytes?: number }): Promise<{ contents: BundleContents; sources: ParsedSources }> => {
    const contents = readBundle(p.bytes, { maxBytes: p.maxBytes });
    const sources: ParsedSources = {};
    for (const r of contents.reports) {
      for (const v of r.versions) {
        try {
          sources[v.id] = {
            parsed: await importReportBytesAsync(Buffer.from(v.sourceBase64, 'base64'), v.sourceName, undefined, { declined: v.declinedRepairs }),
          };
        } catch (e) {
          if (!isReviewDeskError(e)) throw e;
          sources[v.id] = { error: { code: e.code, message: e.message } };
        }
      }
    }
    return { contents, sources };
  },
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobPayload<N extends JobName> = Parameters<Jobs[N]>[0];
/** What a job gives back, once settled (some jobs are asynchronous: a PDF is read with pdfjs). */
export type JobResult<N extends JobName> = Awaited<ReturnType<Jobs[N]>>;
