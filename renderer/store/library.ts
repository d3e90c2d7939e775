import { create } from 'zustand';
import type { Report } from '../../electron/api/contract';
import { api, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';

interface LibraryState {
  reports: Report[];
  loaded: boolean;
  /** version just imported as a new version of an existing report: its marks are carried to it on opening */
  justImported: string | null;
  /** file being imported (parsed in the background: the app stays usable meanwhile) */
  importing: string | null;
  load(): Promise<void>;
  /** Import a file as a new report, or as a new version of `reportId`. Returns the new version id. */
  importFile(file: File, reportId?: string, label?: string): Promise<string | null>;
  /** Same, for bytes that arrive already encoded (the desktop app's native open dialog). */
  importData(fileName: string, dataBase64: string, reportId?: string, label?: string): Promise<string | null>;
}

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取这个文件。'));
    reader.readAsDataURL(file);
  });
}

export const useLibrary = create<LibraryState>()((set, get) => ({
  reports: [],
  loaded: false,
  justImported: null,
  importing: null,
  load: async () => {
    set({ reports: await api['reports.list']({}), loaded: true });
  },
  importFile: async (file, reportId, label) => {
    const ui = useUi.getState();
    if (file.size > 20 * 1024 * 1024) {
      ui.toast('error', '文件超过 20 MB，不像是一份报告，未导入。');
      return null;
    }
    try {
      return await get().importData(file.name, await fileToBase64(file), reportId, label);
    } catch (e) {
      ui.toast('error', errorMessage(e));
      return null;
    }
  },
  importData: async (fileName, dataBase64, reportId, label) => {
    const ui = useUi.getState();
    set({ importing: fileName });
    try {
      const result = await api['reports.import']({ fileName, dataBase64, reportId, label });
      await get().load();
      if (reportId) set({ justImported: result.versionId });
      ui.toast('info', t.library.imported(result.report.title) + (result.repairs.length ? ' ' + t.library.repairs(result.repairs.length) : ''));
      return result.versionId;
    } catch (e) {
      ui.toast('error', errorMessage(e));
      return null;
    } finally {
      if (get().importing === fileName) set({ importing: null });
    }
  },
}));
