import { useState } from 'react';
import { useLibrary, type ImportAnswer, type PendingImport } from '../../store/library';
import { t } from '../../i18n/zh-CN';
import { ModalDialog } from '../../components/ModalDialog';

const f = t.versionFlow;

/** The preset names, with 修改稿 numbered when the report already has one (修改稿2, 修改稿3 …). */
function presets(taken: readonly string[]): string[] {
  return f.presets.map((p) => {
    if (p !== '修改稿' || !taken.includes(p)) return p;
    let k = 2;
    while (taken.includes(`${p}${k}`)) k++;
    return `${p}${k}`;
  });
}

/** Step one: the version's name, chosen before anything is written (征求意见稿 / 大会印发稿 / 修改稿 / the user's own). */
function LabelStep({ pending }: { pending: PendingImport }) {
  const reports = useLibrary((s) => s.reports);
  const report = pending.reportId ? reports.find((r) => r.id === pending.reportId) : undefined;
  const options = presets(report?.versions.map((v) => v.label) ?? []);
  const [choice, setChoice] = useState<string>(report ? options[2] : options[0]);
  const [own, setOwn] = useState('');
  const [error, setError] = useState(false);
  const label = choice === '' ? own.trim() : choice;
  const submit = () => {
    if (!label) return setError(true);
    useLibrary.getState().chooseLabel(label);
  };
  return (
    <ModalDialog
      title={f.importTitle(pending.fileName)}
      testId="import-dialog"
      onClose={() => useLibrary.getState().answer('cancel')}
      actions={
        <>
          <button onClick={() => useLibrary.getState().answer('cancel')}>{t.cancel}</button>
          <button className="primary" onClick={submit}>
            {f.importButton}
          </button>
        </>
      }
    >
      <p>{report ? f.asVersionOf(report.title) : f.asNewReport}</p>
      <fieldset className="vf-labels">
        <legend>{f.labelLegend}</legend>
        {options.map((o) => (
          <label key={o} className="vf-label">
            <input type="radio" name="version-label" checked={choice === o} onChange={() => setChoice(o)} />
            {o}
          </label>
        ))}
        <label className="vf-label vf-own">
          <input type="radio" name="version-label" checked={choice === ''} onChange={() => setChoice('')} />
          {f.otherLabel}
          <input
            type="text"
            aria-label={f.otherLabel}
            value={own}
            maxLength={100}
            placeholder={f.otherPlaceholder}
            onFocus={() => setChoice('')}
            onChange={(e) => {
              setOwn(e.target.value);
              setChoice('');
              setError(false);
            }}
            onKeyDown={(e) => e.key === 'Enter' && submit()}
          />
        </label>
      </fieldset>
      {error && <p className="error">{f.labelRequired}</p>}
    </ModalDialog>
  );
}

/** Step two, when the back end stopped to ask: another report offered as a version, or the same text again. */
function QuestionStep({ pending }: { pending: PendingImport }) {
  const q = pending.question!;
  const answer = (a: ImportAnswer) => () => useLibrary.getState().answer(a);
  if (q.question === 'same-text' && q.existing) {
    return (
      <ModalDialog
        title={f.sameTitle}
        testId="import-question"
        onClose={answer('cancel')}
        actions={
          <>
            <button onClick={answer('cancel')}>{t.cancel}</button>
            <button onClick={answer('import-anyway')}>{f.importAnyway}</button>
            <button className="primary" onClick={answer('open-existing')}>
              {f.openExisting}
            </button>
          </>
        }
      >
        <p>{f.sameBody(q.existing.reportTitle, q.existing.label)}</p>
      </ModalDialog>
    );
  }
  return (
    <ModalDialog
      title={f.differentTitle}
      testId="import-question"
      onClose={answer('cancel')}
      actions={
        <>
          <button onClick={answer('cancel')}>{t.cancel}</button>
          <button onClick={answer('as-version')}>{f.asVersionAnyway}</button>
          <button className="primary" onClick={answer('as-report')}>
            {f.asReportInstead}
          </button>
        </>
      }
    >
      <p>{f.differentBody(q.fileTitle, q.reportTitle, Math.round(q.coverage * 100))}</p>
      <p>{f.differentAsk}</p>
    </ModalDialog>
  );
}

/** The import dialog, wherever the file came from (报告库, a drop on the window, the desktop menu). */
export function ImportDialog() {
  const pending = useLibrary((s) => s.pending);
  if (!pending) return null;
  // A key per step and file: each step starts with its own defaults.
  return pending.question ? <QuestionStep key={`q${pending.fileName}`} pending={pending} /> : <LabelStep key={`l${pending.fileName}`} pending={pending} />;
}
