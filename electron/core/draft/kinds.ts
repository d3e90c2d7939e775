/**
 * What each draft kind looks like to the user: its Chinese name, its fields under the labels
 * deputies and members know from the paper forms, and which are required. The drafting UI
 * renders forms from this table, so a field is added here once.
 */
import type { AmendmentFields, DraftFields, DraftKind } from './types';

export type Role = 'deputy' | 'member';

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

/** Subject areas used by NPC and CPPCC handling systems; the list is open (其他 / free text). */
export const CATEGORY_OPTIONS: readonly FieldOption[] = ['经济', '政治', '文化', '社会', '生态文明', '其他'].map((v) => ({
  value: v,
  label: v,
}));

export const AMENDMENT_OP_OPTIONS: readonly FieldOption[] = [
  { value: 'modify', label: '修改' },
  { value: 'add', label: '增加' },
  { value: 'delete', label: '删去' },
];

const amendment: KindSpec<'amendment'> = {
  kind: 'amendment',
  name: '修改意见',
  audience: 'both',
  description: '对报告文字提出的具体修改：修改、增加或删去',
  fields: [
    {
      key: 'op',
      label: '修改方式',
      required: true,
      multiline: false,
      options: AMENDMENT_OP_OPTIONS,
    },
    {
      key: 'original',
      label: '原文',
      required: true,
      multiline: true,
      hint: '照录报告原文；“增加”时填写新内容插入位置之前的原文',
    },
    {
      key: 'proposed',
      label: '修改为',
      required: true,
      multiline: true,
      hint: '“删去”时不填',
    },
    {
      key: 'reason',
      label: '理由',
      required: false,
      multiline: true,
      hint: '简要说明修改理由，便于起草组采纳',
    },
  ],
};

const opinion: KindSpec<'opinion'> = {
  kind: 'opinion',
  name: '审议意见',
  audience: 'both',
  description: '对报告某一段或某一部分的审议发言要点，由代表团秘书组汇总编入简报',
  fields: [
    { key: 'content', label: '意见内容', required: true, multiline: true },
    {
      key: 'delegation',
      label: '代表团/界别',
      required: false,
      multiline: false,
    },
    {
      key: 'date',
      label: '日期',
      required: false,
      multiline: false,
      placeholder: 'YYYY-MM-DD',
    },
  ],
};

const suggestion: KindSpec<'suggestion'> = {
  kind: 'suggestion',
  name: '代表建议',
  audience: 'deputy',
  description: '人大代表提出的建议、批评和意见：一事一议，事实清楚，意见具体',
  fields: [
    {
      key: 'title',
      label: '标题',
      required: true,
      multiline: false,
      placeholder: '关于……的建议',
    },
    { key: 'leadDeputy', label: '领衔代表', required: true, multiline: false },
    {
      key: 'coDeputies',
      label: '附议代表',
      required: false,
      multiline: false,
      hint: '多人以顿号分隔',
    },
    { key: 'delegation', label: '代表团', required: true, multiline: false },
    {
      key: 'category',
      label: '类别',
      required: false,
      multiline: false,
      options: CATEGORY_OPTIONS,
      freeText: true,
    },
    {
      key: 'content',
      label: '内容',
      required: true,
      multiline: true,
      hint: '写明问题、原因和具体建议',
    },
  ],
};

const proposal: KindSpec<'proposal'> = {
  kind: 'proposal',
  name: '政协提案',
  audience: 'member',
  description: '政协委员提出的提案：一事一案，有情况、有分析、有具体建议，一般800字左右',
  fields: [
    {
      key: 'title',
      label: '案由',
      required: true,
      multiline: false,
      placeholder: '关于……的提案',
    },
    { key: 'proposer', label: '提案人', required: true, multiline: false },
    { key: 'sector', label: '界别/组别', required: true, multiline: false },
    {
      key: 'contact',
      label: '通讯方式',
      required: false,
      multiline: true,
      hint: '通讯地址、邮编、电话、电子邮箱',
    },
    {
      key: 'coProposers',
      label: '联名提案人',
      required: false,
      multiline: false,
      hint: '多人以顿号分隔',
    },
    {
      key: 'category',
      label: '类别',
      required: true,
      multiline: false,
      options: CATEGORY_OPTIONS,
      freeText: true,
    },
    {
      key: 'analysis',
      label: '情况分析',
      required: true,
      multiline: true,
      hint: '现状、问题及原因',
    },
    {
      key: 'suggestions',
      label: '具体建议',
      required: true,
      multiline: true,
      hint: '建议、办法和要求，宜分条列出',
    },
  ],
};

export const DRAFT_KINDS: { readonly [K in DraftKind]: KindSpec<K> } = {
  amendment,
  opinion,
  suggestion,
  proposal,
};

export function kindSpec<K extends DraftKind>(kind: K): KindSpec<K> {
  return DRAFT_KINDS[kind];
}

/** The label users know for a field key, e.g. ('proposal', 'title') → 案由. */
export function fieldLabel(kind: DraftKind, key: string): string {
  return (DRAFT_KINDS[kind].fields as FieldSpec[]).find((f) => f.key === key)?.label ?? key;
}

/**
 * Kinds in the order a user of this role reaches for them: deputies review the report and
 * hand in suggestions; members hand in proposals. Nothing is hidden, only reordered.
 */
export function kindsForRole(role: Role): KindSpec[] {
  const order: DraftKind[] =
    role === 'deputy' ? ['amendment', 'opinion', 'suggestion', 'proposal'] : ['proposal', 'amendment', 'opinion', 'suggestion'];
  return order.map((k) => DRAFT_KINDS[k] as KindSpec);
}

/** What a new draft can be prefilled from: the reader's selection and the user's settings. */
export interface DraftContext {
  selection?: { quote: string; path?: string };
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
  op?: AmendmentFields['op'];
}

function localDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Fresh fields for a new draft, with what is already known filled in. */
export function emptyFields<K extends DraftKind>(kind: K, ctx: DraftContext = {}): DraftFields[K] {
  const s = ctx.settings ?? {};
  const name = s.authorName?.trim() ?? '';
  const quoteText = ctx.selection?.quote.trim() ?? '';
  // An opinion is gathered per delegation (deputies) or per 界别 (members).
  const group = (s.role === 'member' ? s.sector || s.delegation : s.delegation || s.sector)?.trim() ?? '';
  const byKind: DraftFields = {
    // 修改为 starts as the quote so the user edits the words in place, as on a marked-up copy.
    amendment: {
      op: ctx.op ?? 'modify',
      original: quoteText,
      proposed: (ctx.op ?? 'modify') === 'modify' ? quoteText : '',
      reason: '',
    },
    opinion: { content: '', delegation: group, date: ctx.today ?? localDate() },
    suggestion: {
      title: '',
      leadDeputy: name,
      coDeputies: '',
      delegation: s.delegation?.trim() ?? '',
      category: '',
      content: '',
    },
    proposal: {
      title: '',
      proposer: name,
      sector: s.sector?.trim() ?? '',
      contact: s.contact?.trim() ?? '',
      coProposers: '',
      category: '',
      analysis: '',
      suggestions: '',
    },
  };
  return byKind[kind];
}
