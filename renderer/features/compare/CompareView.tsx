import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AdoptionRow, CompareResult, CompareRow, OrphanMark, VersionInfo, VersionMarks } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { useRevisions } from '../../store/revisions';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { navigable, rowParagraphs, step, visibleItems, type Piece, type Side } from './diffParts';
import { OrphanList } from './OrphanList';
import { VersionSelect } from '../../components/VersionSelect';

type Mode = 'side' | 'inline';

function isEditing(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  return !!e && (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.isContentEditable);
}

/** Default pair: the version being read against the one before it (or after it, for the first). */
function defaultPair(versions: VersionInfo[], currentId: string | undefined): [string, string] | null {
  if (versions.length < 2) return null;
  const sorted = [...versions].sort((a, b) => a.ord - b.ord);
  const i = Math.max(0, sorted.findIndex((v) => v.id === currentId));
  return i === 0 ? [sorted[0].id, sorted[1].id] : [sorted[i - 1].id, sorted[i].id];
}

function Pieces({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} className="d-ins">
            {p.text}
          </ins>
        ) : p.op === 'delete' ? (
          <del key={i} className="d-del">
            {p.text}
          </del>
        ) : p.op === 'format' ? (
          <span key={i} className="d-fmt" title={t.compare.formatTitle(p.other ?? '', p.text)}>
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function Paragraphs({ row, side }: { row: CompareRow; side: Side }) {
  const paras = rowParagraphs(row, side);
  const empty = side === 'old' ? row.oldIds.length === 0 : side === 'new' ? row.newIds.length === 0 : false;
  if (empty) return <p className="cmp-empty muted">{side === 'old' ? t.compare.insertedPara : t.compare.deletedPara}</p>;
  return (
    <>
      {paras.map((pieces, i) => (
        <p key={i} className={row.heading ? 'cmp-heading' : undefined}>
          <Pieces pieces={pieces} />
        </p>
      ))}
    </>
  );
}

function RowMeta({ row, hints }: { row: CompareRow; hints: AdoptionRow[] }) {
  const marks = row.marks.annotations + row.marks.drafts;
  const kind = row.formatOnly && row.kind !== 'moved' ? 'format' : row.kind;
  return (
    <div className="cmp-meta">
      <span className={`cmp-kind k-${kind}`}>{t.compare.kinds[kind]}</span>
      {row.moved && row.kind !== 'moved' && <span className="cmp-kind k-moved">{t.compare.kinds.moved}</span>}
      <span className="cmp-path">{row.newPath || row.oldPath}</span>
      {row.moved && row.oldPath && <span className="cmp-note">{t.compare.movedFrom(row.oldPath)}</span>}
      {row.kind === 'split' && <span className="cmp-note">{t.compare.splitInto(row.newIds.length)}</span>}
      {row.kind === 'joined' && <span className="cmp-note">{t.compare.joinedFrom(row.oldIds.length)}</span>}
      {marks > 0 && <span className="cmp-marks">{t.compare.marks(row.marks.annotations, row.marks.drafts)}</span>}
      {hints.map((h) => (
        <span key={h.draftId} className={`cmp-hint hint-${h.adopted}`} title={`${h.wording}\n${h.reason}`}>
          {t.compare.adoption[h.adopted]}
        </span>
      ))}
    </div>
  );
}

/** 版本对照: two versions of the open report, paragraph by paragraph. */
export function CompareView() {
  const doc = useReader((s) => s.doc);
  const reports = useLibrary((s) => s.reports);
  const reportId = doc?.report.id;
  const versions = useMemo(() => reports.find((r) => r.id === reportId)?.versions ?? [], [reports, reportId]);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [mode, setMode] = useState<Mode>('side');
  const [onlyMarked, setOnlyMarked] = useState(false);
  const [showFormat, setShowFormat] = useState(true);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [data, setData] = useState<CompareResult | null>(null);
  const [hints, setHints] = useState<AdoptionRow[]>([]);
  const [orphans, setOrphans] = useState<OrphanMark[]>([]);
  const [marks, setMarks] = useState<VersionMarks[]>([]);
  const [loading, setLoading] = useState(false);
  const [current, setCurrent] = useState(-1);
  const scroller = useRef<HTMLDivElement>(null);

  // Pick a pair when the report changes (or the chosen versions no longer exist).
  useEffect(() => {
    const ids = new Set(versions.map((v) => v.id));
    if (!pair || !ids.has(pair[0]) || !ids.has(pair[1])) setPair(defaultPair(versions, doc?.version.id));
  }, [versions, doc?.version.id, pair]);

  const load = useCallback(async (p: [string, string]) => {
    setLoading(true);
    try {
      const [c, a, o, m] = await Promise.all([
        api['versions.compare']({ oldVersionId: p[0], newVersionId: p[1] }),
        api['versions.adoption']({ fromVersionId: p[0], toVersionId: p[1] }),
        api['versions.orphans']({ versionId: p[1] }),
        api['versions.marks']({ versionId: p[1] }),
      ]);
      setData(c);
      setHints(a);
      setOrphans(o);
      setMarks(m);
    } catch (e) {
      setData(null);
      useUi.getState().toast('error', errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setCurrent(-1);
    setExpanded(new Set());
    if (pair) void load(pair);
  }, [pair, load]);

  const rows = useMemo(() => data?.rows ?? [], [data]);
  const { hintsByRow, rowOfHint } = useMemo(() => {
    const byRow = new Map<number, AdoptionRow[]>();
    const rowOf = new Map<string, number>();
    for (const h of hints) {
      const i = rows.findIndex((r) => (h.oldBlockId !== null && r.oldIds.includes(h.oldBlockId)) || h.newBlockIds.some((id) => r.newIds.includes(id)));
      if (i < 0) continue;
      byRow.set(i, [...(byRow.get(i) ?? []), h]);
      rowOf.set(h.draftId, i);
    }
    return { hintsByRow: byRow, rowOfHint: rowOf };
  }, [hints, rows]);
  const pinned = useMemo(() => new Set(hintsByRow.keys()), [hintsByRow]);
  const items = useMemo(() => visibleItems(rows, { onlyMarked, showFormat, expanded, pinned }), [rows, onlyMarked, showFormat, expanded, pinned]);
  const nav = useMemo(() => navigable(rows, items), [rows, items]);

  const go = useCallback(
    (delta: 1 | -1) => {
      const next = step(nav, current, delta);
      if (next === null) return;
      setCurrent(next);
      scroller.current?.querySelector(`[data-change="${next}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [nav, current],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'N') go(1);
      else if (e.key === 'p' || e.key === 'P') go(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (!doc) return <div className="compare compare-empty">{t.compare.noReport}</div>;
  if (versions.length < 2 || !pair)
    return (
      <div className="compare compare-empty">
        <p>{t.compare.oneVersion}</p>
        <button className="primary" onClick={() => useUi.getState().setView('library')}>
          {t.compare.toLibrary}
        </button>
      </div>
    );

  const label = (id: string) => versions.find((v) => v.id === id)?.label ?? '';
  const pendingOld = marks.find((m) => m.versionId === pair[0]);
  const pendingCount = (pendingOld?.annotations ?? 0) + (pendingOld?.drafts ?? 0);
  const position = current >= 0 ? nav.indexOf(current) + 1 : 0;

  const carryHere = async () => {
    try {
      await api['versions.carry']({ fromVersionId: pair[0], toVersionId: pair[1] });
      const open = useReader.getState().doc?.version.id;
      if (open) await Promise.all([useRevisions.getState().refresh(open), useRevisions.getState().reloadMarks(open)]);
      await load(pair);
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    }
  };

  const relocate = async (o: OrphanMark) => {
    if (useReader.getState().doc?.version.id !== pair[1]) await useReader.getState().open(pair[1]);
    useRevisions.getState().startReattach(o);
  };

  const versionSelect = (which: 0 | 1) => (
    <label className="cmp-version">
      <span className="muted">{which === 0 ? t.compare.oldVersion : t.compare.newVersion}</span>
      <VersionSelect
        versions={versions}
        value={pair[which]}
        onChange={(id) => {
          const next: [string, string] = which === 0 ? [id, pair[1]] : [pair[0], id];
          if (next[0] === next[1]) next[which === 0 ? 1 : 0] = pair[which];
          setPair(next);
        }}
      />
    </label>
  );

  return (
    <div className="compare">
      <header className="compare-bar">
        <h2>{t.compare.title}</h2>
        {versionSelect(0)}
        <button className="cmp-swap" title={t.compare.swapTitle} aria-label={t.compare.swapTitle} onClick={() => setPair([pair[1], pair[0]])}>
          {t.compare.swap}
        </button>
        {versionSelect(1)}
        <div className="segmented" role="radiogroup" aria-label={t.compare.mode}>
          {(['side', 'inline'] as const).map((m) => (
            <button key={m} role="radio" aria-checked={mode === m} className={mode === m ? 'on' : undefined} onClick={() => setMode(m)}>
              {m === 'side' ? t.compare.sideBySide : t.compare.inline}
            </button>
          ))}
        </div>
        <span className="cmp-count">
          <strong>{data ? t.compare.total(data.changes) : ''}</strong>
          {data && data.formatOnly > 0 && <span className="muted"> · {t.compare.formatOnly(data.formatOnly)}</span>}
        </span>
        <span className="cmp-nav">
          <button onClick={() => go(-1)} disabled={step(nav, current, -1) === null} title={t.compare.keysHint}>
            {t.compare.prev}
          </button>
          <span className="muted cmp-pos">{nav.length ? `${position || '–'}/${nav.length}` : ''}</span>
          <button onClick={() => go(1)} disabled={step(nav, current, 1) === null} title={t.compare.keysHint}>
            {t.compare.next}
          </button>
        </span>
        <label className="cmp-check">
          <input type="checkbox" checked={onlyMarked} onChange={(e) => setOnlyMarked(e.target.checked)} />
          {t.compare.onlyMarked}
        </label>
        <label className="cmp-check">
          <input type="checkbox" checked={showFormat} onChange={(e) => setShowFormat(e.target.checked)} />
          {t.compare.showFormat}
        </label>
      </header>
      <div className="compare-body">
        <div className={`compare-main mode-${mode}`} ref={scroller}>
          <div className="cmp-legend muted">
            <ins className="d-ins">{t.compare.legend.insert}</ins>
            <del className="d-del">{t.compare.legend.delete}</del>
            <span className="d-fmt">{t.compare.legend.format}</span>
            <span className="cmp-keys">{t.compare.keysHint}</span>
          </div>
          {mode === 'side' && (
            <div className="cmp-cols cmp-colhead">
              <div>
                {t.compare.oldVersion}：{label(pair[0])}
              </div>
              <div>
                {t.compare.newVersion}：{label(pair[1])}
              </div>
            </div>
          )}
          {loading && !data && <p className="muted cmp-loading">{t.compare.loading}</p>}
          {data && data.changes + data.formatOnly === 0 && <p className="muted cmp-loading">{t.compare.noChanges}</p>}
          {data && onlyMarked && items.length === 0 && <p className="muted cmp-loading">{t.compare.noneMarked}</p>}
          {items.map((it) => {
            if (it.type === 'fold')
              return (
                <button key={`f${it.start}`} className="cmp-fold" onClick={() => setExpanded(new Set([...expanded, it.start]))}>
                  ⋯ {t.compare.unchanged(it.count)} · {t.compare.expand}
                </button>
              );
            const row = rows[it.index];
            const same = row.kind === 'same';
            return (
              <section
                key={it.index}
                data-row={it.index}
                className={`cmp-row${same ? ' same' : ''}${row.formatOnly ? ' format-only' : ''}${row.change !== null && row.change === current ? ' current' : ''}`}
                data-kind={row.formatOnly ? 'format' : row.kind}
                data-change={row.change ?? undefined}
                onClick={() => row.change !== null && setCurrent(row.change)}
              >
                {!same && <RowMeta row={row} hints={hintsByRow.get(it.index) ?? []} />}
                {same && (row.marks.annotations + row.marks.drafts > 0 || hintsByRow.has(it.index)) && <RowMeta row={row} hints={hintsByRow.get(it.index) ?? []} />}
                {mode === 'side' ? (
                  <div className="cmp-cols">
                    <div className="cmp-old">
                      <Paragraphs row={row} side="old" />
                    </div>
                    <div className="cmp-new">
                      <Paragraphs row={row} side="new" />
                    </div>
                  </div>
                ) : (
                  <div className="cmp-inline">
                    <Paragraphs row={row} side="inline" />
                  </div>
                )}
              </section>
            );
          })}
        </div>
        <aside className="compare-side">
          {pendingCount > 0 && (
            <section className="cmp-panel">
              <button className="primary" onClick={() => void carryHere()}>
                {t.compare.carryHere(pendingCount)}
              </button>
            </section>
          )}
          <section className="cmp-panel">
            <h3>{t.revisions.orphansTitle}</h3>
            <OrphanList orphans={orphans} onRelocate={(o) => void relocate(o)} />
          </section>
          <section className="cmp-panel">
            <h3>{t.compare.adoptionTitle}</h3>
            <p className="muted small">{t.compare.adoptionNote}</p>
            {hints.length === 0 && <p className="muted">{t.compare.adoptionEmpty}</p>}
            <ul className="hint-list">
              {hints.map((h) => (
                <li
                  key={h.draftId}
                  className="card hint-card"
                  onClick={() => scroller.current?.querySelector(`[data-row="${rowOfHint.get(h.draftId)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })}
                >
                  <div className={`cmp-hint hint-${h.adopted}`}>{t.compare.adoption[h.adopted]}</div>
                  <div className="hint-wording">{h.wording}</div>
                  <div className="muted small">{h.reason}</div>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
