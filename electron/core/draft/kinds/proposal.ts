/**
 * 政协提案: a CPPCC member's proposal — one matter per proposal (一事一案), with the situation,
 * its analysis and concrete suggestions, about 800 characters (FORMATS.md); exported as its form.
 */
import { DRAFT_KIND_LABELS } from '../../common/labels';
import type { DraftKindModule } from '../kindModule';
import { checkRequired, checkTitle, labelIn, type TitleRule } from '../checks';
import { countChars, splitNames } from '../text';
import { CATEGORY_OPTIONS } from './shared';
import { anyFilled, titledFormTitle } from './titled';

/** About 800 characters is usual; the CPPCC guidance caps a proposal at 1,500. */
export const PROPOSAL_MAX_CHARS = 1500;

export const PROPOSAL_TITLE: TitleRule = { suffix: '的提案', oneMatter: '一事一案' };

export const proposalKind: DraftKindModule<'proposal'> = {
  spec: {
    kind: 'proposal',
    name: DRAFT_KIND_LABELS.proposal,
    audience: 'member',
    description: '政协委员提出的提案：一事一案，有情况、有分析、有具体建议，一般800字左右',
    fields: [
      { key: 'title', label: '案由', required: true, multiline: false, placeholder: '关于……的提案' },
      { key: 'proposer', label: '提案人', required: true, multiline: false },
      { key: 'sector', label: '界别/组别', required: true, multiline: false },
      { key: 'contact', label: '通讯方式', required: false, multiline: true, hint: '通讯地址、邮编、电话、电子邮箱' },
      { key: 'coProposers', label: '联名提案人', required: false, multiline: false, hint: '多人以顿号分隔' },
      { key: 'category', label: '类别', required: true, multiline: false, options: CATEGORY_OPTIONS, freeText: true },
      { key: 'analysis', label: '情况分析', required: true, multiline: true, hint: '现状、问题及原因' },
      { key: 'suggestions', label: '具体建议', required: true, multiline: true, hint: '建议、办法和要求，宜分条列出' },
    ],
  },
  menuRank: { deputy: 3, member: 0 },
  length: { fields: ['analysis', 'suggestions'], usual: 800, max: PROPOSAL_MAX_CHARS },
  authorship: { nameField: 'proposer', affiliationField: 'sector', affiliationFrom: (to) => to.sector || to.delegation },

  emptyFields(ctx) {
    const s = ctx.settings ?? {};
    return {
      title: '',
      proposer: s.authorName?.trim() ?? '',
      sector: s.sector?.trim() ?? '',
      contact: s.contact?.trim() ?? '',
      coProposers: '',
      category: '',
      analysis: '',
      suggestions: '',
    };
  },

  validate(draft, _ctx, out) {
    const f = draft.fields;
    const spec = proposalKind.spec;
    checkRequired(spec, f, out);
    checkTitle(PROPOSAL_TITLE, labelIn(spec, 'title'), f.title, out);
    const n = countChars(f.analysis) + countChars(f.suggestions);
    if (n > PROPOSAL_MAX_CHARS) {
      out.warn('suggestions', `情况分析和具体建议共${n}字，超过${PROPOSAL_MAX_CHARS}字，建议精简到800字左右`);
    }
    if (!f.contact.trim()) out.warn('contact', '请填写通讯方式，便于承办单位联系和答复');
    if (f.proposer.trim() && splitNames(f.coProposers).includes(f.proposer.trim())) {
      out.warn('coProposers', '提案人不必再列为联名提案人');
    }
  },

  title: titledFormTitle,
  wording: titledFormTitle,
  hasContent: (f) => anyFilled(f, ['title', 'coProposers', 'analysis', 'suggestions']),
  exportDraft: (draft, _ctx, render) => render.proposal(draft.fields),
};
