import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { useUi } from '../../store/ui';
import { ModalDialog } from '../../components/ModalDialog';
import { localTime } from '../../i18n/localTime';
import { t } from '../../i18n/zh-CN';
import { reloadAfterRestore } from './restore';

type Backup = Result<'backups.list'>[number];

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 备份与恢复: the automatic backups, a manual one, and restoring any of them. */
export function BackupsView() {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [dataDir, setDataDir] = useState('');
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [confirm, setConfirm] = useState<Backup | null>(null);

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

  return (
    <div className="backups">
      <header>
        <h2>{t.backups.title}</h2>
        <button className="primary" onClick={() => void backupNow()} disabled={busy !== null}>
          {busy === 'backup' ? t.backups.backingUp : t.backups.backupNow}
        </button>
      </header>
      <p className="muted">{t.backups.hint}</p>
      {dataDir && <p className="muted small">{t.backups.folder(`${dataDir}/backups`)}</p>}
      {backups && backups.length === 0 && <p className="muted">{t.backups.empty}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table backup-table">
          <thead>
            <tr>
              <th>{t.backups.time}</th>
              <th className="num">{t.backups.size}</th>
              <th className="num">{t.backups.reports}</th>
              <th className="num">{t.backups.annotations}</th>
              <th className="num">{t.backups.drafts}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b, i) => (
              <tr key={b.name} data-backup={b.name}>
                <td>
                  {localTime(b.time)}
                  {i === 0 && <span className="pill">{t.backups.newest}</span>}
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
          <p>{t.backups.confirmText(localTime(confirm.time))}</p>
          {confirm.counts && <p className="muted">{t.backups.confirmCounts(confirm.counts.reports, confirm.counts.annotations, confirm.counts.drafts)}</p>}
        </ModalDialog>
      )}
    </div>
  );
}
