import { useState, type FormEvent } from 'react';
import { AUTHOR_KEYS, useSettings } from '../../store/settings';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { SignOffer } from './SignOffer';

type Identity = 'deputy' | 'member' | 'staff';
const IDENTITIES: Identity[] = ['deputy', 'member', 'staff'];

/**
 * Asked once, at the first start: 署名, 身份 and 代表团 / 界别, so marks and drafts carry a name
 * from the first one. A band above the work, not a modal: the report stays usable, and 跳过
 * answers it too. Never shown again after 保存 or 跳过 (`identity.asked`); 设置 edits the same
 * values later. If work was done before the name, the band then offers to sign it.
 */
export function IdentityPrompt() {
  const loaded = useSettings((s) => s.loaded);
  const asked = useSettings((s) => !!s.values[AUTHOR_KEYS.asked] || !!s.values[AUTHOR_KEYS.name]?.trim());
  const [name, setName] = useState('');
  const [identity, setIdentity] = useState<Identity>('deputy');
  const [group, setGroup] = useState('');
  // Errors wait for the user: shown once the name box was left after typing, or on 保存.
  const [showError, setShowError] = useState(false);
  const [offering, setOffering] = useState(false);
  const unsignedLeft = useSettings((s) => (s.unsigned ? s.unsigned.annotations + s.unsigned.drafts : 0));

  if (offering && unsignedLeft > 0) {
    return (
      <section className="identity-prompt" aria-label={t.authorship.sign}>
        <SignOffer onDone={() => setOffering(false)} />
      </section>
    );
  }
  if (!loaded || asked) return null;

  const missing = !name.trim();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (missing) {
      setShowError(true);
      return;
    }
    const ok = await useSettings.getState().setMany({
      [AUTHOR_KEYS.name]: name.trim(),
      [AUTHOR_KEYS.role]: identity,
      [identity === 'member' ? AUTHOR_KEYS.sector : AUTHOR_KEYS.delegation]: group.trim(),
      [AUTHOR_KEYS.asked]: 'saved',
    });
    if (!ok) return;
    useUi.getState().toast('info', t.authorship.saved(name.trim()));
    const unsigned = await useSettings.getState().countUnsigned();
    if (unsigned && unsigned.annotations + unsigned.drafts > 0) setOffering(true);
  };

  return (
    <section className="identity-prompt" aria-labelledby="identity-title">
      <div className="identity-text">
        <strong id="identity-title">{t.authorship.promptTitle}</strong>
        <span className="muted">{t.authorship.promptBody}</span>
      </div>
      <form className="identity-form" onSubmit={(e) => void save(e)} noValidate>
        <label>
          {t.authorship.name}
          <input
            value={name}
            placeholder={t.authorship.namePlaceholder}
            aria-invalid={showError && missing}
            aria-describedby={showError && missing ? 'identity-error' : undefined}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => name !== '' && setShowError(true)}
          />
        </label>
        <fieldset className="identity-roles">
          <legend>{t.authorship.identity}</legend>
          {IDENTITIES.map((id) => (
            <label key={id} className="inline">
              <input type="radio" name="identity" value={id} checked={identity === id} onChange={() => setIdentity(id)} />
              {t.authorship.identities[id]}
            </label>
          ))}
        </fieldset>
        <label>
          {t.authorship.group[identity]}
          <input value={group} placeholder={t.authorship.groupPlaceholder[identity]} onChange={(e) => setGroup(e.target.value)} />
        </label>
        <div className="identity-actions">
          <button type="submit" className="primary">
            {t.authorship.save}
          </button>
          <button type="button" title={t.authorship.skipHint} onClick={() => void useSettings.getState().set(AUTHOR_KEYS.asked, 'skipped')}>
            {t.authorship.skip}
          </button>
        </div>
        {showError && missing && (
          <p id="identity-error" className="identity-error" role="alert">
            {t.authorship.nameRequired}
          </p>
        )}
      </form>
    </section>
  );
}
