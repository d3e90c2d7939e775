import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { saveProducedFile } from '../../api/saveFile';
import { useLibrary, fileToBase64 } from '../../store/library';
import { useReader } from '../../store/reader';
import { useAnnotations } from '../../store/annotations';
import { useDrafts } from '../../store/drafts';
import { useUi } from '../../store/ui';
import { ModalDialog } from '../../components/ModalDialog';
import { t } from '../../i18n/zh-CN';
import { ImportSummary } from './ImportSummary';
import {
  NewPassphraseFields,
  PassphrasePrompt,
  chosenPassphrase,
  isWrongPassphrase,
  needsPassphrase,
  noPassphrase,
  passphraseProblem,
  type NewPassphrase,
} from './Passphrase';

type ImportResult = Result<'bundles.import'>;
const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

/** 导出交换包 / 导入交换包 in the library header: carry marks between machines on a USB stick. */
export function BundleButtons() {
  const reports = useLibrary((s) => s.reports);
  const input = useRef<HTMLInputElement>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [scope, setScope] = useState<string>('all');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [newPassphrase, setNewPassphrase] = useState<NewPassphrase>(noPassphrase);
  /** a sealed bundle waiting for its passphrase, with the refusal of the last try */
  const [locked, setLocked] = useState<{ file: File; error: string | null } | null>(null);

  // Stable: ModalDialog refocuses itself when onClose changes, which would steal the focus from the passphrase fields.
  const closeExport = useCallback(() => {
    setExportOpen(false);
    setNewPassphrase(noPassphrase);
  }, []);
  const cancelUnlock = useCallback(() => setLocked(null), []);

  const doExport = async () => {
    if (passphraseProblem(newPassphrase)) return;
    setBusy(true);
    const reportId = scope === 'all' ? undefined : scope;
    const passphrase = chosenPassphrase(newPassphrase);
    try {
      const saved = await saveProducedFile(
        (destination) => api['bundles.export']({ reportId, destination, passphrase }),
        { name: '审议台交换包', extensions: ['reviewdesk'] },
        'application/zip',
      );
      if (!saved) return;
      useUi
        .getState()
        .toast(
          'info',
          t.bundles.exported(saved.path ?? saved.fileName, saved.counts.annotations, saved.counts.drafts) + (saved.sealed ? t.sealed.withPassphrase : ''),
        );
      closeExport();
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const doImport = async (file: File, passphrase?: string) => {
    if (file.size > MAX_BUNDLE_BYTES) {
      setFailure('交换包超过 20 MB，不像审议台生成的交换包，未导入。');
      return;
    }
    setBusy(true);
    try {
      const r = await api['bundles.import']({ fileName: file.name, dataBase64: await fileToBase64(file), passphrase });
      setLocked(null);
      setResult(r);
      // the database is the truth: refresh what the screens show
      await useLibrary.getState().load();
      const doc = useReader.getState().doc;
      if (doc) {
        await useAnnotations.getState().load(doc.version.id);
        await useDrafts.getState().load(doc.report.id);
      }
    } catch (e) {
      if (needsPassphrase(e)) setLocked({ file, error: null });
      else if (isWrongPassphrase(e)) setLocked({ file, error: errorMessage(e) });
      else {
        setLocked(null);
        setFailure(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button onClick={() => setExportOpen(true)} disabled={busy || reports.length === 0}>
        {t.bundles.export}
      </button>
      <button onClick={() => input.current?.click()} disabled={busy}>
        {busy && !exportOpen ? t.bundles.importing : t.bundles.import}
      </button>
      <input
        ref={input}
        type="file"
        accept=".reviewdesk,application/zip"
        hidden
        data-testid="bundle-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void doImport(file);
        }}
      />
      {exportOpen && (
        <ModalDialog
          title={t.bundles.exportTitle}
          onClose={closeExport}
          testId="bundle-export"
          actions={
            <>
              <button onClick={closeExport}>{t.cancel}</button>
              <button className="primary" onClick={() => void doExport()} disabled={busy || passphraseProblem(newPassphrase) !== null}>
                {busy ? t.bundles.exporting : t.bundles.exportButton}
              </button>
            </>
          }
        >
          <p className="muted">{t.bundles.exportHint}</p>
          <div className="choice-list" role="radiogroup">
            <label className="inline">
              <input type="radio" name="bundle-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              {t.bundles.allReports(reports.length)}
            </label>
            {reports.map((r) => (
              <label key={r.id} className="inline">
                <input type="radio" name="bundle-scope" checked={scope === r.id} onChange={() => setScope(r.id)} />
                {r.title}
              </label>
            ))}
          </div>
          <NewPassphraseFields value={newPassphrase} onChange={setNewPassphrase} idPrefix="bundle" />
        </ModalDialog>
      )}
      {locked && (
        <PassphrasePrompt
          message={t.sealed.promptBundle(locked.file.name)}
          error={locked.error}
          busy={busy}
          onSubmit={(passphrase) => void doImport(locked.file, passphrase)}
          onCancel={cancelUnlock}
          testId="bundle-unlock"
        />
      )}
      {(result || failure) && (
        <ImportSummary
          result={result}
          failure={failure}
          onClose={() => {
            setResult(null);
            setFailure(null);
          }}
        />
      )}
    </>
  );
}
