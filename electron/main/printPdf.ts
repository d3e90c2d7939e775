/**
 * 导出 PDF in the desktop app: Chromium's own print layout of the page (the renderer has already
 * mounted its print view, see renderer/features/print) written to a file the user picks here. The
 * path never leaves the main process, so no destination grant is needed.
 */
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog, PrintToPDFOptions, SaveDialogOptions } from 'electron';
import type { PrintHandlers } from '../api/handlers/print';
import { reasonOf, writeAtomically } from '../api/handlers/exportFile';
import { ReviewDeskError } from '../core/errors';
import { suggestedFileName } from '../core/common/fileName';

/** A4 with the page's own @page margins and highlight colours; headings become the PDF's bookmarks. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateDocumentOutline: true,
};

export interface PrintPdfDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  getWindow: () => BrowserWindow | null;
  /** where the save dialog starts: the user's Documents folder */
  documentsDir: string;
}

export function printPdfHandlers(deps: PrintPdfDeps): PrintHandlers {
  return {
    'print.savePdf': async ({ defaultName }) => {
      const win = deps.getWindow();
      if (!win || win.isDestroyed()) throw new ReviewDeskError('print/failed', '窗口已关闭，无法导出 PDF。');
      const name = suggestedFileName(defaultName);
      const options: SaveDialogOptions = {
        title: '导出 PDF',
        defaultPath: join(deps.documentsDir, extname(name).toLowerCase() === '.pdf' ? name : `${name}.pdf`),
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
        buttonLabel: '保存',
      };
      const r = await deps.dialog.showSaveDialog(win, options);
      if (r.canceled || !r.filePath) return { path: null };
      if (win.isDestroyed()) throw new ReviewDeskError('print/failed', '窗口已关闭，无法导出 PDF。');
      // Linux dialogs do not add the extension the filter names.
      const path = extname(r.filePath).toLowerCase() === '.pdf' ? r.filePath : `${r.filePath}.pdf`;
      let bytes: Uint8Array;
      try {
        bytes = await win.webContents.printToPDF(PDF_OPTIONS);
      } catch {
        throw new ReviewDeskError('print/failed', '生成 PDF 时出错。请重试，或点“打印…”用系统的打印对话框。');
      }
      try {
        await writeAtomically(path, bytes);
      } catch (e) {
        throw new ReviewDeskError('export/write-failed', `无法写入“${path}”：${reasonOf(e)}。`);
      }
      return { path };
    },
  };
}
