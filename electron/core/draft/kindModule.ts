/**
 * What a draft kind is made of. Each kind is one module in `kinds/` exporting a
 * `DraftKindModule<K>`; `kinds/index.ts` registers the four, and everything that used to switch
 * over the kind (validation, titles, wording, file names, authorship, exports) looks the kind up
 * there instead. This file holds types only, so kind modules never import the dispatchers.
 */
import type { Role } from '../common/vocabulary';
import type { AmendmentOp, Draft, DraftFields, DraftKind } from './types';
import type { AmendmentTableInput, DraftExportContext, OpinionListInput, ProposalDoc, SuggestionDoc } from './export/types';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec<K extends DraftKind = DraftKind> {
  key: keyof DraftFields[K] & string;
  label: string;
  required: boolean;
  multiline: boolean;
  /** A closed list for a select; the UI may still accept free text where `freeText` is set. */
  options?: readonly FieldOption[];
  freeText?: boolean;
  placeholder?: string;
  /** One line of guidance shown under the field. */
  hint?: string;
}

export interface KindSpec<K extends DraftKind = DraftKind> {
  kind: K;
  /** 修改意见 / 审议意见 / 代表建议 / 政协提案 */
  name: string;
  /** Who hands this form in. */
  audience: Role | 'both';
  description: string;
  fields: FieldSpec<K>[];
}

/** What a new draft can be prefilled from: the reader's selection and the user's settings. */
export interface DraftContext {
  /** The first passage linked (an amendment's 原文 is its quote). */
  selection?: { quote: string; path?: string };
  /** Every passage linked, in reading order: quoted in the form's 背景 field (see `background`). */
  passages?: readonly { quote: string; path?: string }[];
  settings?: {
    authorName?: string;
    /** 代表团 (deputies) */
    delegation?: string;
    /** 界别/组别 (members) */
    sector?: string;
    contact?: string;
    role?: Role;
  };
  /** YYYY-MM-DD; defaults to today (local time). */
  today?: string;
  op?: AmendmentOp;
}

export interface ValidationIssue {
  /** Field key in `draft.fields` (e.g. 'title', 'original'), or 'targets'. */
  field: string;
  message: string;
  /** A ready replacement value the UI can offer as a one-click fix. */
  fix?: { field: string; value: string };
}

export interface ValidationResult {
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  /** Gentle hints (one matter per proposal, reason missing…). */
  infos: ValidationIssue[];
}

export interface ValidationContext {
  /** Text of a block of the draft's version, to check that a quoted original is really there. */
  blockText?: (blockId: string) => string | undefined;
}

/** Where a kind's checks report: errors block export as a final form, the rest is advice. */
export interface IssueSink {
  error(field: string, message: string, fix?: ValidationIssue['fix']): void;
  warn(field: string, message: string): void;
  info(field: string, message: string): void;
}

/** What a draft's own fields should say once its author is `name`. */
export interface Signature {
  name: string;
  /** 代表团 (deputies) */
  delegation: string;
  /** 界别 (members) */
  sector: string;
}

/** One renderer per exported form; each format (docx, Markdown…) supplies its own set. */
export interface SingleDraftRenderers<T> {
  proposal: (doc: ProposalDoc) => T;
  suggestion: (doc: SuggestionDoc) => T;
  amendmentTable: (input: AmendmentTableInput) => T;
  opinionList: (input: OpinionListInput) => T;
}

/** Length guidance in characters (whitespace excluded) over `fields`, shown beside the count. */
export interface LengthGuide {
  fields: string[];
  usual?: number;
  min?: number;
  max?: number;
}

/** The parts of a draft its title, wording and file name are made from. */
export type TitledDraft<K extends DraftKind = DraftKind> = Pick<Draft<K>, 'kind' | 'title' | 'fields' | 'targets'>;

/**
 * One draft kind. Hooks are written as methods (not function-valued properties) on purpose:
 * method parameters are bivariant, so `DraftKindModule<'amendment'>` also serves where a
 * `DraftKindModule<DraftKind>` is looked up for a draft whose kind is only known at run time.
 */
export interface DraftKindModule<K extends DraftKind> {
  /** Name, audience, description and the form's fields under the labels users know. */
  readonly spec: KindSpec<K>;
  /** Position in the 新建 menu per role (lower first); nothing is hidden, only reordered. */
  readonly menuRank: Readonly<Record<Role, number>>;
  /** Length guidance shown beside the character count, if the receiving office has one. */
  readonly length?: LengthGuide;
  /**
   * Who signs the form (a name field that follows the 提出人) and which 代表团 / 界别 field it
   * states, with the value a signature fills an empty one with.
   */
  readonly authorship: {
    nameField?: keyof DraftFields[K] & string;
    affiliationField?: keyof DraftFields[K] & string;
    affiliationFrom?: (to: Signature) => string;
  };

  /**
   * The field that states the situation (情况分析, 内容): linked passages are quoted at its top
   * (background.ts). Kinds whose form has no such field leave it out.
   */
  readonly background?: keyof DraftFields[K] & string;
  /** Keys older versions of the app stored or sent for this kind; `upgrade` turns them into current ones. */
  readonly legacyKeys?: readonly string[];

  /** Fresh fields for a new draft, with what is already known filled in. */
  emptyFields(ctx: DraftContext): DraftFields[K];
  /** Stored or imported values under older keys (legacyKeys) moved to the current ones. */
  upgrade?(values: Readonly<Record<string, string>>): Record<string, string>;
  /** Turns stored values (already strings, keys of this kind) into valid fields; e.g. a bad op. */
  coerce?(fields: DraftFields[K]): DraftFields[K];
  /**
   * Values a bundle from another copy of the app may not carry (keys are already the kind's);
   * each issue refuses the bundle. Not the office's checks: those are `validate`.
   */
  checkImported?(fields: Readonly<Record<string, string>>): ValidationIssue[];
  /** The receiving office's checks for this form. */
  validate(draft: Draft<K>, ctx: ValidationContext, out: IssueSink): void;
  /** A one-line title for draft lists. */
  title(draft: TitledDraft<K>): string;
  /** What the draft is called in a file name, before the kind's name is put in front. */
  fileStem?(draft: TitledDraft<K>): string;
  /** The sentence the UI shows as the draft's wording (the amendment sentence, or the title). */
  wording(draft: TitledDraft<K>): string;
  /** Whether the user wrote something beyond what a new draft starts with. */
  hasContent(fields: DraftFields[K]): boolean;
  /** The draft exported on its own, through one format's renderers. */
  exportDraft<T>(draft: Draft<K>, ctx: DraftExportContext, render: SingleDraftRenderers<T>): T;
}
