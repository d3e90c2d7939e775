/**
 * Who made a mark or a draft, and which 代表团 / 界别 they belong to. Names are typed by hand in
 * each member's copy of the app, so the same person arrives as 张三, 张 三 and 张　三 (two-character
 * names are often padded with a full-width space to line up with three-character ones).
 */
import type { Draft, DraftKind } from './types';
import type { Signature } from './kindModule';
import { findKindModule } from './kinds/index';
import { authorKey, sameAuthor } from './text';

export { authorKey, sameAuthor } from './text';
export type { Signature } from './kindModule';

/** The 代表团 / 界别 a draft itself states: opinions and suggestions name a 代表团, proposals a 界别. */
export function statedAffiliation(d: Pick<Draft, 'kind' | 'fields'>): string {
  const key = findKindModule(d.kind)?.authorship.affiliationField;
  if (!key) return '';
  return (d.fields as Record<string, string | undefined>)[key]?.trim() ?? '';
}

/**
 * Each author's 代表团 / 界别 as their own drafts state it (the most recently edited one wins), for
 * rows whose form has no such field (修改意见). Keyed by authorKey.
 */
export function affiliationsByAuthor(drafts: readonly Pick<Draft, 'kind' | 'fields' | 'author' | 'updatedAt'>[]): Map<string, string> {
  const found = new Map<string, { value: string; at: string }>();
  for (const d of drafts) {
    const key = authorKey(d.author);
    const value = statedAffiliation(d);
    if (!key || !value) continue;
    const cur = found.get(key);
    if (!cur || d.updatedAt > cur.at) found.set(key, { value, at: d.updatedAt });
  }
  return new Map([...found].map(([k, v]) => [k, v.value]));
}

/**
 * The fields of a draft signed by `to` (it was signed by `from`, often nobody): a name field that
 * still names the previous author (or nobody) follows the new one, and an empty 代表团 / 界别 is
 * filled in. Fields the user typed something else into are kept. Null when nothing changes.
 */
export function signedFields(kind: DraftKind | string, fields: Record<string, string>, from: string, to: Signature): Record<string, string> | null {
  const next = { ...fields };
  const follows = (key: string) => {
    const v = next[key]?.trim() ?? '';
    if (!v || sameAuthor(v, from)) next[key] = to.name;
  };
  const fill = (key: string, value: string) => {
    if (value && !next[key]?.trim()) next[key] = value;
  };
  const { nameField, affiliationField, affiliationFrom } = findKindModule(kind)?.authorship ?? {};
  if (nameField) follows(nameField);
  if (affiliationField && affiliationFrom) fill(affiliationField, affiliationFrom(to));
  const changed = Object.keys(next).some((k) => next[k] !== fields[k]);
  return changed ? next : null;
}
