/**
 * The desktop menu (文件 → 导入报告… / 导入新版本… / 导出交换包…) arrives here through the
 * preload's `window.reviewdesk.onMenuCommand`; the browser host has no menu.
 */
import type { DesktopBridge, MenuCommand } from '../electron/api/contract';
import { SOURCE_EXTENSIONS } from '../electron/core/common/vocabulary';
import { api } from './api/client';
import { useLibrary } from './store/library';
import { useReader } from './store/reader';
import { useUi } from './store/ui';
import { openPrintDialog } from './features/print/printJob';

declare global {
  interface Window {
    reviewdesk?: DesktopBridge;
  }
}

const REPORT_FILTERS = [{ name: '报告文件', extensions: Object.values(SOURCE_EXTENSIONS).flat() }];

async function importFromDialog(reportId?: string) {
  const picked = await api['dialog.openFile']({ filters: REPORT_FILTERS });
  if (!picked.path || !picked.dataBase64) return;
  const versionId = await useLibrary.getState().importData(picked.name ?? picked.path, picked.dataBase64, reportId);
  if (versionId && (await useReader.getState().open(versionId))) useUi.getState().setView('reader');
}

/** Handlers other features add for commands they own (e.g. the exchange bundle). */
export const menuCommandHandlers: Partial<Record<MenuCommand, () => void>> = {
  'report.import': () => void importFromDialog(),
  'report.importVersion': () => void importFromDialog(useReader.getState().doc?.report.id),
  'report.print': openPrintDialog,
};

export function subscribeMenuCommands(): () => void {
  return window.reviewdesk?.onMenuCommand((command) => menuCommandHandlers[command]?.()) ?? (() => {});
}
