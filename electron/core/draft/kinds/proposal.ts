/**
 * 政协提案: a CPPCC member's proposal — one matter per proposal (一事一案), with the situation,
 * its analysis and concrete suggestions, about 800 characters (FORMATS.md); exported as its form.
 */
import { DRAFT_KIND_LABELS } from '../../common/labels';
import { isOneOf, PROPOSAL_SOURCES } from '../../common/vocabulary';
import type { DraftKindModule } from '../kindModule';
import { checkRequired, checkTitle, labelIn, type TitleRule } from '../checks';
import { countChars, splitNames } from '../text';
import { contactProblems, splitContact } from '../contact';
import { ownWords } from '../background';
import { CATEGORY_OPTIONS, PROPOSAL_SOURCE_OPTIONS } from './shared';
import { anyFilled, titledFormTitle } from './titled';

/** About 800 characters is usual; the CPPCC guidance caps a proposal at 1,500. */
export const PROPOSAL_MAX_CHARS = 1500;

export const PROPOSAL_TITLE: TitleRule = { suffix: '的提案', oneMatter: '一事一案' };

// 政协咸宁市第五届委员会第四次会议 / 全国政协十四届二次会议: a session is named by its 届 and 次.
const SESSION_NAME = /^(?:政协|全国政协|中国人民政治协商会议).*届.*次会议$/u;

export const proposalKind: DraftKindModule<'proposal'> = {
  spec: {
    kind: 'proposal',
    name: DRAFT_KIND_LABELS.proposal,
    audience: 'member',
    description: '政协委员提出的提案：一事一案，有情况、有分析、有具体建议，一般800字左右',
    fields: [
      { key: 'title', label: '案由', required: true, multiline: false, placeholder: '关于……的提案' },
      { key: 'source', label: '提案来源', required: true, multiline: false, options: PROPOSAL_SOURCE_OPTIONS },
      {
        key: 'session',
        label: '会议名称',
        required: false,
        multiline: false,
        placeholder: '政协××市第×届委员会第×次会议',
        hint: '印在提案表标题下；闭会期间提出的可不填',
      },
      { key: 'proposer', label: '提案人', required: true, multiline: false, hint: '界别、小组或组织提案填写牵头人或单位名称' },
      { key: 'sector', label: '界别/组别', required: true, multiline: false },
      { key: 'address', label: '通讯地址', required: false, multiline: false },
      { key: 'postcode', label: '邮政编码', required: false, multiline: false, placeholder: '6位数字' },
      { key: 'phone', label: '联系电话', required: false, multiline: false, placeholder: '手机或带区号的固定电话' },
      { key: 'email', label: '电子邮箱', required: false, multiline: false },
      { key: 'coProposers', label: '联名提案人', required: false, multiline: false, hint: '多人以顿号分隔，第一提案人不再列入' },
      { key: 'category', label: '类别', required: true, multiline: false, options: CATEGORY_OPTIONS, freeText: true },
      { key: 'analysis', label: '情况分析', required: true, multiline: true, hint: '现状、问题及原因' },
      { key: 'suggestions', label: '具体建议', required: true, multiline: true, hint: '建议、办法和要求，宜分条列出' },
    ],
  },
  menuRank: { deputy: 3, member: 0 },
  length: { fields: ['analysis', 'suggestions'], usual: 800, max: PROPOSAL_MAX_CHARS },
  authorship: { nameField: 'proposer', affiliationField: 'sector', affiliationFrom: (to) => to.sector || to.delegation },
  background: 'analysis',
  // up to 0.1 the form had one 通讯方式 box
  legacyKeys: ['contact'],

  emptyFields(ctx) {
    const s = ctx.settings ?? {};
    const contact = splitContact(s.contact?.trim() ?? '');
    return {
      title: '',
      source: '个人',
      session: '',
      proposer: s.authorName?.trim() ?? '',
      sector: s.sector?.trim() ?? '',
      ...contact,
      coProposers: '',
      category: '',
      analysis: '',
      suggestions: '',
    };
  },

  upgrade(values) {
    const { contact, ...rest } = values;
    if (contact === undefined) return rest;
    // separate fields already filled (a draft saved by this version) win over the old box
    const parts = Object.entries(splitContact(contact)).filter(([k]) => !rest[k]?.trim());
    return { ...rest, ...Object.fromEntries(parts) };
  },

  coerce(fields) {
    return isOneOf(PROPOSAL_SOURCES, fields.source) ? fields : { ...fields, source: '个人' };
  },

  checkImported(fields) {
    return fields.source !== undefined && fields.source !== '' && !isOneOf(PROPOSAL_SOURCES, fields.source)
      ? [{ field: 'source', message: `提案来源只能是${PROPOSAL_SOURCES.join('、')}` }]
      : [];
  },

  validate(draft, _ctx, out) {
    const f = draft.fields;
    const spec = proposalKind.spec;
    checkRequired(spec, f, out);
    checkTitle(PROPOSAL_TITLE, labelIn(spec, 'title'), f.title, out);
    const n = countChars(ownWords(f.analysis)) + countChars(f.suggestions);
    if (n > PROPOSAL_MAX_CHARS) {
      out.warn('suggestions', `情况分析和具体建议共${n}字，超过${PROPOSAL_MAX_CHARS}字，建议精简到800字左右`);
    }
    const co = splitNames(f.coProposers);
    if (f.source === '联名' && co.length === 0) out.warn('coProposers', '联名提案请填写联名提案人');
    if (f.source === '个人' && co.length > 0) out.info('source', '已填写联名提案人：提案来源可选“联名”');
    if (f.proposer.trim() && co.includes(f.proposer.trim())) out.warn('coProposers', '提案人不必再列为联名提案人');
    if (!f.address.trim() && !f.phone.trim() && !f.email.trim()) {
      out.warn('phone', '请至少填写一种联系方式（地址、电话或邮箱），便于承办单位联系和答复');
    }
    for (const [field, message] of Object.entries(contactProblems(f))) out.warn(field, message);
    if (f.session.trim() && !SESSION_NAME.test(f.session.trim())) {
      out.info('session', '会议名称一般写作“政协××市第×届委员会第×次会议”');
    }
  },

  title: titledFormTitle,
  wording: titledFormTitle,
  hasContent: (f) => anyFilled({ ...f, analysis: ownWords(f.analysis ?? '') }, ['title', 'coProposers', 'analysis', 'suggestions']),
  exportDraft: (draft, _ctx, render) => render.proposal(draft.fields),
};
