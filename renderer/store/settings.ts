import { create } from 'zustand';
import { api, errorMessage } from '../api/client';
import { useUi } from './ui';

/** Settings that live in SQLite (they travel with the data, unlike view preferences). */
interface SettingsState {
  values: Record<string, string>;
  /** the colour names in force when loaded; the back end owns the defaults (exports print them) */
  colorLabels: Record<string, string>;
  load(): Promise<void>;
  set(key: string, value: string): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  values: {},
  colorLabels: {},
  load: async () => {
    const [values, info] = await Promise.all([api['settings.all']({}), api['app.info']({})]);
    set({ values, colorLabels: info.colorLabels });
  },
  set: async (key, value) => {
    try {
      await api['settings.set']({ key, value });
      set({ values: { ...get().values, [key]: value } });
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
