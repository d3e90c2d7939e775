import { z } from 'zod';
import { method } from './define';
import type { SavedFile } from './dialog';

/**
 * The report with its marks as a PDF file. Only the desktop app can do this itself (Electron's
 * `webContents.printToPDF` over the page's print layout, then a save dialog); the main process
 * asks where and writes the file, so no path travels through the API. The browser host answers
 * `print/use-print-dialog`: there the browser's own print dialog saves PDFs.
 */
export const printContract = {
  'print.savePdf': method<SavedFile>()(z.strictObject({ defaultName: z.string().trim().min(1).max(255) })),
};
