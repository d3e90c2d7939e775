import type { Result } from '../../../electron/api/contract';
import { ModalDialog } from '../../components/ModalDialog';
import { t } from '../../i18n/zh-CN';
import { localTime } from '../../i18n/localTime';

type ImportResult = Result<'bundles.import'>;

/** What an import did: counts per kind, and every conflict where the local copy was kept. */
export function ImportSummary({ result, failure, onClose }: { result: ImportResult | null; failure: string | null; onClose: () => void }) {
  const actions = (
    <button className="primary" onClick={onClose}>
      {t.close}
    </button>
  );
  if (!result) {
    return (
      <ModalDialog title={t.bundles.failedTitle} onClose={onClose} actions={actions} testId="bundle-failed">
        <p className="error bundle-error">{failure}</p>
      </ModalDialog>
    );
  }
  const rows = [
    [t.bundles.annotations, result.annotations],
    [t.bundles.drafts, result.drafts],
  ] as const;
  const anything = result.reports.added + result.versions.added + rows.reduce((n, [, c]) => n + c.added + c.updated + c.deleted, 0);
  return (
    <ModalDialog title={t.bundles.resultTitle} onClose={onClose} actions={actions} wide testId="bundle-summary">
      <p className="muted">{t.bundles.from(result.bundleAuthor, localTime(result.bundleCreatedAt))}</p>
      {anything === 0 && result.conflicts.length === 0 && <p className="nothing-new">{t.bundles.nothingNew}</p>}
      <table className="data-table import-counts">
        <thead>
          <tr>
            <th>{t.bundles.kind}</th>
            <th className="num">{t.bundles.added}</th>
            <th className="num">{t.bundles.updated}</th>
            <th className="num">{t.bundles.deleted}</th>
            <th className="num">{t.bundles.unchanged}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, c]) => (
            <tr key={label} data-kind={label}>
              <td>{label}</td>
              <td className="num strong">{c.added}</td>
              <td className="num">{c.updated}</td>
              <td className="num">{c.deleted}</td>
              <td className="num muted">{c.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t.bundles.reportsLine(result.reports.added, result.versions.added)}</p>
      {result.conflicts.length > 0 && (
        <>
          <h4 className="conflict-title">{t.bundles.conflicts(result.conflicts.length)}</h4>
          <ul className="conflicts">
            {result.conflicts.map((c) => (
              <li key={`${c.kind}-${c.id}`}>
                <span className="pill">{t.bundles.conflictKinds[c.kind]}</span> “{c.label}”{c.author && <span className="muted"> · {c.author}</span>}
                <div className="muted small">
                  {c.reason}
                  {c.localUpdatedAt && ` ${t.bundles.localTime}：${localTime(c.localUpdatedAt)}`}
                  {c.incomingUpdatedAt && ` · ${t.bundles.incomingTime}：${localTime(c.incomingUpdatedAt)}`}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </ModalDialog>
  );
}
