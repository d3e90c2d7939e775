/**
 * The renderer's only door to the main process (sandboxed preload, context isolation):
 * `window.api` has one function per contract method and `window.reviewdesk` one menu
 * subscription. ipcRenderer itself is never exposed, so the page cannot send arbitrary channels.
 * Each call resolves with main's Envelope as is; renderer/api/client.ts opens it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { methodNames } from '../api/contract';
import { MENU_CHANNEL, isMenuCommand, type DesktopBridge } from '../api/menu-commands';

const api = Object.fromEntries(methodNames.map((method) => [method, (args: unknown) => ipcRenderer.invoke(method, args)]));

const desktop: DesktopBridge = {
  onMenuCommand(callback) {
    // The page gets the command name only, never the IPC event (which carries the sender).
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('reviewdesk', desktop);
