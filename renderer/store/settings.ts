import { useMemo } from 'react';
import { create } from 'zustand';
import { colorLabels } from '../../electron/core/common/colors';
import { IDENTITIES, isOneOf, type Color, type Identity } from '../../electron/core/common/vocabulary';
import type { Result } from '../../electron/api/contract';
import { api, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';
import { useAnnotations } from './annotations';
import { useDrafts } from './drafts';

type Unsigned = Result<'authorship.unsigned'>;

/** Settings that live in SQLite (they travel with the data, unlike view preferences). */
interface SettingsState {
  values: Record<string, string>;
  /** false until the first load answered: the first-start prompt must not flash before it */
  loaded: boolean;
  /** marks and drafts with an empty 提出人, as last counted; null before counting */
  unsigned: Unsigned | null;
  load(): Promise<void>;
  set(key: string, value: string): Promise<void>;
  /** Several settings at once (the first-start prompt saves name, identity and 代表团 together). */
  setMany(values: Record<string, string>): Promise<boolean>;
  countUnsigned(): Promise<Unsigned | null>;
  /** Signs every unsigned mark and draft with the name in 设置; one action, then the lists show it. */
  signUnsigned(): Promise<void>;
}

/** Keys of the user's signature. `identity.asked` records that the first-start prompt was answered. */
export const AUTHOR_KEYS = {
  name: 'author.name',
  role: 'author.role',
  delegation: 'author.delegation',
  sector: 'author.sector',
  asked: 'identity.asked',
} as const;

export const useSettings = create<SettingsState>()((set, get) => ({
  values: {},
  loaded: false,
  unsigned: null,
  load: async () => {
    const values = await api['settings.all']({});
    set({ values, loaded: true });
  },
  set: async (key, value) => {
    await get().setMany({ [key]: value });
  },
  setMany: async (values) => {
    try {
      for (const [key, value] of Object.entries(values)) await api['settings.set']({ key, value });
      set({ values: { ...get().values, ...values } });
      return true;
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
      return false;
    }
  },
  countUnsigned: async () => {
    try {
      const unsigned = await api['authorship.unsigned']({});
      set({ unsigned });
      return unsigned;
    } catch {
      return null; // the offer is a convenience: without a count it is simply not shown
    }
  },
  signUnsigned: async () => {
    const name = get().values[AUTHOR_KEYS.name]?.trim() ?? '';
    try {
      const done = await api['authorship.sign']({});
      set({ unsigned: { annotations: 0, drafts: 0 } });
      // What is on screen shows the new name at once: marks in place, drafts from the back end
      // (signing may also have filled their 领衔代表 / 代表团).
      const marks = useAnnotations.getState();
      useAnnotations.setState({ list: marks.list.map((a) => (a.author.trim() ? a : { ...a, author: name })) });
      const reportId = useDrafts.getState().reportId;
      if (reportId) await useDrafts.getState().load(reportId);
      useUi.getState().toast('info', t.authorship.signed(done.annotations, done.drafts, name));
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    }
  },
}));

/**
 * The named meanings of the highlight colours: the defaults with the user's renamings (设置),
 * merged by the same rule the back end prints them with in exports.
 */
export function useColorLabels(): Record<Color, string> {
  const raw = useSettings((s) => s.values['colors.labels']);
  return useMemo(() => colorLabels(raw), [raw]);
}

/** The user's 身份 as saved in 设置; a value this version does not know reads as 人大代表. */
export function useIdentity(): Identity {
  const raw = useSettings((s) => s.values[AUTHOR_KEYS.role]);
  return isOneOf(IDENTITIES, raw) ? raw : 'deputy';
}
