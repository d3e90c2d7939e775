/**
 * 代表建议: a deputy's suggestion, criticism or opinion — one matter per suggestion (一事一议),
 * facts stated and the opinion concrete (FORMATS.md); exported as its own form.
 */
import { DRAFT_KIND_LABELS } from '../../common/labels';
import type { DraftKindModule } from '../kindModule';
import { checkRequired, checkTitle, labelIn, type TitleRule } from '../checks';
import { countChars, splitNames } from '../text';
import { CATEGORY_OPTIONS, SUGGESTION_SESSION_OPTIONS } from './shared';
import { checkSuggestionScope } from './suggestionScope';
import { ownWords } from '../background';
import { anyFilled, titledFormTitle } from './titled';

/** Below this a suggestion cannot state facts and a concrete opinion. */
export const SUGGESTION_MIN_CHARS = 50;

export const SUGGESTION_TITLE: TitleRule = { suffix: '的建议', oneMatter: '一事一议' };

export const suggestionKind: DraftKindModule<'suggestion'> = {
  spec: {
    kind: 'suggestion',
    name: DRAFT_KIND_LABELS.suggestion,
    audience: 'deputy',
    description: '人大代表提出的建议、批评和意见：一事一议，事实清楚，意见具体',
    fields: [
      { key: 'title', label: '标题', required: true, multiline: false, placeholder: '关于……的建议' },
      { key: 'session', label: '提出时间', required: true, multiline: false, options: SUGGESTION_SESSION_OPTIONS },
      { key: 'leadDeputy', label: '领衔代表', required: true, multiline: false },
      {
        key: 'coDeputies',
        label: '附议代表',
        required: false,
        multiline: false,
        hint: '多人以顿号分隔；其他代表团的代表在姓名后注明，如：李华（咸安代表团）',
      },
      { key: 'delegation', label: '代表团', required: true, multiline: false },
      { key: 'category', label: '类别', required: false, multiline: false, options: CATEGORY_OPTIONS, freeText: true },
      { key: 'content', label: '内容', required: true, multiline: true, hint: '写明问题、原因和具体建议' },
    ],
  },
  menuRank: { deputy: 2, member: 3 },
  length: { fields: ['content'], min: SUGGESTION_MIN_CHARS },
  authorship: { nameField: 'leadDeputy', affiliationField: 'delegation', affiliationFrom: (to) => to.delegation },
  background: 'content',

  emptyFields(ctx) {
    const s = ctx.settings ?? {};
    return {
      title: '',
      // the app is used in the meeting hall: most suggestions are handed in during the session
      session: '会议期间',
      leadDeputy: s.authorName?.trim() ?? '',
      coDeputies: '',
      delegation: s.delegation?.trim() ?? '',
      category: '',
      content: '',
    };
  },

  validate(draft, _ctx, out) {
    const f = draft.fields;
    const spec = suggestionKind.spec;
    checkRequired(spec, f, out);
    checkTitle(SUGGESTION_TITLE, labelIn(spec, 'title'), f.title, out);
    const own = ownWords(f.content);
    const n = countChars(own);
    if (n > 0 && n < SUGGESTION_MIN_CHARS) {
      out.warn('content', `内容只有${n}字，代表建议应事实清楚、意见具体，请写明问题和具体建议`);
    }
    if (f.leadDeputy.trim() && splitNames(f.coDeputies).includes(f.leadDeputy.trim())) {
      out.warn('coDeputies', '领衔代表不必再列为附议代表');
    }
    checkSuggestionScope(own, out);
  },

  title: titledFormTitle,
  wording: titledFormTitle,
  hasContent: (f) => anyFilled({ ...f, content: ownWords(f.content ?? '') }, ['title', 'coDeputies', 'content']),
  exportDraft: (draft, _ctx, render) => render.suggestion(draft.fields),
};
