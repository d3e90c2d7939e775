import type { Args, ExportResult } from '../../../electron/api/contract';
import { api, errorMessage, isDesktop } from '../../api/client';
import { useUi } from '../../store/ui';
import { useDrafts } from '../../store/drafts';
import { t } from '../../i18n/zh-CN';

export type ExportFormat = 'docx' | 'markdown' | 'csv' | 'webAnnotation';
type ExportArgs = Omit<Args<'export.docx'>, 'destination'>;

const METHOD = {
  docx: 'export.docx',
  markdown: 'export.markdown',
  csv: 'export.csv',
  webAnnotation: 'export.webAnnotation',
} as const;

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  markdown: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV 表格', extensions: ['csv'] },
  webAnnotation: { name: 'Web Annotation', extensions: ['jsonld', 'json'] },
};

/** The browser saves a file by "downloading" it from a blob: URL. */
function download(r: ExportResult) {
  const bin = atob(r.dataBase64 ?? '');
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: r.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

type SaveDialog = (a: { defaultName: string; filters?: { name: string; extensions: string[] }[] }) => Promise<{ path: string | null }>;

/**
 * Exports and saves: the desktop app asks where (native save dialog) and the back end writes the
 * file; the browser downloads the bytes. Errors become a toast, never an exception.
 */
export async function exportAs(format: ExportFormat, args: ExportArgs): Promise<boolean> {
  const call = api[METHOD[format]] as (a: Args<'export.docx'>) => Promise<ExportResult>;
  try {
    // What is typed is what is exported: send pending edits first.
    await useDrafts.getState().flush();
    const inline = await call(args);
    // dialog.saveFile belongs to the desktop shell; the web host answers {path: null}.
    const saveFile = isDesktop ? ((api as unknown as Record<string, SaveDialog | undefined>)['dialog.saveFile'] ?? null) : null;
    if (saveFile) {
      const { path } = await saveFile({ defaultName: inline.fileName, filters: [FILTERS[format]] });
      if (!path) return false; // cancelled
      const written = await call({ ...args, destination: path });
      useUi.getState().toast('info', t.drafts.exported(written.path ?? written.fileName));
      return true;
    }
    download(inline);
    useUi.getState().toast('info', t.drafts.exported(inline.fileName));
    return true;
  } catch (e) {
    useUi.getState().toast('error', errorMessage(e));
    return false;
  }
}
