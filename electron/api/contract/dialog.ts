import { z } from 'zod';
import { method } from './define';

/** A file-type filter as native dialogs take it: 报告 → txt, docx, md. */
export const FileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, '扩展名格式不正确'))
    .min(1)
    .max(20),
});

export interface SavedFile {
  /** null when the user cancelled, or always on the web (the browser downloads instead) */
  path: string | null;
}

export interface OpenedFile {
  /** null when the user cancelled, or always on the web (the browser uses a file input) */
  path: string | null;
  name?: string;
  dataBase64?: string;
}

/**
 * Native file dialogs. The desktop app shows the system's open/save dialogs; the web host has
 * none and answers {path: null}, so the renderer falls back to downloads and file inputs.
 */
export const dialogContract = {
  'dialog.saveFile': method<SavedFile>()(
    z.strictObject({
      defaultName: z.string().trim().min(1).max(255),
      filters: z.array(FileFilter).max(10).optional(),
    }),
  ),
  'dialog.openFile': method<OpenedFile>()(z.strictObject({ filters: z.array(FileFilter).max(10).optional() })),
};
