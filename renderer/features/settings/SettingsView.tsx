import { COLORS } from '../../store/annotations';
import { useSettings, useColorLabels } from '../../store/settings';
import { useReader, type Theme } from '../../store/reader';
import { t } from '../../i18n/zh-CN';

export function SettingsView() {
  const values = useSettings((s) => s.values);
  const labels = useColorLabels();
  const set = useSettings((s) => s.set);
  return (
    <div className="settings">
      <h2>{t.settings.title}</h2>
      <label>
        {t.settings.author}
        <input defaultValue={values['author.name'] ?? ''} onBlur={(e) => void set('author.name', e.target.value.trim())} />
      </label>
      <label>
        {t.settings.role}
        <select value={values['author.role'] ?? 'deputy'} onChange={(e) => void set('author.role', e.target.value)}>
          {Object.entries(t.settings.roles).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.settings.delegation}
        <input defaultValue={values['author.delegation'] ?? ''} onBlur={(e) => void set('author.delegation', e.target.value.trim())} />
      </label>
      <fieldset>
        <legend>{t.settings.colorNames}</legend>
        {COLORS.map((c) => (
          <label key={c} className="color-name">
            <span className={`dot dot-${c}`} />
            <input
              defaultValue={labels[c]}
              onBlur={(e) => {
                const name = e.target.value.trim();
                if (name && name !== labels[c]) void set('colors.labels', JSON.stringify({ ...labels, [c]: name }));
              }}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.reader.theme}</legend>
        {(['light', 'sepia', 'dark', 'contrast'] as Theme[]).map((th) => (
          <label key={th} className="inline">
            <input type="radio" name="theme" checked={useReader.getState().theme === th} onChange={() => useReader.getState().setPrefs({ theme: th })} />
            {t.reader.themes[th]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
