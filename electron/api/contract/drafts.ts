import { z } from 'zod';
import type { DraftViewModel } from '../../core/draft/view';
import type { DraftKind, DraftStatus } from '../../core/draft/types';
import type { FieldSpec, Role } from '../../core/draft/kinds';
import { AMENDMENT_OPS, DRAFT_KINDS, DRAFT_STATUSES, EXPORT_WHATS, ROLES, type ExportWhat } from '../../core/common/vocabulary';
import { FilePath, Target, Uuid, method } from './define';

export const DraftKindArg = z.enum(DRAFT_KINDS);
export const DraftStatusArg = z.enum(DRAFT_STATUSES);
const RoleArg = z.enum(ROLES);

// Every field any kind has, with a length cap: one-line fields (names, 案由, 类别) stay short,
// body fields hold a long proposal. The handler then rejects keys the draft's kind does not have.
const Line = z.string().max(500);
const Body = z.string().max(20_000);
export const DraftFieldsArg = z.strictObject({
  op: z.enum(AMENDMENT_OPS).optional(),
  original: Body.optional(),
  proposed: Body.optional(),
  reason: Body.optional(),
  content: Body.optional(),
  delegation: Line.optional(),
  date: Line.optional(),
  title: Line.optional(),
  leadDeputy: Line.optional(),
  coDeputies: Line.optional(),
  category: Line.optional(),
  proposer: Line.optional(),
  sector: Line.optional(),
  speaker: Line.optional(),
  session: Line.optional(),
  source: Line.optional(),
  address: Line.optional(),
  postcode: Line.optional(),
  phone: Line.optional(),
  email: Line.optional(),
  coProposers: Line.optional(),
  analysis: Body.optional(),
  suggestions: Body.optional(),
});

/** A draft as the UI gets it: the record plus everything the renderer cannot compute itself. */
export type DraftView = DraftViewModel;

/** A draft kind for the 新建 menu and the editor form. */
export interface DraftKindInfo {
  kind: DraftKind;
  name: string;
  audience: Role | 'both';
  description: string;
  /** The form's fields in order (key = the key in `fields`). */
  fields: (Omit<FieldSpec, 'key'> & { key: string })[];
  /** Length guidance in characters (whitespace excluded) over `fields`. */
  length?: { fields: string[]; usual?: number; min?: number; max?: number };
}

export type { ExportWhat };

/** Without a destination the bytes come back (the browser downloads them); with one, the file is written. */
export interface ExportResult {
  /** e.g. 修改意见汇总表-咸宁市政府工作报告.docx */
  fileName: string;
  mime: string;
  dataBase64?: string;
  /** set when written to a destination */
  path?: string;
}

const ExportArgs = z.strictObject({
  what: z.enum(EXPORT_WHATS),
  reportId: Uuid,
  versionId: Uuid.optional(),
  draftId: Uuid.optional(),
  destination: FilePath.optional(),
});

export const draftContract = {
  'drafts.create': method<DraftView>()(
    z.strictObject({
      id: Uuid.optional(),
      versionId: Uuid,
      kind: DraftKindArg,
      title: z.string().max(500).optional(),
      fields: DraftFieldsArg.optional(),
      targets: z.array(Target).max(500).optional(),
    }),
  ),
  'drafts.update': method<DraftView>()(
    z.strictObject({
      id: Uuid,
      title: z.string().max(500).optional(),
      fields: DraftFieldsArg.optional(),
      status: DraftStatusArg.optional(),
      /** 提出人 */
      author: z.string().trim().max(100).optional(),
      /**
       * The passages the draft is linked to, all of them (a chip removed is left out): positions in
       * the draft's version, checked against the text like drafts.create's. Passages not linked
       * before are quoted in the form's 背景 field.
       */
      targets: z.array(Target).min(1).max(500).optional(),
    }),
  ),
  'drafts.delete': method<DraftView>()(z.strictObject({ id: Uuid })),
  'drafts.restore': method<DraftView>()(z.strictObject({ id: Uuid })),
  'drafts.list': method<DraftView[]>()(z.union([z.strictObject({ reportId: Uuid }), z.strictObject({ versionId: Uuid })])),
  'drafts.kinds': method<DraftKindInfo[]>()(z.strictObject({ role: RoleArg.optional() })),
  'export.docx': method<ExportResult>()(ExportArgs),
  'export.markdown': method<ExportResult>()(ExportArgs),
  'export.csv': method<ExportResult>()(ExportArgs),
  'export.webAnnotation': method<ExportResult>()(ExportArgs),
  /** each draft of a collection as its own .docx, in one .zip */
  'export.zip': method<ExportResult>()(ExportArgs),
  /** a spreadsheet with typed number cells (the 承诺台账) */
  'export.xlsx': method<ExportResult>()(ExportArgs),
};

export type { DraftKind, DraftStatus };
