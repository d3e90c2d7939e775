import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import type { Report, Result } from '../../../electron/api/contract';
import { SOURCE_EXTENSIONS } from '../../../electron/core/common/vocabulary';
import { api, errorMessage } from '../../api/client';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { CompareButton } from '../compare/CompareButton';
import { BundleButtons } from '../bundles/BundleButtons';
import { Rename } from './Rename';
import { VersionHistory } from './VersionHistory';

const ACCEPT = [
  ...Object.values(SOURCE_EXTENSIONS)
    .flat()
    .map((ext) => `.${ext}`),
  'text/plain',
  'text/html',
  'application/pdf',
].join(',');
const f = t.versionFlow;

type TrashEntry = Result<'trash.list'>[number];

function fail(e: unknown) {
  useUi.getState().toast('error', errorMessage(e));
}

/** After the open report or version went to the trash: read the newest version left, else nothing. */
async function leaveDeleted(reportId: string, versionId?: string) {
  const doc = useReader.getState().doc;
  if (!doc || doc.report.id !== reportId || (versionId && doc.version.id !== versionId)) return;
  const reports = useLibrary.getState().reports;
  const next = reports.find((r) => r.id === reportId)?.versions.at(-1) ?? reports[0]?.versions.at(-1);
  if (next) await useReader.getState().open(next.id);
  else useReader.setState({ doc: null });
}

