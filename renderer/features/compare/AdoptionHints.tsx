import type { AdoptionRow } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';

/** 采纳提示: whether each draft's wording seems to be in the newer version; a click shows its row. */
export function AdoptionHints({ hints, onShow }: { hints: AdoptionRow[]; onShow: (hint: AdoptionRow) => void }) {
  return (
    <section className="cmp-panel">
      <h3>{t.compare.adoptionTitle}</h3>
      <p className="muted small">{t.compare.adoptionNote}</p>
      {hints.length === 0 && <p className="muted">{t.compare.adoptionEmpty}</p>}
      <ul className="hint-list">
        {hints.map((h) => (
          <li key={h.draftId} className="card hint-card" onClick={() => onShow(h)}>
            <div className={`cmp-hint hint-${h.adopted}`}>{t.compare.adoption[h.adopted]}</div>
            <div className="hint-wording">{h.wording}</div>
            <div className="muted small">{h.reason}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
