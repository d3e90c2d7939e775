/**
 * Native open/save dialogs behind the contract's dialog.* methods (the web host answers
 * {path: null} instead). Opening reads the chosen file here so the renderer never needs a path
 * it could misuse; saving only returns the path the user picked.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { DialogHandlers } from '../api/handlers/dialog';
import type { DestinationGate } from '../api/destinations';
import { ReviewDeskError } from '../core/errors';
import { suggestedFileName } from '../core/common/fileName';
import { MAX_FILE_BYTES } from '../core/report/limits';

export interface DialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  getWindow: () => BrowserWindow | null;
  /** where a save dialog starts: the user's Documents folder */
  documentsDir: string;
  /** learns each path the user picks, so the export that follows (and only it) may write there */
  destinations?: Pick<DestinationGate, 'grant'>;
}

export function nativeDialogHandlers(deps: DialogDeps): DialogHandlers {
  const parent = () => {
    const win = deps.getWindow();
    return win && !win.isDestroyed() ? win : null;
  };
  return {
    'dialog.saveFile': async ({ defaultName, filters }) => {
      const options: SaveDialogOptions = { title: '保存', defaultPath: join(deps.documentsDir, suggestedFileName(defaultName)), filters, buttonLabel: '保存' };
      const win = parent();
      const r = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      const path = r.canceled || !r.filePath ? null : r.filePath;
      if (path) deps.destinations?.grant(path);
      return { path };
    },
    'dialog.openFile': async ({ filters }) => {
      const options: OpenDialogOptions = { title: '打开', properties: ['openFile'], filters, buttonLabel: '打开' };
      const win = parent();
      const r = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const file = r.canceled ? undefined : r.filePaths[0];
      if (!file) return { path: null };
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch {
        throw new ReviewDeskError('file-unreadable', `无法读取文件“${basename(file)}”，请确认文件存在且有权限打开。`);
      }
      if (size > MAX_FILE_BYTES) throw new ReviewDeskError('file-too-large', `文件“${basename(file)}”超过 20 MB，无法打开。`);
      const bytes = await readFile(file);
      return { path: file, name: basename(file), dataBase64: bytes.toString('base64') };
    },
  };
}
