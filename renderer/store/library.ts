import { create } from 'zustand';
import type { Args, Report, Result } from '../../electron/api/contract';
import { api, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';

type ImportOutcome = Result<'reports.import'>;
export type ImportQuestion = Extract<ImportOutcome, { question: string }>;
type Accept = NonNullable<Args<'reports.import'>['accept']>[number];

/** A file on its way into the library: the label is chosen, then the back end may ask a question. */
export interface PendingImport {
  fileName: string;
  dataBase64: string;
  /** offered as a new version of this report */
  reportId?: string;
  /** what the back end asked (null while the label is being chosen) */
  question: ImportQuestion | null;
  label: string;
  accept: Accept[];
}

/** The user's answer to the back end's question. */
export type ImportAnswer = 'as-report' | 'as-version' | 'open-existing' | 'import-anyway' | 'cancel';

interface LibraryState {
  reports: Report[];
  loaded: boolean;
  /** version just imported as a new version of an existing report: its marks are carried to it on opening */
  justImported: string | null;
  /** file being imported (parsed in the background: the app stays usable meanwhile) */
  importing: string | null;
  /** the import dialog's state: choosing the version's label, or a question to answer */
  pending: PendingImport | null;
  load(): Promise<void>;
  /**
   * Import a file as a new report, or as a new version of `reportId`. Without a label the user
   * chooses one first (the import dialog). Resolves with the version to open: the new one, or the
   * one already in the library when the user chose 打开已有的; null when cancelled or refused.
   */
  importFile(file: File, reportId?: string, label?: string): Promise<string | null>;
  /** Same, for bytes that arrive already encoded (the desktop app's native open dialog). */
  importData(fileName: string, dataBase64: string, reportId?: string, label?: string): Promise<string | null>;
  /** The import dialog: the label is chosen. */
  chooseLabel(label: string): void;
  /** The import dialog: the answer to the back end's question. */
  answer(choice: ImportAnswer): void;
}

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取这个文件。'));
    reader.readAsDataURL(file);
  });
}

/** Resolves the promise importData returned once the dialog has its answer. */
let settle: ((versionId: string | null) => void) | null = null;
function finish(versionId: string | null) {
  const s = settle;
  settle = null;
  s?.(versionId);
}

export const useLibrary = create<LibraryState>()((set, get) => {
  /** Sends the import; a question goes back to the dialog, anything else finishes it. */
  async function send(req: PendingImport): Promise<void> {
    const ui = useUi.getState();
    set({ importing: req.fileName, pending: null });
    try {
      const result = await api['reports.import']({
        fileName: req.fileName,
        dataBase64: req.dataBase64,
        reportId: req.reportId,
        label: req.label,
        accept: req.accept,
      });
      if ('question' in result) {
        set({ pending: { ...req, question: result } });
        return;
      }
      await get().load();
      if (req.reportId) set({ justImported: result.versionId });
      const said = req.reportId ? t.versionFlow.importedVersion(req.label, result.report.title) : t.library.imported(result.report.title);
      ui.toast('info', said + (result.repairs.length ? ' ' + t.library.repairs(result.repairs.length) : ''));
      finish(result.versionId);
    } catch (e) {
      ui.toast('error', errorMessage(e));
      finish(null);
    } finally {
      if (get().importing === req.fileName) set({ importing: null });
    }
  }

  return {
    reports: [],
    loaded: false,
    justImported: null,
    importing: null,
    pending: null,
    load: async () => {
      set({ reports: await api['reports.list']({}), loaded: true });
    },
    importFile: async (file, reportId, label) => {
      const ui = useUi.getState();
      if (file.size > 20 * 1024 * 1024) {
        ui.toast('error', '文件超过 20 MB，不像是一份报告，未导入。');
        return null;
      }
      try {
        return await get().importData(file.name, await fileToBase64(file), reportId, label);
      } catch (e) {
        ui.toast('error', errorMessage(e));
        return null;
      }
    },
    importData: (fileName, dataBase64, reportId, label) => {
      finish(null); // a dialog left open by an earlier file is abandoned
      const req: PendingImport = { fileName, dataBase64, reportId, question: null, label: label ?? '', accept: [] };
      const done = new Promise<string | null>((resolve) => (settle = resolve));
      if (label === undefined) set({ pending: req });
      else void send(req);
      return done;
    },
    chooseLabel: (label) => {
      const req = get().pending;
      if (req) void send({ ...req, label });
    },
    answer: (choice) => {
      const req = get().pending;
      if (!req?.question) return;
      const accept = [...req.accept, req.question.question];
      if (choice === 'cancel') {
        set({ pending: null });
        finish(null);
      } else if (choice === 'open-existing') {
        set({ pending: null });
        finish(req.question.existing?.versionId ?? null);
      } else if (choice === 'as-report') void send({ ...req, reportId: undefined, question: null });
      else void send({ ...req, accept, question: null });
    },
  };
});
