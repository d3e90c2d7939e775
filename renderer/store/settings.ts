import { create } from 'zustand';
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
  /** the colour names in force when loaded; the back end owns the defaults (exports print them) */
  colorLabels: Record<string, string>;
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
export const AUTHOR_KEYS = { name: 'author.name', role: 'author.role', delegation: 'author.delegation', sector: 'author.sector', asked: 'identity.asked' } as const;

export const useSettings = create<SettingsState>()((set, get) => ({
  values: {},
  loaded: false,
  colorLabels: {},
  unsigned: null,
  load: async () => {
    const [values, info] = await Promise.all([api['settings.all']({}), api['app.info']({})]);
    set({ values, colorLabels: info.colorLabels, loaded: true });
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

/** The named meanings of the highlight colours: as loaded, plus renamings made since (设置). */
export function useColorLabels(): Record<string, string> {
  const loaded = useSettings((s) => s.colorLabels);
  const raw = useSettings((s) => s.values['colors.labels']);
  let renamed: Record<string, string> = {};
  try {
    renamed = raw ? (JSON.parse(raw) as Record<string, string>) : {};
  } catch {
    // a damaged value keeps the names as loaded
  }
  return { ...loaded, ...renamed };
}
