/**
 * 审议意见: the points of a deputy's or member's remarks on a passage, gathered per 代表团 / 界别
 * by the secretariat into its briefing; exported as items of the 审议意见 list.
 */
import { DRAFT_KIND_LABELS } from '../../common/labels';
import type { DraftKindModule, TitledDraft } from '../kindModule';
import type { Draft } from '../types';
import type { OpinionItem } from '../export/types';
import { checkRequired } from '../checks';
import { joinedQuote, localDate, shortPath, shorten } from '../text';

/** One item of the 审议意见 list. */
export function opinionItem(d: Draft<'opinion'>): OpinionItem {
  const f = d.fields;
  const quote = joinedQuote(d.targets);
  return {
    path: d.targets[0]?.path ?? '',
    ...(quote ? { quote } : {}),
    content: f.content,
    author: f.speaker.trim() || d.author,
    delegation: f.delegation,
    date: f.date,
  };
}

function title(draft: TitledDraft<'opinion'>): string {
  const path = draft.targets[0]?.path?.trim() ?? '';
  if (draft.title.trim()) return draft.title.trim();
  const gist = draft.fields.content.trim() ? shorten(draft.fields.content, 20) : '（未填写）';
  return path ? `${shortPath(path)}：${gist}` : `${DRAFT_KIND_LABELS.opinion}：${gist}`;
}

export const opinionKind: DraftKindModule<'opinion'> = {
  spec: {
    kind: 'opinion',
    name: DRAFT_KIND_LABELS.opinion,
    audience: 'both',
    description: '对报告某一段或某一部分的审议发言要点，由代表团秘书组汇总编入简报',
    fields: [
      { key: 'content', label: '意见内容', required: true, multiline: true, hint: '发言要点；所议段落见上方“关联段落”' },
      // not required: older opinions have none, and the 提出人 speaks for them
      { key: 'speaker', label: '发言人', required: false, multiline: false, hint: '秘书组记录他人发言时改为发言人的姓名' },
      { key: 'delegation', label: '代表团/小组', required: false, multiline: false, hint: '委员填写界别或小组' },
      { key: 'date', label: '日期', required: false, multiline: false, placeholder: 'YYYY-MM-DD' },
    ],
  },
  menuRank: { deputy: 1, member: 2 },
  // An opinion is gathered per delegation (deputies) or per 界别 (members).
  authorship: { nameField: 'speaker', affiliationField: 'delegation', affiliationFrom: (to) => to.delegation || to.sector },

  emptyFields(ctx) {
    const s = ctx.settings ?? {};
    const group = (s.role === 'member' ? s.sector || s.delegation : s.delegation || s.sector)?.trim() ?? '';
    return { content: '', speaker: s.authorName?.trim() ?? '', delegation: group, date: ctx.today ?? localDate() };
  },

  validate(draft, _ctx, out) {
    const f = draft.fields;
    checkRequired(opinionKind.spec, f, out);
    if (f.date && !/^\d{4}-\d{2}-\d{2}$/.test(f.date.trim())) out.warn('date', '日期格式应为 YYYY-MM-DD');
  },

  title,
  wording: title,
  // the list title names the passage; a file is about one remark, so its title or gist
  fileStem: (draft) => draft.title.trim() || shorten(draft.fields.content, 20),
  hasContent: (f) => (f.content ?? '').trim() !== '',

  exportDraft(draft, ctx, render) {
    return render.opinionList({ reportTitle: ctx.reportTitle, versionLabel: ctx.versionLabel, items: [opinionItem(draft)] });
  },
};
