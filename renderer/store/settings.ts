import { create } from 'zustand';
import { api, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';

/** Settings that live in SQLite (they travel with the data, unlike view preferences). */
interface SettingsState {
  values: Record<string, string>;
  load(): Promise<void>;
  set(key: string, value: string): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  values: {},
  load: async () => set({ values: await api['settings.all']({}) }),
  set: async (key, value) => {
    try {
      await api['settings.set']({ key, value });
      set({ values: { ...get().values, [key]: value } });
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    }
  },
}));

export function parseColorLabels(raw: string | undefined): Record<string, string> {
  try {
    return { ...t.colors, ...(raw ? (JSON.parse(raw) as Record<string, string>) : {}) };
  } catch {
    return { ...t.colors };
  }
}

/** The named meanings of the highlight colours (renamable in 设置). */
export function useColorLabels(): Record<string, string> {
  const raw = useSettings((s) => s.values['colors.labels']);
  return parseColorLabels(raw);
}
