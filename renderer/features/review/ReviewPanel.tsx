import { useMemo } from 'react';
import type { Block, ReviewFinding } from '../../../electron/api/contract';
import { groupFindings, SEVERITIES, useReview, visibleFindings } from '../../store/review';
import { useReader } from '../../store/reader';
import { useDrafts } from '../../store/drafts';
import { makeTarget } from '../reader/selection';
import { t } from '../../i18n/zh-CN';

const CONTEXT = 14;

/** The problem in its sentence: a few characters either side, the excerpt marked. */
function Excerpt({ f, block }: { f: ReviewFinding; block: Block | undefined }) {
  if (!block) return <mark className={`finding-mark sev-${f.severity}`}>{f.excerpt}</mark>;
  const from = Math.max(0, f.start - CONTEXT);
  const to = Math.min(block.text.length, f.end + CONTEXT);
  return (
    <>
      {from > 0 && '…'}
      {block.text.slice(from, f.start)}
      <mark className={`finding-mark sev-${f.severity}`}>{block.text.slice(f.start, f.end) || f.excerpt}</mark>
      {block.text.slice(f.end, to)}
      {to < block.text.length && '…'}
    </>
  );
}

function toAmendment(f: ReviewFinding, block: Block | undefined) {
  const target = block ? makeTarget(block, f.start, f.end) : { blockId: f.blockId, start: f.start, end: f.end, exact: f.excerpt };
  void useDrafts.getState().startFrom('amendment', [target], { op: 'modify', original: f.excerpt, proposed: f.suggestion ?? f.excerpt, reason: f.message });
}

function FindingCard({ f, block, ruleName }: { f: ReviewFinding; block: Block | undefined; ruleName: string }) {
  return (
    <li className={`card review-card sev-${f.severity}${f.dismissed ? ' dismissed' : ''}`} data-finding={f.id}>
      <div className="review-card-head">
        <span className={`sev-badge sev-${f.severity}`}>{t.review.severity[f.severity]}</span>
        <span className="review-rule">{ruleName}</span>
        {f.dismissed && <span className="review-dismissed">{t.review.dismissed}</span>}
      </div>
      <button className="review-excerpt" title={t.review.locate} onClick={() => useReader.getState().scrollTo(f.blockId)}>
        <span className="card-path">{f.path}</span>
        <span className="review-quote">
          <Excerpt f={f} block={block} />
        </span>
      </button>
      <p className="review-message">{f.message}</p>
      <p className="review-suggestion">
        {f.suggestion !== null ? (
          <>
            <span className="muted">{t.review.suggestion}</span> <del>{f.excerpt}</del> → <ins>{f.suggestion}</ins>
          </>
        ) : (
          <span className="muted">{t.review.noSuggestion}</span>
        )}
      </p>
      <div className="card-actions">
        <button onClick={() => toAmendment(f, block)}>{t.review.toAmendment}</button>
        {f.dismissed ? (
          <button onClick={() => void useReview.getState().undismiss(f.id)}>{t.review.undismiss}</button>
        ) : (
          <button onClick={() => void useReview.getState().dismiss(f.id)}>{t.review.dismiss}</button>
        )}
      </div>
    </li>
  );
}

/** 审校: proofreading hints for the open report, grouped by section, with filters. */
export function ReviewPanel() {
  const s = useReview();
  const doc = useReader((r) => r.doc);
  const blocks = useMemo(() => doc?.blocks ?? [], [doc]);
  const blockById = useMemo(() => new Map(blocks.map((b) => [b.id, b])), [blocks]);
  const ruleNames = useMemo(() => new Map(s.rules.map((r) => [r.id, r.name])), [s.rules]);
  const filters = { rule: s.rule, severities: s.severities, showDismissed: s.showDismissed };
  const visible = visibleFindings(s.findings, filters);
  // A handful to a few hundred findings: grouping on each render is cheaper than memo bookkeeping.
  const groups = groupFindings(visible, blocks);

  const active = s.findings.filter((f) => !f.dismissed);
  const countOf = (sev: string) => active.filter((f) => f.severity === sev).length;
  const dismissedCount = s.findings.length - active.length;
  const rulesWithFindings = s.rules.filter((r) => s.findings.some((f) => f.rule === r.id));

  return (
    <section className="panel review-panel" aria-label={t.review.title}>
      <div className="review-toolbar">
        <div className="severity-filter" role="group" aria-label={t.review.severityFilter}>
          {SEVERITIES.map((sev) => (
            <button
              key={sev}
              className={`sev-chip sev-${sev}${s.severities[sev] ? ' on' : ''}`}
              aria-pressed={s.severities[sev]}
              onClick={() => s.toggleSeverity(sev)}
            >
              <span className="dot" />
              {t.review.severity[sev]} {countOf(sev)}
            </button>
          ))}
        </div>
        <div className="filters">
          <select aria-label={t.review.ruleFilter} value={s.rule ?? ''} onChange={(e) => s.setRule(e.target.value || null)}>
            <option value="">{t.review.allRules}</option>
            {rulesWithFindings.map((r) => (
              <option key={r.id} value={r.id} title={r.description}>
                {r.name}（{s.findings.filter((f) => f.rule === r.id && (s.showDismissed || !f.dismissed)).length}）
              </option>
            ))}
          </select>
          <label className="inline">
            <input type="checkbox" checked={s.showDismissed} onChange={(e) => s.setShowDismissed(e.target.checked)} />
            {t.review.showDismissed}
            {dismissedCount > 0 && <span className="muted">（{dismissedCount}）</span>}
          </label>
        </div>
      </div>
      {s.error && (
        <p className="error">
          {s.error} <button onClick={() => doc && void s.load(doc.version.id, true)}>{t.review.recheck}</button>
        </p>
      )}
      {s.loading && <p className="muted review-empty">{t.review.checking}</p>}
      {!s.loading && !s.error && visible.length === 0 && <p className="muted review-empty">{s.findings.length ? t.review.noneFiltered : t.review.none}</p>}
      <div className="review-groups">
        {groups.map((g) => (
          <section key={g.key} className="review-group">
            <h4>
              <span>{g.label || t.review.reportStart}</span>
              {g.title && <span className="review-group-title">{g.title}</span>}
              <span className="review-group-count">{g.findings.length}</span>
            </h4>
            <ul className="review-list">
              {g.findings.map((f) => (
                <FindingCard key={f.id} f={f} block={blockById.get(f.blockId)} ruleName={ruleNames.get(f.rule) ?? f.rule} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
