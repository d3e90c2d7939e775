import { useMemo, useState } from 'react';
import type { ReviewIndicator } from '../../../electron/api/contract';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import { IndicatorChart } from './IndicatorChart';
import { LedgerView } from './LedgerView';
import { exportIndicatorsCsv, jumpTo, useIndicators } from './indicatorData';
import {
  chartGroups,
  filterStatements,
  nextSort,
  pairValue,
  sortBy,
  statementValue,
  valueText,
  type Pair,
  type PairKey,
  type Sort,
  type StatementKey,
} from './table';

function SortHeader<K extends string>({
  k,
  label,
  sort,
  onSort,
  numeric,
}: {
  k: K;
  label: string;
  sort: Sort<K> | null;
  onSort(k: K): void;
  numeric?: boolean;
}) {
  const dir = sort?.key === k ? sort.dir : null;
  return (
    <th aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={numeric ? 'num' : undefined}>
      <button onClick={() => onSort(k)} title={t.indicators.sortHint}>
        {label}
        <span className="sort-arrow" aria-hidden>
          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** A cell's value, with its own unit when it differs from the row's. */
function Value({ i, unit, qualifier = true }: { i: ReviewIndicator | undefined; unit: string; qualifier?: boolean }) {
  if (!i) return <span className="muted">—</span>;
  return <span title={i.text}>{valueText(i, i.unit !== unit, qualifier)}</span>;
}

function PairsTable({ pairs }: { pairs: Pair[] }) {
  const [sort, setSort] = useState<Sort<PairKey> | null>(null);
  const rows = sortBy(pairs, sort, pairValue);
  const onSort = (k: PairKey) => setSort((s) => nextSort(s, k));
  return (
    <table className="indicator-table pairs-table">
      <thead>
        <tr>
          <SortHeader k="metric" label={t.indicators.metric} sort={sort} onSort={onSort} />
          <SortHeader k="result" label={t.indicators.lastResult} sort={sort} onSort={onSort} numeric />
          <SortHeader k="target" label={t.indicators.thisTarget} sort={sort} onSort={onSort} numeric />
          <SortHeader k="unit" label={t.indicators.unit} sort={sort} onSort={onSort} />
          <SortHeader k="qualifier" label={t.indicators.qualifier} sort={sort} onSort={onSort} />
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const unit = (p.target ?? p.result)?.unit ?? '';
          const at = p.target ?? p.result;
          return (
            <tr
              key={p.metric}
              tabIndex={0}
              data-metric={p.metric}
              title={t.indicators.rowHint}
              onClick={() => at && jumpTo(at.blockId)}
              onKeyDown={(e) => e.key === 'Enter' && at && jumpTo(at.blockId)}
            >
              <td className="metric">{p.metric}</td>
              <td className="num">
                <Value i={p.result} unit={unit} />
              </td>
              <td className="num target">
                <Value i={p.target} unit={unit} qualifier={false} />
              </td>
              <td>{unit}</td>
              <td>{p.target?.qualifier ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StatementsTable({ indicators }: { indicators: ReviewIndicator[] }) {
  const [sort, setSort] = useState<Sort<StatementKey> | null>(null);
  const [kind, setKind] = useState<'all' | 'target' | 'result'>('all');
  const [text, setText] = useState('');
  const rows = sortBy(filterStatements(indicators, kind, text), sort, statementValue);
  const onSort = (k: StatementKey) => setSort((s) => nextSort(s, k));
  const cols: [StatementKey, string, boolean?][] = [
    ['metric', t.indicators.metric],
    ['kind', t.indicators.kind],
    ['value', t.indicators.value, true],
    ['unit', t.indicators.unit],
    ['qualifier', t.indicators.qualifier],
    ['direction', t.indicators.direction],
    ['year', t.indicators.year, true],
    ['path', t.indicators.place],
    ['text', t.indicators.text],
  ];
  return (
    <>
      <div className="filters indicator-filters">
        <select aria-label={t.indicators.kind} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="all">{t.indicators.allKinds}</option>
          <option value="target">{t.indicators.kinds.target}</option>
          <option value="result">{t.indicators.kinds.result}</option>
        </select>
        <input
          type="search"
          placeholder={t.indicators.filterText}
          aria-label={t.indicators.filterText}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="muted count">{t.indicators.count(rows.length, indicators.length)}</span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t.indicators.noneFiltered}</p>
      ) : (
        <table className="indicator-table statements-table">
          <thead>
            <tr>
              {cols.map(([k, label, numeric]) => (
                <SortHeader key={k} k={k} label={label} sort={sort} onSort={onSort} numeric={numeric} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr
                key={i.id}
                tabIndex={0}
                data-indicator={i.id}
                title={t.indicators.rowHint}
                onClick={() => jumpTo(i.blockId)}
                onKeyDown={(e) => e.key === 'Enter' && jumpTo(i.blockId)}
              >
                <td className="metric">{i.metric}</td>
                <td>
                  <span className={`kind-badge kind-${i.kind}`}>{t.indicators.kinds[i.kind]}</span>
                </td>
                <td className="num">{i.value}</td>
                <td>{i.unit}</td>
                <td>{i.qualifier ?? ''}</td>
                <td>{i.direction ?? ''}</td>
                <td className="num">{i.year ?? ''}</td>
                <td className="path">{i.path}</td>
                <td className="quote">{i.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

type IndicatorsTab = 'headline' | 'ledger';
/** The tab last open: 在正文中查看 leaves the view, and coming back should find the ledger again. */
let lastTab: IndicatorsTab = 'headline';

/** 指标: the report's quantified targets and results, paired, charted and exportable. */
export function IndicatorsView() {
  const doc = useReader((s) => s.doc);
  const versionId = doc?.version.id;
  const { data, error, loading } = useIndicators(versionId);
  const groups = useMemo(() => chartGroups(data?.pairs ?? []), [data]);
  const [unit, setUnit] = useState<string | null>(null);
  const group = groups.find((g) => g.unit === unit) ?? groups[0];
  const [tab, setTabState] = useState<IndicatorsTab>(lastTab);
  const setTab = (next: IndicatorsTab) => setTabState((lastTab = next));

  if (!doc)
    return (
      <div className="indicators-view">
        <p className="muted">{t.indicators.noReport}</p>
      </div>
    );
  return (
    <div className="indicators-view">
      <header className="indicators-head">
        <h2>{t.indicators.nav}</h2>
        <span className="muted">
          {doc.report.title} · {doc.version.label}
        </span>
        <div className="indicator-tabs" role="tablist">
          <button role="tab" aria-selected={tab === 'headline'} className={tab === 'headline' ? 'on' : undefined} onClick={() => setTab('headline')}>
            {t.ledger.headlineTab}
          </button>
          <button role="tab" aria-selected={tab === 'ledger'} className={tab === 'ledger' ? 'on' : undefined} onClick={() => setTab('ledger')}>
            {t.ledger.tab}
          </button>
        </div>
        {tab === 'headline' && (
          <button className="primary" disabled={!data?.indicators.length} onClick={() => versionId && void exportIndicatorsCsv(versionId)}>
            {t.indicators.exportCsv}
          </button>
        )}
      </header>
      {tab === 'ledger' && <LedgerView doc={doc} />}
      {tab === 'headline' && error && <p className="error">{error}</p>}
      {tab === 'headline' && loading && <p className="muted">{t.indicators.loading}</p>}
      {tab === 'headline' && data && data.indicators.length === 0 && <p className="muted">{t.indicators.none}</p>}
      {tab === 'headline' && data && data.indicators.length > 0 && (
        <>
          <div className="indicators-top">
            <section className="card indicators-pairs">
              <h3>{t.indicators.pairsTitle}</h3>
              <PairsTable pairs={data.pairs} />
            </section>
            <section className="card indicators-chart">
              <div className="chart-head">
                <h3>{t.indicators.chartTitle}</h3>
                {groups.length > 1 && (
                  <div className="unit-tabs" role="tablist">
                    {groups.map((g) => (
                      <button key={g.unit} role="tab" aria-selected={g === group} className={g === group ? 'on' : undefined} onClick={() => setUnit(g.unit)}>
                        {t.indicators.unitTab(g.unit, g.metrics.length)}
                      </button>
                    ))}
                  </div>
                )}
              </div>
              {group ? <IndicatorChart group={group} /> : <p className="muted">{t.indicators.chartEmpty}</p>}
            </section>
          </div>
          <section className="card indicators-all">
            <h3>{t.indicators.allTitle}</h3>
            <StatementsTable indicators={data.indicators} />
          </section>
        </>
      )}
    </div>
  );
}
