import { useEffect, useState } from 'react';
import { COLORS } from '../../store/annotations';
import { useSettings, useColorLabels, useIdentity } from '../../store/settings';
import { useReader, type Theme } from '../../store/reader';
import { api } from '../../api/client';
import { t } from '../../i18n/zh-CN';
import { SignOffer } from '../identity/SignOffer';

/** A text setting saved when the field loses focus (and only if it changed). */
function TextSetting({ label, settingKey, multiline = false }: { label: string; settingKey: string; multiline?: boolean }) {
  const value = useSettings((s) => s.values[settingKey] ?? '');
  const set = useSettings((s) => s.set);
  const save = (v: string) => v.trim() !== value && void set(settingKey, v.trim());
  return (
    <label>
      {label}
      {multiline ? (
        <textarea key={value} defaultValue={value} rows={2} onBlur={(e) => save(e.target.value)} />
      ) : (
        <input key={value} defaultValue={value} onBlur={(e) => save(e.target.value)} />
      )}
    </label>
  );
}

export function SettingsView() {
  const role = useIdentity();
  const set = useSettings((s) => s.set);
  const labels = useColorLabels();
  const theme = useReader((s) => s.theme);
  const [dataDir, setDataDir] = useState('');
  useEffect(() => {
    void api['app.info']({}).then((info) => setDataDir(info.dataDir));
  }, []);

  return (
    <div className="settings">
      <h2>{t.settings.title}</h2>
      <fieldset>
        <legend>{t.settings.personal}</legend>
        <TextSetting label={t.settings.author} settingKey="author.name" />
        {/* work done before the name was set: signed in one action */}
        <SignOffer className="in-settings" />
        <label>
          {t.settings.role}
          <select value={role} onChange={(e) => void set('author.role', e.target.value)}>
            {Object.entries(t.settings.roles).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        {/* 代表团 for deputies and staff, 界别 for members: the label says which */}
        {role === 'member' ? (
          <TextSetting key="sector" label={t.authorship.group.member} settingKey="author.sector" />
        ) : (
          <TextSetting key="delegation" label={t.authorship.group[role]} settingKey="author.delegation" />
        )}
        <TextSetting label={t.settings.contact} settingKey="author.contact" multiline />
      </fieldset>
      <fieldset>
        <legend>{t.settings.colorNames}</legend>
        {COLORS.map((c) => (
          <label key={c} className="color-name">
            <span className={`dot dot-${c}`} />
            <input
              key={labels[c]}
              defaultValue={labels[c]}
              aria-label={`${t.settings.colorNames}：${c}`}
              onBlur={(e) => {
                const name = e.target.value.trim();
                if (name && name !== labels[c]) void set('colors.labels', JSON.stringify({ ...labels, [c]: name }));
              }}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.settings.reading}</legend>
        {(['light', 'sepia', 'dark', 'contrast'] as Theme[]).map((th) => (
          <label key={th} className="inline">
            <input type="radio" name="theme" checked={theme === th} onChange={() => useReader.getState().setPrefs({ theme: th })} />
            {t.reader.themes[th]}
          </label>
        ))}
        <p className="muted">
          {t.settings.keyboard}：{t.reader.keyboardHelp.replace(/^快捷键：/, '')}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t.settings.data}</legend>
        <p>
          {t.settings.dataDir}：<code>{dataDir}</code>
        </p>
        <p className="muted">{t.settings.dataHint}</p>
      </fieldset>
    </div>
  );
}
