import type { Args } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { saveProducedFile } from '../../api/saveFile';
import { useUi } from '../../store/ui';
import { useDrafts } from '../../store/drafts';
import { t } from '../../i18n/zh-CN';

import type { ExportFormat } from '../../../electron/core/common/vocabulary';
export type { ExportFormat };
type ExportArgs = Omit<Args<'export.docx'>, 'destination'>;

const METHOD = {
  docx: 'export.docx',
  markdown: 'export.markdown',
  csv: 'export.csv',
  webAnnotation: 'export.webAnnotation',
  zip: 'export.zip',
  xlsx: 'export.xlsx',
} as const;

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  markdown: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV 表格', extensions: ['csv'] },
  webAnnotation: { name: 'Web Annotation', extensions: ['jsonld', 'json'] },
  zip: { name: 'ZIP 压缩包', extensions: ['zip'] },
  xlsx: { name: 'Excel 表格', extensions: ['xlsx'] },
};

/**
 * Exports and saves: the desktop app asks where (native save dialog) and the back end writes the
 * file; the browser downloads the bytes. Errors become a toast, never an exception.
 */
export async function exportAs(format: ExportFormat, args: ExportArgs): Promise<boolean> {
  const call = api[METHOD[format]];
  try {
    // What is typed is what is exported: send pending edits first.
    await useDrafts.getState().flush();
    const saved = await saveProducedFile((destination) => call(destination ? { ...args, destination } : args), FILTERS[format]);
    if (!saved) return false; // cancelled
    useUi.getState().toast('info', t.drafts.exported(saved.path ?? saved.fileName));
    return true;
  } catch (e) {
    useUi.getState().toast('error', errorMessage(e));
    return false;
  }
}
