/**
 * The IPC side of the API: one ipcMain.handle per contract method. Only the app's own page in
 * the main window's top frame may call; anything else (an iframe, a page navigated elsewhere)
 * is refused before the argument is even parsed. Every answer is an Envelope, the same value the
 * browser host sends over HTTP: a failure is returned, never thrown, so Electron does not wrap it
 * in an "Error invoking remote method" message.
 */
import type { BrowserWindow, IpcMain, WebFrameMain } from 'electron';
import { methodNames, type ApiError, type Envelope, type Handlers } from '../api/contract';
import { ApiFailure, dispatch } from '../api/dispatch';
import { INTERNAL_ERROR } from '../core/common/errorCodes';
import { isAppUrl } from './security';

export type FrameCheck = (frame: WebFrameMain | null | undefined) => boolean;

const FORBIDDEN: ApiError = { code: 'forbidden', message: '已拒绝：该请求不是来自审议台主窗口。' };

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
    ipcMain.handle(method, async (event, args: unknown): Promise<Envelope<unknown>> => {
      try {
        if (!isTrustedFrame(event.senderFrame)) return { ok: false, error: FORBIDDEN };
        return { ok: true, result: await dispatch(handlers, method, args, log) };
      } catch (e) {
        if (e instanceof ApiFailure) return { ok: false, error: e.error };
        // dispatch turns every failure into an ApiFailure; anything else is a bug here
        log(e);
        return { ok: false, error: INTERNAL_ERROR };
      }
    });
  }
}
