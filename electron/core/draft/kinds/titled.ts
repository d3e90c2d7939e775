/** What 代表建议 and 政协提案 share: a real title in the `关于……的建议/提案` form names them. */
import type { TitledDraft } from '../kindModule';
import type { DraftKind } from '../types';
import { DRAFT_KIND_LABELS } from '../../common/labels';

/** The form's own title, else the draft's, else 代表建议（未命名）. */
export function titledFormTitle<K extends DraftKind>(draft: TitledDraft<K> & { fields: { title: string } }): string {
  const t = draft.fields.title.trim() || draft.title.trim();
  return t || `${DRAFT_KIND_LABELS[draft.kind]}（未命名）`;
}

/** True when any of the keys holds something (values of older rows may be missing). */
export function anyFilled(fields: Record<string, string | undefined>, keys: readonly string[]): boolean {
  return keys.some((k) => (fields[k] ?? '').trim() !== '');
}