/** Reports with their versions; import a new report or a new version of one; rename, delete, restore. */
export function LibraryView() {
  const reports = useLibrary((s) => s.reports);
  const importing = useLibrary((s) => s.importing);
  const current = useReader((s) => s.doc?.version.id);
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [repairsOf, setRepairsOf] = useState<string | null>(null);
  const [repairBusy, setRepairBusy] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [trash, setTrash] = useState<TrashEntry[]>([]);

  const loadTrash = useCallback(() => {
    api['trash.list']({}).then(setTrash, fail);
  }, []);
  useEffect(loadTrash, [loadTrash]);

  const open = async (versionId: string) => {
    if (await useReader.getState().open(versionId)) useUi.getState().setView('reader');
  };
  const importPicked = async (file: File) => {
    const versionId = await useLibrary.getState().importFile(file, target);
    if (versionId) await open(versionId);
  };
  const pick = (reportId?: string) => {
    setTarget(reportId);
    input.current?.click();
  };

  const restore = async (entry: Pick<TrashEntry, 'kind' | 'id' | 'title' | 'label'>) => {
    try {
      if (entry.kind === 'report') await api['reports.restore']({ reportId: entry.id });
      else await api['versions.restore']({ versionId: entry.id });
      await useLibrary.getState().load();
      loadTrash();
      useUi.getState().toast('info', entry.kind === 'report' ? f.restoredReport(entry.title) : f.restoredVersion(entry.label));
    } catch (e) {
      fail(e);
    }
  };

  const deleteReport = async (r: Report) => {
    try {
      await api['reports.delete']({ reportId: r.id });
      await useLibrary.getState().load();
      loadTrash();
      await leaveDeleted(r.id);
      useUi
        .getState()
        .toast('info', f.deletedReport(r.title), { label: t.undo, run: () => void restore({ kind: 'report', id: r.id, title: r.title, label: '' }) });
    } catch (e) {
      fail(e);
    }
  };

  const deleteVersion = async (r: Report, versionId: string, label: string) => {
    try {
      await api['versions.delete']({ versionId });
      await useLibrary.getState().load();
      loadTrash();
      await leaveDeleted(r.id, versionId);
      if (historyOf === versionId) setHistoryOf(null);
      useUi
        .getState()
        .toast('info', f.deletedVersion(label), { label: t.undo, run: () => void restore({ kind: 'version', id: versionId, title: r.title, label }) });
    } catch (e) {
      fail(e);
    }
  };

  /**
   * 撤销 / 恢复 one repair: the version is parsed again and comes back under a new id (its marks
   * carried onto it), so whatever pointed at the old id — the open reader, this list — follows.
   */
  const setRepair = async (versionId: string, key: string, made: boolean) => {
    setRepairBusy(versionId);
    try {
      const res = await api['versions.setRepair']({ versionId, key, made });
      const next = res.version.id;
      await useLibrary.getState().load(); // the replaced version is retired, not put in the 回收站
      setRepairsOf((v) => (v === versionId ? next : v));
      setHistoryOf((v) => (v === versionId ? next : v));
      const reader = useReader.getState();
      if (reader.doc?.version.id === versionId) {
        const place = reader.places[versionId];
        if (place) reader.setPlace(next, place); // paragraph ids follow the text: the place holds
        await reader.open(next);
      }
      const moved = Object.values(res.counts).reduce((a, b) => a + b, 0);
      useUi.getState().toast('info', made ? t.library.repairRedone(moved) : t.library.repairUndone(moved));
    } catch (e) {
      fail(e);
    } finally {
      setRepairBusy(null);
    }
  };

  const renameReport = async (reportId: string, title: string) => {
    try {
      await api['reports.rename']({ reportId, title });
      await useLibrary.getState().load();
      loadTrash(); // a deleted version is listed under its report's title
    } catch (e) {
      fail(e);
    }
  };
  const renameVersion = async (versionId: string, label: string) => {
    try {
      await api['versions.rename']({ versionId, label });
      await useLibrary.getState().load();
    } catch (e) {
      fail(e);
    }
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
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void importPicked(file);
          }}
        />
      </header>
      {reports.length === 0 && <p className="muted">{t.library.empty}</p>}
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r.id} className="report-card" data-report-id={r.id}>
            <div className="report-head">
              <Rename value={r.title} field={f.titleField} buttonLabel={f.renameReport} onSave={(title) => renameReport(r.id, title)}>
                <h3>{r.title}</h3>
              </Rename>
              <span className="muted">{[r.region, r.year].filter(Boolean).join(' · ')}</span>
              <button onClick={() => pick(r.id)} disabled={importing !== null}>
                {t.library.addVersion}
              </button>
              <CompareButton report={r} />
              <button className="danger vf-delete-report" onClick={() => void deleteReport(r)}>
                {f.deleteReport}
              </button>
            </div>
            <table className="versions">
              <tbody>
                {[...r.versions].reverse().map((v) => (
                  <Fragment key={v.id}>
                    <tr className={v.id === current ? 'current' : undefined} data-version-id={v.id}>
                      <td className="vf-label-cell">
                        <Rename value={v.label} field={t.library.versionLabel} buttonLabel={f.renameVersion} onSave={(label) => renameVersion(v.id, label)}>
                          <span className="version-name">{v.label}</span>
                        </Rename>
                      </td>
                      <td className="muted">{v.sourceName}</td>
                      <td className="muted">{t.library.blocks(v.meta.blockCount)}</td>
                      <td className="muted">{new Date(v.importedAt).toLocaleDateString('zh-CN')}</td>
                      <td>
                        {v.meta.repairs.length > 0 && (
                          <button className="link" aria-expanded={repairsOf === v.id} onClick={() => setRepairsOf(repairsOf === v.id ? null : v.id)}>
                            {t.library.repairsButton(v.meta.repairs.filter((x) => !x.declined).length, v.meta.repairs.filter((x) => x.declined).length)}
                          </button>
                        )}
                      </td>
                      <td className="vf-actions">
                        <button
                          className="link vf-history-button"
                          aria-expanded={historyOf === v.id}
                          onClick={() => setHistoryOf(historyOf === v.id ? null : v.id)}
                        >
                          {f.history}
                        </button>
                        <button onClick={() => void open(v.id)}>{t.library.open}</button>
                        <button
                          className="danger"
                          disabled={r.versions.length < 2}
                          title={r.versions.length < 2 ? f.lastVersionTitle : undefined}
                          onClick={() => void deleteVersion(r, v.id, v.label)}
                        >
                          {f.deleteVersion}
                        </button>
                      </td>
                    </tr>
                    {repairsOf === v.id && (
                      <tr className="repairs-row">
                        <td colSpan={6}>
                          <p className="muted">{t.library.repairsIntro}</p>
                          <ol className="repairs" aria-busy={repairBusy === v.id}>
                            {v.meta.repairs.map((rep, i) => (
                              <li key={i} className={rep.declined ? 'repair-declined' : undefined} data-repair-key={rep.key}>
                                {rep.line ? <span className="muted">{t.library.line(rep.line)} </span> : null}
                                <span className="repair-message">{rep.message}</span>
                                {rep.text && <q className="repair-text">{rep.text.length > 60 ? rep.text.slice(0, 60) + '…' : rep.text}</q>}
                                {rep.declined && <span className="badge">{t.library.repairDeclined}</span>}
                                {rep.key && (
                                  <button
                                    className="link repair-toggle"
                                    disabled={repairBusy !== null}
                                    title={rep.declined ? t.library.repairRedoTitle : t.library.repairUndoTitle}
                                    onClick={() => void setRepair(v.id, rep.key!, !!rep.declined)}
                                  >
                                    {rep.declined ? t.library.repairRedo : t.library.repairUndo}
                                  </button>
                                )}
                              </li>
                            ))}
                          </ol>
                          {repairBusy === v.id && <p className="muted">{t.library.repairWorking}</p>}
                        </td>
                      </tr>
                    )}
                    {historyOf === v.id && (
                      <tr className="vf-history-row">
                        <td colSpan={6}>
                          <VersionHistory versionId={v.id} label={v.label} />
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
      {trash.length > 0 && (
        <section className="vf-trash" aria-label={f.trash}>
          <h3>{f.trash}</h3>
          <p className="muted">{f.trashHint}</p>
          <ul>
            {trash.map((e) => (
              <li key={e.id} className="vf-trash-item" data-trash-id={e.id}>
                <span>{e.kind === 'report' ? f.trashReport(e.title, e.versions) : f.trashVersion(e.title, e.label)}</span>
                <span className="muted">{f.deletedOn(new Date(e.deletedAt).toLocaleString('zh-CN'))}</span>
                <button onClick={() => void restore(e)}>{f.restore}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
