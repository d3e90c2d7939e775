import { memo, useMemo, useState } from 'react';
import type { LedgerRow, ReaderVersion } from '../../../electron/api/contract';
import { LEDGER_KIND_LABELS, LEDGER_TYPE_LABELS } from '../../../electron/core/common/labels';
import { LEDGER_FLAGS, LEDGER_TYPES, type LedgerFlag } from '../../../electron/core/common/vocabulary';
import { t } from '../../i18n/zh-CN';
import { jumpTo } from './indicatorData';
import { exportLedger, useLedger } from './ledgerData';
import { filterLedger, groupLedger, NO_FILTERS, unitsOf, type FlagFilter, type LedgerFilters } from './ledgerModel';

interface RowActions {
  setFlag(key: string, flag: LedgerFlag | null): void;
  setNote(key: string, note: string): void;
  flushNote(key: string): void;
}

/** One entry; memoised so typing a note re-renders only its own row among hundreds. */
const LedgerEntryRow = memo(function LedgerEntryRow({ r, actions }: { r: LedgerRow; actions: RowActions }) {
  return (
    <tr data-ledger={r.id} className={r.flag ? `ledger-flag-${r.flag === '关注' ? 'watch' : 'doubt'}` : undefined}>
      <td className="metric" title={r.text}>
        {r.metric}
      </td>
      <td className="num">
        {r.value}
        <span className="ledger-unit">{r.unit}</span>
      </td>
      <td>{r.qualifier ?? ''}</td>
      <td>
        <span className={`kind-badge kind-${r.kind}`}>{LEDGER_KIND_LABELS[r.kind]}</span>
      </td>
      <td className="ledger-type">{LEDGER_TYPE_LABELS[r.type]}</td>
      <td className="ledger-flags">
        {LEDGER_FLAGS.map((f) => (
          <button
            key={f}
            className={`ledger-flag${r.flag === f ? ' on' : ''}`}
            aria-pressed={r.flag === f}
            title={t.ledger.flagHint(f)}
            onClick={() => actions.setFlag(r.id, r.flag === f ? null : f)}
          >
            {f}
          </button>
        ))}
      </td>
      <td className="ledger-note">
        <input
          type="text"
          value={r.note}
          maxLength={2000}
          placeholder={t.ledger.notePlaceholder}
          aria-label={t.ledger.noteLabel(r.metric)}
          onChange={(e) => actions.setNote(r.id, e.target.value)}
          onBlur={() => actions.flushNote(r.id)}
        />
      </td>
      <td>
        <button className="link ledger-show" title={t.ledger.showHint} onClick={() => jumpTo(r.blockId)}>
          {t.ledger.show}
        </button>
      </td>
    </tr>
  );
});

/** 承诺台账: every quantified statement of the open version, grouped by part and section. */
export function LedgerView({ doc }: { doc: ReaderVersion }) {
  const { rows, error, loading, setFlag, setNote, flushNote } = useLedger(doc.version.id);
  const [filters, setFilters] = useState<LedgerFilters>(NO_FILTERS);
  const actions = useMemo(() => ({ setFlag, setNote, flushNote }), [setFlag, setNote, flushNote]);
  const units = useMemo(() => unitsOf(rows ?? []), [rows]);
  const shown = useMemo(() => filterLedger(rows ?? [], filters), [rows, filters]);
  const groups = useMemo(() => groupLedger(shown, doc.blocks), [shown, doc.blocks]);
  const set = (change: Partial<LedgerFilters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <section className="card ledger-view" aria-label={t.ledger.title}>
      <div className="ledger-head">
        <p className="muted">{t.ledger.hint}</p>
        <div className="ledger-exports">
          <button className="primary" disabled={!rows?.length} onClick={() => void exportLedger('xlsx', doc.report.id, doc.version.id)}>
            {t.ledger.exportXlsx}
          </button>
          <button disabled={!rows?.length} onClick={() => void exportLedger('csv', doc.report.id, doc.version.id)}>
            {t.ledger.exportCsv}
          </button>
        </div>
      </div>
      {error && <p className="error">{error}</p>}
      {loading && <p className="muted">{t.ledger.loading}</p>}
      {rows && rows.length === 0 && <p className="muted">{t.ledger.none}</p>}
      {rows && rows.length > 0 && (
        <>
          <div className="filters ledger-filters">
            <select aria-label={t.ledger.type} value={filters.type} onChange={(e) => set({ type: e.target.value as LedgerFilters['type'] })}>
              <option value="all">{t.ledger.allTypes}</option>
              {LEDGER_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {LEDGER_TYPE_LABELS[ty]}
                </option>
              ))}
            </select>
            <select aria-label={t.ledger.unit} value={filters.unit} onChange={(e) => set({ unit: e.target.value })}>
              <option value="all">{t.ledger.allUnits}</option>
              {units.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {`${u.unit || '—'}（${u.count}）`}
                </option>
              ))}
            </select>
            <select aria-label={t.ledger.flag} value={filters.flag} onChange={(e) => set({ flag: e.target.value as FlagFilter })}>
              <option value="all">{t.ledger.allFlags}</option>
              <option value="flagged">{t.ledger.flagged}</option>
              {LEDGER_FLAGS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
            <span className="muted count ledger-count" aria-live="polite">
              {t.ledger.count(shown.length, rows.length)}
            </span>
          </div>
          {shown.length === 0 ? (
            <p className="muted">{t.ledger.noneFiltered}</p>
          ) : (
            groups.map((g) => (
              <section key={g.key} className="ledger-group" aria-label={g.label ?? t.ledger.reportStart}>
                <h4>
                  <span className="ledger-group-label">{g.label ?? t.ledger.reportStart}</span>
                  {g.title && <span className="ledger-group-title">{g.title}</span>}
                  <span className="muted">{t.ledger.groupCount(g.rows.length)}</span>
                </h4>
                <table className="indicator-table ledger-table">
                  <thead>
                    <tr>
                      <th>{t.ledger.metric}</th>
                      <th className="num">{t.ledger.value}</th>
                      <th>{t.ledger.qualifier}</th>
                      <th>{t.ledger.kind}</th>
                      <th>{t.ledger.type}</th>
                      <th>{t.ledger.flag}</th>
                      <th>{t.ledger.note}</th>
                      <th aria-label={t.ledger.show} />
                    </tr>
                  </thead>
                  <tbody>
                    {g.rows.map((r) => (
                      <LedgerEntryRow key={r.id} r={r} actions={actions} />
                    ))}
                  </tbody>
                </table>
              </section>
            ))
          )}
        </>
      )}
    </section>
  );
}
