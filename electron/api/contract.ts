/**
 * The one API. Every capability is a `noun.verb` method here: a zod schema for its argument and
 * its result type. main/ipc.ts, preload and host/ all derive from this table; the renderer
 * imports only its types.
 */
import type { z } from 'zod';
import { libraryContract } from './contract/library';
import { annotationContract } from './contract/annotations';
import { dialogContract } from './contract/dialog';
import { backupContract } from './contract/backups';
import { bundleContract } from './contract/bundles';
import { delegationContract } from './contract/delegation';
import { draftContract } from './contract/drafts';
import { reviewContract } from './contract/review';
import { ledgerContract } from './contract/ledger';
import { versionContract } from './contract/versions';
import { printContract } from './contract/print';
import type { MethodSpec } from './contract/define';
import { mergeDomains } from './mergeDomains';
import type { Envelope } from '../core/common/errorCodes';

export const contract = mergeDomains(
  libraryContract,
  annotationContract,
  dialogContract,
  backupContract,
  bundleContract,
  delegationContract,
  draftContract,
  reviewContract,
  ledgerContract,
  versionContract,
  printContract,
) satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = Contract[M]['result'];
export type Api = { [M in Method]: (args: Args<M>) => Promise<Result<M>> };
export type Handlers = { [M in Method]: (args: ParsedArgs<M>) => Result<M> | Promise<Result<M>> };

export const methodNames = Object.keys(contract) as Method[];

/** What `window.api` (the Electron preload) offers: every method answers with an Envelope, never throws. */
export type WireApi = { [M in Method]: (args: Args<M>) => Promise<Envelope<Result<M>>> };

export type { ApiError, Envelope, ErrorCode } from '../core/common/errorCodes';

export type { AppInfo, ImportResult, ReaderBlock, ReaderVersion } from './contract/library';
export type { SavedFile, OpenedFile } from './contract/dialog';
export type { DraftView, DraftKindInfo, ExportResult, ExportWhat } from './contract/drafts';
export type {
  CompareRow,
  CompareResult,
  CarryResult,
  CarriedMark,
  VersionMarks,
  OrphanMark,
  AdoptionRow,
  DiffOp,
  PairKind,
  AnchorStatus,
  MarkKind,
} from './contract/versions';
export type { LedgerListResult, LedgerRow, LedgerMark } from './contract/ledger';
export type { ReviewFinding, ReviewCheckResult, ReviewIndicator, ReviewIndicatorsResult, RuleMeta, Severity } from './contract/review';
export type { MenuCommand, DesktopBridge } from './menu-commands';
export type { Report, ReportVersion, VersionInfo, Annotation, AnnotationTarget, AnnotationListItem, TargetPosition, SearchHit } from '../core/model';
export type { Block, BlockKind, Repair, Artifact } from '../core/report/types';
export type { BundleConflict, BundleImportResult } from './contract/bundles';
export type { DelegationMark, DelegationMarksPage } from './contract/delegation';
