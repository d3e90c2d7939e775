import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { useUi } from '../../store/ui';
import { ModalDialog } from '../../components/ModalDialog';
import { localTime } from '../../i18n/localTime';
import { t } from '../../i18n/zh-CN';
import { reloadAfterRestore, takeRestoreNotice } from './restore';

type Recovery = NonNullable<AppInfo['recovery']>;

/**
 * Shown when the data file was damaged at start: the app is running on empty data, and the user
 * must choose — restore the newest backup, or continue with empty data. Never dismissed silently.
 */
export function RecoveryPrompt() {
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const notice = takeRestoreNotice();
    if (notice) useUi.getState().toast('info', notice);
    void api['app.info']({})
      .then((i) => setRecovery(i.recovery ?? null))
      .catch(() => {});
  }, []);
  if (!recovery) return null;
  const newest = recovery.newestBackup;

  const run = async (action: () => Promise<unknown>, notice: string) => {
    setBusy(true);
    try {
      await action();
      reloadAfterRestore(notice);
    } catch (e) {
      setBusy(false);
      useUi.getState().toast('error', errorMessage(e));
    }
  };

  return (
    <ModalDialog
      title={t.backups.recoveryTitle}
      testId="recovery-prompt"
      actions={
        <>
          <button onClick={() => void run(() => api['recovery.dismiss']({}), t.backups.continuedBlank)} disabled={busy}>
            {t.backups.recoveryBlank}
          </button>
          {newest && (
            <button
              className="primary"
              onClick={() => void run(() => api['backups.restore']({ name: newest.name }), t.backups.restored(localTime(newest.time)))}
              disabled={busy}
            >
              {busy ? t.backups.restoring : t.backups.recoveryRestore}
            </button>
          )}
        </>
      }
    >
      {/* what happened (damaged, empty, missing, missing writes), where the file went, what can be restored: worded by the back end */}
      <p className="recovery-moved">{recovery.message}</p>
      {newest?.counts && <p className="muted">{t.backups.confirmCounts(newest.counts.reports, newest.counts.annotations, newest.counts.drafts)}</p>}
      <p className="muted small">{t.backups.recoveryBlankHint}</p>
    </ModalDialog>
  );
}
