/**
 * The long jobs that run off the main thread, by name: each is a plain function of structured-
 * cloneable data, so the worker (./worker.ts) can run it and tests can call it directly.
 * Only the worker imports this module's values; the main side imports its types.
 */
import { reanchor, type ReanchorTarget } from '../anchor/reanchor';
import { diffVersions, type VersionDiff } from '../anchor/diff';
import type { Alignment, AlignBlock } from '../anchor/align';
import type { AnchorBlock } from '../anchor/prepared';
import type { ReanchorResult } from '../anchor/types';
import { readBundle, type BundleContents } from '../bundle/format';
import { importReportBytes, type Block, type ParsedReport } from '../report';
import { checkReport, type CheckOptions, type Finding } from '../review';

export const jobs = {
  /** A report file's bytes → blocks, structure and repairs (what reports.import stores). */
  parseReport: (p: { bytes: Uint8Array; fileName: string }): ParsedReport => importReportBytes(p.bytes, p.fileName),
  /** The proofreading rules over one version's blocks (the first review.check of a version). */
  reviewCheck: (p: { blocks: Block[]; options?: CheckOptions }): Finding[] => checkReport(p.blocks, p.options),
  /** Alignment and per-paragraph diff of two versions (the first versions.compare of a pair). */
  compareVersions: (p: { oldBlocks: AlignBlock[]; newBlocks: AlignBlock[] }): VersionDiff => diffVersions(p.oldBlocks, p.newBlocks),
  /** Marks carried to another version (versions.carry). */
  reanchor: (p: { targets: ReanchorTarget[]; oldBlocks: AnchorBlock[]; newBlocks: AnchorBlock[]; alignment?: Alignment }): ReanchorResult[] =>
    reanchor(p.targets, p.oldBlocks, p.newBlocks, p.alignment),
  /** An exchange bundle's bytes → validated records, before one transaction writes them. */
  readBundle: (p: { bytes: Uint8Array; maxBytes?: number }): BundleContents => readBundle(p.bytes, { maxBytes: p.maxBytes }),
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobPayload<N extends JobName> = Parameters<Jobs[N]>[0];
export type JobResult<N extends JobName> = ReturnType<Jobs[N]>;
