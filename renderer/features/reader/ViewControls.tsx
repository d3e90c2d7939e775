import { useReader, type Theme } from '../../store/reader';
import { useUi } from '../../store/ui';
import { useFind } from './find';
import { t } from '../../i18n/zh-CN';
import { PrintButton } from '../print/PrintButton';

/**
 * Font size, line spacing, theme and large print: the reader's own settings, kept per machine.
 * Compact enough for the header to stay one row at 1280 px: the size buttons and the theme names
 * say what they are, so only line spacing keeps a visible label.
 */
export function ViewControls() {
  const { fontSize, lineHeight, theme, largePrint, showFindings, setPrefs } = useReader();
  return (
    <div className="view-controls" role="group" aria-label={t.reader.viewControls}>
      <button onClick={() => useFind.getState().setOpen(true)} title={t.reader.findPlaceholder}>
        {t.reader.find}
      </button>
      <span className="font-size" role="group" aria-label={t.reader.fontSize} title={t.reader.fontSize}>
        <button aria-label={t.reader.fontSmaller} title={t.reader.fontSmaller} onClick={() => setPrefs({ fontSize: Math.max(12, fontSize - 1) })}>
          A−
        </button>
        <span className="value">{fontSize}</span>
        <button aria-label={t.reader.fontLarger} title={t.reader.fontLarger} onClick={() => setPrefs({ fontSize: Math.min(40, fontSize + 1) })}>
          A+
        </button>
      </span>
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
      <select value={theme} aria-label={t.reader.theme} title={t.reader.theme} onChange={(e) => setPrefs({ theme: e.target.value as Theme })}>
        {Object.entries(t.reader.themes).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
      <label className="inline">
        <input
          type="checkbox"
          checked={largePrint}
          onChange={(e) => setPrefs({ largePrint: e.target.checked, fontSize: e.target.checked ? Math.max(fontSize, 24) : 18 })}
        />
        {t.reader.largePrint}
      </label>
      <label className="inline" title={t.review.marksToggleHint}>
        <input type="checkbox" checked={showFindings} onChange={(e) => setPrefs({ showFindings: e.target.checked })} />
        {t.review.marksToggle}
      </label>
      <PrintButton />
      <button
        className="shortcuts-button"
        aria-label={t.reader.shortcuts.open}
        title={t.reader.shortcuts.open}
        onClick={() => useUi.getState().setShortcutsOpen(true)}
      >
        ?
      </button>
    </div>
  );
}
