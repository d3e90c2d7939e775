/**
 * Passphrases for files that leave the machine (exchange bundles, exported backups): the
 * optional 设置口令 fields of an export dialog, and the prompt shown when a sealed file is
 * opened. The passphrase lives in component state only for as long as the dialog is open; it is
 * sent with the one call that needs it and never stored.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../../api/client';
import { ModalDialog } from '../../components/ModalDialog';
import { t } from '../../i18n/zh-CN';

/** The contract (and core/seal) refuse shorter ones; checked here too so the user hears it at once. */
export const MIN_PASSPHRASE_LENGTH = 6;

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
}

export const noPassphrase: NewPassphrase = { passphrase: '', confirm: '' };

/** Why the typed passphrase cannot be used yet, or null (also null when none is wanted). */
export function passphraseProblem({ passphrase, confirm }: NewPassphrase): string | null {
  if (!passphrase) return null;
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return t.sealed.tooShort(MIN_PASSPHRASE_LENGTH);
  if (passphrase !== confirm) return t.sealed.mismatch;
  return null;
}

/** The passphrase to send with an export: undefined when the user set none. */
export function chosenPassphrase(p: NewPassphrase): string | undefined {
  return p.passphrase ? p.passphrase : undefined;
}

/** 设置口令 (optional) + 再次输入, with the note that it is not stored and cannot be recovered. */
export function NewPassphraseFields({ value, onChange, idPrefix }: { value: NewPassphrase; onChange: (v: NewPassphrase) => void; idPrefix: string }) {
  const problem = value.passphrase && value.confirm ? passphraseProblem(value) : value.passphrase ? passphraseProblemShort(value.passphrase) : null;
  return (
    <div className="passphrase-fields choice-list" data-testid={`${idPrefix}-passphrase`}>
      <label htmlFor={`${idPrefix}-passphrase-input`}>{t.sealed.passphraseLabel}</label>
      <input
        id={`${idPrefix}-passphrase-input`}
        type="password"
        autoComplete="new-password"
        placeholder={t.sealed.passphrasePlaceholder}
        value={value.passphrase}
        onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
      />
      {value.passphrase && (
        <>
          <label htmlFor={`${idPrefix}-passphrase-confirm`}>{t.sealed.confirmLabel}</label>
          <input
            id={`${idPrefix}-passphrase-confirm`}
            type="password"
            autoComplete="new-password"
            value={value.confirm}
            onChange={(e) => onChange({ ...value, confirm: e.target.value })}
          />
        </>
      )}
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
      <p className="muted small">{t.sealed.note}</p>
    </div>
  );
}

/** While only the first field is filled, only its length is worth mentioning. */
function passphraseProblemShort(passphrase: string): string | null {
  return [...passphrase].length < MIN_PASSPHRASE_LENGTH ? t.sealed.tooShort(MIN_PASSPHRASE_LENGTH) : null;
}

/** The back end answers a sealed file opened without a passphrase with …/passphrase-required. */
export function needsPassphrase(e: unknown): boolean {
  return e instanceof ApiCallError && e.code.endsWith('/passphrase-required');
}

export function isWrongPassphrase(e: unknown): boolean {
  return e instanceof ApiCallError && e.code === 'seal/wrong-passphrase';
}

/**
 * Asks for the passphrase of a sealed file. `error` is the refusal of the previous attempt
 * (wrong passphrase): shown above the field, which is empty again for another try.
 * `onCancel` must keep its identity across renders (useCallback): ModalDialog refocuses itself
 * whenever its onClose changes, which would pull the focus out of the field.
 */
export function PassphrasePrompt(props: {
  message: string;
  error: string | null;
  busy: boolean;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { onCancel, onSubmit, busy, error } = props;
  const [passphrase, setPassphrase] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // After ModalDialog focused itself (its effect runs first), and again after a refusal: the
  // field is where the user types next.
  useEffect(() => {
    if (!busy) input.current?.focus();
  }, [busy, error]);
  const submit = () => {
    if (!passphrase || busy) return;
    onSubmit(passphrase);
    setPassphrase(''); // not kept: a retry types it again
  };
  return (
    <ModalDialog
      title={t.sealed.promptTitle}
      onClose={onCancel}
      testId={props.testId}
      actions={
        <>
          <button onClick={onCancel} disabled={busy}>
            {t.cancel}
          </button>
          <button className="primary" onClick={submit} disabled={busy || !passphrase}>
            {busy ? t.sealed.opening : t.sealed.open}
          </button>
        </>
      }
    >
      <p>{props.message}</p>
      {props.error && (
        <p className="error" role="alert" data-testid="passphrase-error">
          {props.error}
        </p>
      )}
      <div className="choice-list">
        <label htmlFor={`${props.testId}-input`}>{t.sealed.promptLabel}</label>
        <input
          id={`${props.testId}-input`}
          type="password"
          autoComplete="off"
          ref={input}
          value={passphrase}
          disabled={busy}
          onChange={(e) => setPassphrase(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
        />
      </div>
    </ModalDialog>
  );
}
