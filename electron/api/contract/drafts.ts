import { z } from 'zod';
import type { Draft, DraftKind, DraftStatus } from '../../core/draft/types';
import type { FieldSpec, Role } from '../../core/draft/kinds';
import type { ValidationResult } from '../../core/draft/validate';
import type { AnchorStatus } from '../../core/anchor/types';
import { FilePath, Target, Uuid, method } from './define';

export const DraftKindArg = z.enum(['amendment', 'opinion', 'suggestion', 'proposal']);
export const DraftStatusArg = z.enum(['draft', 'final', 'submitted']);
const RoleArg = z.enum(['deputy', 'member']);

// Every field any kind has, with a length cap: one-line fields (names, 案由, 类别) stay short,
// body fields hold a long proposal. The handler then rejects keys the draft's kind does not have.
const Line = z.string().max(500);
const Body = z.string().max(20_000);
export const DraftFieldsArg = z.strictObject({
  op: z.enum(['modify', 'add', 'delete']).optional(),
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
  contact: Body.optional(),
  coProposers: Line.optional(),
  analysis: Body.optional(),
  suggestions: Body.optional(),
});

/** A draft as the UI gets it: the record plus everything the renderer cannot compute itself. */
export interface DraftView extends Draft {
  deletedAt: string | null;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  /** One-line name for lists (关于……的建议, or 第二部分（一）…：修改“……”). */
  label: string;
  /** The amendment sentence (将“A”修改为“B”…) for amendments; the label for other kinds. */
  wording: string;
  validation: ValidationResult;
  /** Markdown of this draft in its exported layout. */
  preview: string;
  /**
   * Where the passage is, as exports cite it: 第二部分“小标题”中“段首语”一段 (FORMATS.md); '' when the
   * draft points at no passage. `targets[].path` carries the same citation per target.
   */
  position: string;
  /** Holds something the user wrote (not only what a new draft starts with): deleting it asks first. */
  hasContent: boolean;
}

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

export type ExportWhat = 'draft' | 'amendments' | 'opinions' | 'digest' | 'annotations';

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
  what: z.enum(['draft', 'amendments', 'opinions', 'digest', 'annotations']),
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
};

export type { DraftKind, DraftStatus };
