import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { saveProducedFile } from '../../api/saveFile';
import { fileToBase64 } from '../../store/library';
import { useUi } from '../../store/ui';
import { ModalDialog } from '../../components/ModalDialog';
import { distinctLocalTimes, localTime } from '../../i18n/localTime';
import { t } from '../../i18n/zh-CN';
import { reloadAfterRestore } from './restore';
import {
  NewPassphraseFields,
  PassphrasePrompt,
  chosenPassphrase,
  isWrongPassphrase,
  needsPassphrase,
  noPassphrase,
  passphraseProblem,
  type NewPassphrase,
} from '../bundles/Passphrase';

type Backup = Result<'backups.list'>[number];
/** what the host accepts in one call (base64 in JSON); the contract's limit */
const MAX_BACKUP_FILE_BYTES = 20 * 1024 * 1024;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * 备份与恢复: the automatic backups, a manual one, and restoring any of them; a backup exported
 * as a file to carry (optionally with a passphrase) and such a file imported back into the list.
 */
export function BackupsView() {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [dataDir, setDataDir] = useState('');
  const [busy, setBusy] = useState<'backup' | 'restore' | 'export' | 'import' | null>(null);
  const [confirm, setConfirm] = useState<Backup | null>(null);
  const [exporting, setExporting] = useState<Backup | null>(null);
  const [newPassphrase, setNewPassphrase] = useState<NewPassphrase>(noPassphrase);
  /** a sealed backup file waiting for its passphrase, with the refusal of the last try */
  const [locked, setLocked] = useState<{ file: File; error: string | null } | null>(null);
  const [imported, setImported] = useState<Backup | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Stable: ModalDialog refocuses itself when onClose changes, which would steal the focus from the passphrase fields.
  const closeExport = useCallback(() => {
    setExporting(null);
    setNewPassphrase(noPassphrase);
  }, []);
  const cancelUnlock = useCallback(() => setLocked(null), []);

  const load = useCallback(async () => {
    try {
      setBackups(await api['backups.list']({}));
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
    void api['app.info']({}).then((i) => setDataDir(i.dataDir));
  }, [load]);

  const backupNow = async () => {
    setBusy('backup');
    try {
      const b = await api['backups.create']({});
      useUi.getState().toast('info', t.backups.created(localTime(b.time)));
      await load();
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const restore = async (b: Backup) => {
    setBusy('restore');
    try {
      await api['backups.restore']({ name: b.name });
      reloadAfterRestore(t.backups.restored(localTime(b.time)));
    } catch (e) {
      setBusy(null);
      setConfirm(null);
      useUi.getState().toast('error', errorMessage(e));
    }
  };

  const exportBackup = async (b: Backup) => {
    if (passphraseProblem(newPassphrase)) return;
    setBusy('export');
    const passphrase = chosenPassphrase(newPassphrase);
    try {
      const saved = await saveProducedFile((destination) => api['backups.export']({ name: b.name, passphrase, destination }), {
        name: '审议台备份',
        extensions: [passphrase ? 'rdbackup' : 'sqlite3'],
      });
      if (!saved) return;
      useUi.getState().toast('info', t.sealed.backupExported(saved.path ?? saved.fileName, saved.sealed));
      closeExport();
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File, passphrase?: string) => {
    if (file.size > MAX_BACKUP_FILE_BYTES) {
      useUi.getState().toast('error', t.sealed.backupTooLarge);
      return;
    }
    setBusy('import');
    try {
      const b = await api['backups.importFile']({ fileName: file.name, dataBase64: await fileToBase64(file), passphrase });
      setLocked(null);
      setImported(b);
      await load();
    } catch (e) {
      if (needsPassphrase(e)) setLocked({ file, error: null });
      else if (isWrongPassphrase(e)) setLocked({ file, error: errorMessage(e) });
      else {
        setLocked(null);
        useUi.getState().toast('error', errorMessage(e));
      }
    } finally {
      setBusy(null);
    }
  };

  const times = distinctLocalTimes(backups ?? []);
  /** a backup's time as its row shows it (with seconds when another shares its minute) */
  const shown = (b: Backup) => times[backups?.findIndex((x) => x.name === b.name) ?? -1] ?? localTime(b.time);

  return (
    <div className="backups">
      <header>
        <h2>{t.backups.title}</h2>
        <button className="primary" onClick={() => void backupNow()} disabled={busy !== null}>
          {busy === 'backup' ? t.backups.backingUp : t.backups.backupNow}
        </button>
        <button onClick={() => input.current?.click()} disabled={busy !== null}>
          {busy === 'import' ? t.sealed.importingBackup : t.sealed.importBackup}
        </button>
        <input
          ref={input}
          type="file"
          accept=".sqlite3,.rdbackup"
          hidden
          data-testid="backup-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </header>
      <p className="muted">{t.backups.hint}</p>
      {dataDir && <p className="muted small">{t.backups.folder(`${dataDir}/backups`)}</p>}
      {backups && backups.length === 0 && <p className="muted">{t.backups.empty}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table backup-table">
          <thead>
            <tr>
              <th>{t.backups.time}</th>
              <th>{t.backups.kind}</th>
              <th className="num">{t.backups.size}</th>
              <th className="num">{t.backups.reports}</th>
              <th className="num">{t.backups.annotations}</th>
              <th className="num">{t.backups.drafts}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b, i) => (
              <tr key={b.name} data-backup={b.name} data-kind={b.kind}>
                <td className="backup-time">
                  {times[i]}
                  {i === 0 && <span className="pill">{t.backups.newest}</span>}
                </td>
                <td className="backup-kind" title={t.backups.kindTitles[b.kind]}>
                  {t.backups.kinds[b.kind] ?? t.backups.kinds.auto}
                </td>
                <td className="num muted">{size(b.bytes)}</td>
                {b.counts ? (
                  <>
                    <td className="num">{b.counts.reports}</td>
                    <td className="num">{b.counts.annotations}</td>
                    <td className="num">{b.counts.drafts}</td>
                  </>
                ) : (
                  <td colSpan={3} className="error">
                    {t.backups.unreadable}
                  </td>
                )}
                <td className="actions">
                  <button onClick={() => setExporting(b)} disabled={busy !== null || !b.counts}>
                    {t.sealed.exportBackup}
                  </button>{' '}
                  <button onClick={() => setConfirm(b)} disabled={busy !== null || !b.counts}>
                    {t.backups.restore}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <ModalDialog
          title={t.backups.confirmTitle}
          onClose={busy ? undefined : () => setConfirm(null)}
          testId="restore-confirm"
          actions={
            <>
              <button onClick={() => setConfirm(null)} disabled={busy !== null}>
                {t.cancel}
              </button>
              <button className="primary" onClick={() => void restore(confirm)} disabled={busy !== null}>
                {busy === 'restore' ? t.backups.restoring : t.backups.restore}
              </button>
            </>
          }
        >
          <p>{t.backups.confirmText(shown(confirm))}</p>
          {confirm.counts && <p className="muted">{t.backups.confirmCounts(confirm.counts.reports, confirm.counts.annotations, confirm.counts.drafts)}</p>}
        </ModalDialog>
      )}
      {exporting && (
        <ModalDialog
          title={t.sealed.exportBackupTitle}
          onClose={closeExport}
          testId="backup-export"
          actions={
            <>
              <button onClick={closeExport} disabled={busy !== null}>
                {t.cancel}
              </button>
              <button className="primary" onClick={() => void exportBackup(exporting)} disabled={busy !== null || passphraseProblem(newPassphrase) !== null}>
                {busy === 'export' ? t.sealed.exportingBackup : t.sealed.exportBackupButton}
              </button>
            </>
          }
        >
          <p className="muted">{t.sealed.exportBackupHint(shown(exporting))}</p>
          <NewPassphraseFields value={newPassphrase} onChange={setNewPassphrase} idPrefix="backup" />
        </ModalDialog>
      )}
      {locked && (
        <PassphrasePrompt
          message={t.sealed.promptBackup(locked.file.name)}
          error={locked.error}
          busy={busy === 'import'}
          onSubmit={(passphrase) => void importFile(locked.file, passphrase)}
          onCancel={cancelUnlock}
          testId="backup-unlock"
        />
      )}
      {imported && (
        <ModalDialog
          title={t.sealed.backupImportedTitle}
          onClose={() => setImported(null)}
          testId="backup-imported"
          actions={
            <>
              <button onClick={() => setImported(null)}>{t.sealed.later}</button>
              <button
                className="primary"
                onClick={() => {
                  setImported(null);
                  setConfirm(imported);
                }}
                disabled={!imported.counts}
              >
                {t.sealed.restoreImported}
              </button>
            </>
          }
        >
          <p>{t.sealed.backupImported(localTime(imported.time))}</p>
          {imported.counts && <p className="muted">{t.backups.confirmCounts(imported.counts.reports, imported.counts.annotations, imported.counts.drafts)}</p>}
        </ModalDialog>
      )}
    </div>
  );
}
