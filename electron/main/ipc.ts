/**
 * The IPC side of the API: one ipcMain.handle per contract method. Only the app's own page in
 * the main window's top frame may call; anything else (an iframe, a page navigated elsewhere)
 * is refused before the argument is even parsed.
 */
import type { BrowserWindow, IpcMain, WebFrameMain } from 'electron';
import { methodNames, type ApiError, type Handlers } from '../api/contract';
import { ApiFailure, dispatch } from '../api/dispatch';
import { isAppUrl } from './security';

export type FrameCheck = (frame: WebFrameMain | null | undefined) => boolean;

const FORBIDDEN: ApiError = { code: 'forbidden', message: '已拒绝：该请求不是来自审议台主窗口。' };
const INTERNAL: ApiError = { code: 'internal', message: '操作未完成：程序内部出错。之前保存的内容不受影响。' };

/** Errors cross IPC as their message only; the renderer's client parses this JSON back out. */
function ipcError(error: ApiError): Error {
  return new Error(JSON.stringify({ code: error.code, message: error.message }));
}

/** The main window's top frame, showing the app's index.html. */
export function mainFrameCheck(getWindow: () => BrowserWindow | null, indexFile: string): FrameCheck {
  return (frame) => {
    const win = getWindow();
    if (!frame || !win || win.isDestroyed()) return false;
    const top = win.webContents.mainFrame;
    return frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId && isAppUrl(frame.url, indexFile);
  };
}

export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrustedFrame: FrameCheck, log: (e: unknown) => void = console.error): void {
  for (const method of methodNames) {
    ipcMain.handle(method, async (event, args: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) throw ipcError(FORBIDDEN);
      try {
        return await dispatch(handlers, method, args, log);
      } catch (e) {
        throw ipcError(e instanceof ApiFailure ? e.error : INTERNAL);
      }
    });
  }
}
