/**
 * Commands the desktop application menu sends to the renderer (文件 → 导入报告… etc.). The
 * renderer subscribes with `window.reviewdesk?.onMenuCommand(cb)`; on the web there is no menu
 * and `window.reviewdesk` is undefined.
 */
export const MENU_CHANNEL = 'menu:command';

export const MENU_COMMANDS = ['report.import', 'report.importVersion', 'bundle.export', 'report.print'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What preload exposes as `window.reviewdesk`: a subscription, never ipcRenderer itself. */
export interface DesktopBridge {
  /** returns an unsubscribe function */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
