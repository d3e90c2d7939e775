import { useReader, type Theme } from '../../store/reader';
import { useFind } from './find';
import { t } from '../../i18n/zh-CN';

/** Font size, line spacing, theme and large print: the reader's own settings, kept per machine. */
export function ViewControls() {
  const { fontSize, lineHeight, theme, largePrint, showFindings, setPrefs } = useReader();
  return (
    <div className="view-controls">
      <button onClick={() => useFind.getState().setOpen(true)} title={t.reader.findPlaceholder}>
        {t.reader.find}
      </button>
      <label title={t.reader.fontSize}>
        {t.reader.fontSize}
        <button aria-label="减小字号" onClick={() => setPrefs({ fontSize: Math.max(12, fontSize - 1) })}>
          A−
        </button>
        <span className="value">{fontSize}</span>
        <button aria-label="增大字号" onClick={() => setPrefs({ fontSize: Math.min(40, fontSize + 1) })}>
          A+
        </button>
      </label>
      <label>
        {t.reader.lineHeight}
        <select value={lineHeight} onChange={(e) => setPrefs({ lineHeight: Number(e.target.value) })}>
          {[1.5, 1.7, 1.9, 2.2, 2.6].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.reader.theme}
        <select value={theme} onChange={(e) => setPrefs({ theme: e.target.value as Theme })}>
          {Object.entries(t.reader.themes).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={largePrint} onChange={(e) => setPrefs({ largePrint: e.target.checked, fontSize: e.target.checked ? Math.max(fontSize, 24) : 18 })} />
        {t.reader.largePrint}
      </label>
      <label className="inline" title={t.review.marksToggleHint}>
        <input type="checkbox" checked={showFindings} onChange={(e) => setPrefs({ showFindings: e.target.checked })} />
        {t.review.marksToggle}
      </label>
    </div>
  );
}
