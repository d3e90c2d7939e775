/**
 * Printing the open report: the options dialog, and the job the print view renders while the
 * browser (window.print) or the desktop app (print.savePdf → webContents.printToPDF) lays the page
 * out for paper. The whole report is mounted only while a job is on: the reader is virtualised and
 * holds just the rows on screen.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { api, errorMessage, isDesktop } from '../../api/client';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { DEFAULT_PRINT_OPTIONS, type PrintOptions } from './printModel';

interface PrintState {
  dialogOpen: boolean;
  /** the choices last made in the dialog (kept per machine, like the reader's view settings) */
  options: PrintOptions;
  /** what the print view renders; null when nothing is being printed */
  job: PrintOptions | null;
  setOptions(p: Partial<PrintOptions>): void;
}

export const usePrint = create<PrintState>()(
  persist(
    (set) => ({
      dialogOpen: false,
      options: DEFAULT_PRINT_OPTIONS,
      job: null,
      setOptions: (p) => set((s) => ({ options: { ...s.options, ...p } })),
    }),
    { name: 'reviewdesk.print', partialize: (s) => ({ options: s.options }) },
  ),
);

/** 打印… (view controls, Ctrl+P, the desktop menu): the options dialog for the open report. */
export function openPrintDialog(): void {
  if (!useReader.getState().doc) {
    useUi.getState().toast('error', t.print.noReport);
    return;
  }
  usePrint.setState({ dialogOpen: true });
}

export function closePrintDialog(): void {
  usePrint.setState({ dialogOpen: false });
}

/** The name a saved PDF is offered under (and the title Chromium's print dialog proposes). */
export function printedName(): string {
  const doc = useReader.getState().doc;
  return doc ? t.print.fileName(doc.citationTitle || doc.report.title, doc.version.label) : t.appName;
}

let titleBefore: string | null = null;

/** Mounts the print view with these options (kept mounted until endPrintJob). */
export function beginPrintJob(options: PrintOptions): void {
  titleBefore ??= document.title;
  document.title = printedName();
  usePrint.setState({ dialogOpen: false, job: options });
}

export function endPrintJob(): void {
  if (titleBefore !== null) document.title = titleBefore;
  titleBefore = null;
  usePrint.setState({ job: null });
}

/** Two frames: React has committed the print view and the browser has styled it. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * Prints with the dialog's options: to the print dialog (both apps; in the browser it is also
 * the way to a PDF), or straight to a PDF file in the desktop app.
 */
export async function printReport(target: 'print' | 'pdf'): Promise<void> {
  beginPrintJob(usePrint.getState().options);
  await afterPaint();
  if (target === 'print') {
    // Blocks until the dialog closes; the job ends on 'afterprint' (PrintView).
    window.print();
    return;
  }
  try {
    const { path } = await api['print.savePdf']({ defaultName: `${printedName()}.pdf` });
    if (path) useUi.getState().toast('info', t.print.saved(path));
  } catch (e) {
    useUi.getState().toast('error', errorMessage(e));
  } finally {
    endPrintJob();
  }
}

/** The desktop app can write the PDF itself; the browser's print dialog saves PDFs on its own. */
export const canSavePdf = isDesktop;
