import { useEffect, useMemo, useState } from 'react';
import type { Result } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { saveProducedFile } from '../../api/saveFile';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { VersionSelect } from '../../components/VersionSelect';
import { DelegationMarks } from './DelegationMarks';

type Summary = Result<'delegation.summary'>;

/** Heat: the share of the busiest cell, in steps the eye can tell apart. */
function heat(n: number, max: number): number {
  if (!n || !max) return 0;
  return Math.min(4, Math.ceil((n / max) * 4));
}

/**
 * 代表团汇总: the report's paragraphs as rows, one heat cell per member (annotations + drafts on
 * that paragraph), a click opens the reader there; and the merged 修改意见汇总表 export.
 */
export function DelegationView() {
  const reports = useLibrary((s) => s.reports);
  const current = useReader((s) => s.doc?.version.id);
  const versions = useMemo(() => reports.flatMap((r) => r.versions.map((v) => ({ id: v.id, label: `${r.title} · ${v.label}` }))), [reports]);
  // The version summed up is the one being read (the top bar's): choosing another here opens it,
  // so the header and this view never name two different versions.
  const versionId = current ?? versions.at(-1)?.id ?? null;
  const setVersionId = (id: string) => void useReader.getState().open(id);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [onlyMarked, setOnlyMarked] = useState(true);
  const [busy, setBusy] = useState(false);
  // counts: the heat map; marks: what the marks say, on every version of the report
  const [view, setView] = useState<'counts' | 'marks'>('counts');

  useEffect(() => {
    if (!versionId) return;
    setSummary(null);
    api['delegation.summary']({ versionId })
      .then(setSummary)
      .catch((e) => useUi.getState().toast('error', errorMessage(e)));
  }, [versionId]);

  const max = useMemo(() => Math.max(0, ...(summary?.blocks ?? []).flatMap((b) => Object.values(b.byAuthor).map((c) => c.annotations + c.drafts))), [summary]);
  const rows = (summary?.blocks ?? []).filter((b) => !onlyMarked || b.total > 0);
  const totals = summary?.authors.reduce((n, a) => ({ a: n.a + a.annotations, d: n.d + a.drafts }), { a: 0, d: 0 }) ?? { a: 0, d: 0 };
  // Unsigned marks are nobody in particular: a column of their own, never counted as a member.
  const named = summary?.authors.filter((a) => a.name.trim()) ?? [];
  const unsigned = summary?.authors.find((a) => !a.name.trim());

  const openAt = async (blockId: string) => {
    if (!versionId) return;
    if (useReader.getState().doc?.version.id !== versionId && !(await useReader.getState().open(versionId))) return;
    useUi.getState().setView('reader');
    useReader.getState().scrollTo(blockId);
  };

  // A mark may be on another version of the report than the one summed up: open that one.
  const openMark = async (markVersionId: string, blockId: string) => {
    if (useReader.getState().doc?.version.id !== markVersionId && !(await useReader.getState().open(markVersionId))) return;
    useUi.getState().setView('reader');
    useReader.getState().scrollTo(blockId);
  };

  const exportTable = async (format: 'docx' | 'csv') => {
    if (!versionId) return;
    setBusy(true);
    try {
      const saved = await saveProducedFile((destination) => api['delegation.exportAmendments']({ versionId, format, destination }), {
        name: format === 'docx' ? 'Word 文档' : 'CSV 表格',
        extensions: [format],
      });
      if (saved) useUi.getState().toast('info', t.delegation.exported(saved.path ?? saved.fileName));
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const name = (n: string) => n || t.delegation.unnamed;

  return (
    <div className="delegation">
      <header>
        <h2>{t.delegation.title}</h2>
        {versions.length > 0 && (
          <label className="inline">
            {t.delegation.version}
            <VersionSelect versions={versions} value={versionId ?? ''} onChange={setVersionId} />
          </label>
        )}
        <span className="spacer" />
        <button onClick={() => void exportTable('docx')} disabled={busy || !summary?.authors.length}>
          {t.delegation.exportDocx}
        </button>
        <button onClick={() => void exportTable('csv')} disabled={busy || !summary?.authors.length}>
          {t.delegation.exportCsv}
        </button>
      </header>
      <p className="muted">{t.delegation.hint}</p>
      {!versions.length && <p className="muted">{t.delegation.noReport}</p>}
      {versionId && (
        <div className="segmented delegation-view-switch" role="group" aria-label={t.delegation.view}>
          {(['counts', 'marks'] as const).map((v) => (
            <button key={v} aria-pressed={view === v} className={view === v ? 'on' : undefined} onClick={() => setView(v)}>
              {v === 'counts' ? t.delegation.viewCounts : t.delegation.viewMarks}
            </button>
          ))}
        </div>
      )}
      {view === 'marks' && versionId && <DelegationMarks versionId={versionId} onOpen={(v, b) => void openMark(v, b)} />}
      {view === 'counts' && versionId && !summary && <p className="muted">{t.delegation.loading}</p>}
      {view === 'counts' && summary && summary.authors.length === 0 && <p className="muted">{t.delegation.empty}</p>}
      {view === 'counts' && summary && summary.authors.length > 0 && (
        <>
          <div className="delegation-bar">
            <strong>{t.delegation.members(named.length, totals.a, totals.d)}</strong>
            {unsigned && <span className="muted small unsigned-note">{t.authorship.unsignedColumn(unsigned.annotations, unsigned.drafts)}</span>}
            <label className="inline">
              <input type="checkbox" checked={onlyMarked} onChange={(e) => setOnlyMarked(e.target.checked)} />
              {t.delegation.onlyMarked}
            </label>
            <span className="muted small">{t.delegation.legend}</span>
            <span className="heat-legend" aria-hidden>
              少{' '}
              {[1, 2, 3, 4].map((h) => (
                <i key={h} className={`heat heat-${h}`} />
              ))}{' '}
              多
            </span>
          </div>
          <div className="heat-scroll">
            <table className="heat-table">
              <thead>
                <tr>
                  <th className="para-col">{t.delegation.paragraph}</th>
                  {summary.authors.map((a) => (
                    <th key={a.name} className="author-col" title={t.delegation.cell(a.annotations, a.drafts)}>
                      <span className="author-name">{name(a.name)}</span>
                      <span className="muted small">
                        {a.annotations}
                        {a.drafts > 0 && ` · ✎${a.drafts}`}
                      </span>
                    </th>
                  ))}
                  <th className="num">{t.delegation.total}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr
                    key={b.blockId}
                    data-block={b.blockId}
                    className={`kind-${b.kind}`}
                    onClick={() => void openAt(b.blockId)}
                    tabIndex={0}
                    onKeyDown={(e) => e.key === 'Enter' && void openAt(b.blockId)}
                  >
                    <td className="para-col">
                      <span className="para-path">{b.path}</span>
                      <span className="para-text">{b.excerpt}</span>
                    </td>
                    {summary.authors.map((a) => {
                      const c = b.byAuthor[a.name];
                      const n = c ? c.annotations + c.drafts : 0;
                      return (
                        <td
                          key={a.name}
                          className={`heat heat-${heat(n, max)}`}
                          title={c ? `${name(a.name)}：${t.delegation.cell(c.annotations, c.drafts)}` : undefined}
                        >
                          {n > 0 && (
                            <>
                              {c.annotations > 0 && <span>{c.annotations}</span>}
                              {c.drafts > 0 && <span className="draft-mark">✎{c.drafts}</span>}
                            </>
                          )}
                        </td>
                      );
                    })}
                    <td className="num strong">{b.total || ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
