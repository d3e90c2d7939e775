import { Fragment, useRef, useState } from 'react';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { CompareButton } from '../compare/CompareButton';
import { BundleButtons } from '../bundles/BundleButtons';

const ACCEPT = '.docx,.txt,.md,.markdown,.html,.htm,text/plain,text/html';

/** Reports with their versions; import a new report or a new version of one. */
export function LibraryView() {
  const reports = useLibrary((s) => s.reports);
  const importing = useLibrary((s) => s.importing);
  const current = useReader((s) => s.doc?.version.id);
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [repairsOf, setRepairsOf] = useState<string | null>(null);

  const open = async (versionId: string) => {
    await useReader.getState().open(versionId);
    useUi.getState().setView('reader');
  };
  const pick = (reportId?: string) => {
    setTarget(reportId);
    input.current?.click();
  };

  return (
    <div className="library">
      <header>
        <h2>{t.library.title}</h2>
        <button className="primary" onClick={() => pick(undefined)} disabled={importing !== null}>
          {importing !== null ? t.library.importing : t.menu.import}
        </button>
        <BundleButtons />
        {importing !== null ? (
          <span className="muted import-status" role="status">
            {t.library.importingFile(importing)}
          </span>
        ) : (
          <span className="muted">{t.library.importHint}</span>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="import-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const versionId = await useLibrary.getState().importFile(file, target);
            if (versionId) await open(versionId);
          }}
        />
      </header>
      {reports.length === 0 && <p className="muted">{t.library.empty}</p>}
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r.id} className="report-card" data-report-id={r.id}>
            <div className="report-head">
              <h3>{r.title}</h3>
              <span className="muted">
                {[r.region, r.year].filter(Boolean).join(' · ')}
              </span>
              <button onClick={() => pick(r.id)} disabled={importing !== null}>
                {t.library.addVersion}
              </button>
              <CompareButton report={r} />
            </div>
            <table className="versions">
              <tbody>
                {[...r.versions].reverse().map((v) => (
                  <Fragment key={v.id}>
                    <tr className={v.id === current ? 'current' : undefined}>
                      <td>{v.label}</td>
                      <td className="muted">{v.sourceName}</td>
                      <td className="muted">{t.library.blocks(v.meta.blockCount)}</td>
                      <td className="muted">{new Date(v.importedAt).toLocaleDateString('zh-CN')}</td>
                      <td>
                        {v.meta.repairs.length > 0 && (
                          <button className="link" aria-expanded={repairsOf === v.id} onClick={() => setRepairsOf(repairsOf === v.id ? null : v.id)}>
                            {t.library.repairsButton(v.meta.repairs.length)}
                          </button>
                        )}
                      </td>
                      <td>
                        <button onClick={() => void open(v.id)}>{t.library.open}</button>
                      </td>
                    </tr>
                    {repairsOf === v.id && (
                      <tr className="repairs-row">
                        <td colSpan={6}>
                          <p className="muted">{t.library.repairsIntro}</p>
                          <ol className="repairs">
                            {v.meta.repairs.map((rep, i) => (
                              <li key={i}>
                                {rep.line ? <span className="muted">{t.library.line(rep.line)} </span> : null}
                                {rep.message}
                                {rep.text && <q className="repair-text">{rep.text.length > 60 ? rep.text.slice(0, 60) + '…' : rep.text}</q>}
                              </li>
                            ))}
                          </ol>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </div>
  );
}
