import { useEffect, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { useAnnotations } from '../../store/annotations';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import { PRINT_SCOPES } from './printModel';
import { canSavePdf, closePrintDialog, printReport, usePrint } from './printJob';

const p = t.print;

/** 打印… : what goes on paper (全文 or only the marked paragraphs, end notes, cover), then print or save a PDF. */
export function PrintDialog() {
  const open = usePrint((s) => s.dialogOpen);
  return open ? <PrintDialogBox /> : null;
}

function PrintDialogBox() {
  const options = usePrint((s) => s.options);
  const setOptions = usePrint((s) => s.setOptions);
  const doc = useReader((s) => s.doc);
  const list = useAnnotations((s) => s.list);
  const marksFor = useAnnotations((s) => s.versionId);
  const marks = doc && marksFor === doc.version.id ? list.filter((a) => a.anchorStatus !== 'orphaned') : [];
  const noted = marks.filter((a) => a.note.trim()).length;
  // The focus goes back where it was when the dialog closes.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus?.({ preventScroll: true }), [opener]);
  const scope = marks.length === 0 ? 'all' : options.scope;
  const go = (target: 'print' | 'pdf') => {
    setOptions({ scope });
    void printReport(target);
  };
  return (
    <ModalDialog
      title={p.title}
      onClose={closePrintDialog}
      testId="print-dialog"
      actions={
        <>
          <button onClick={closePrintDialog}>{t.cancel}</button>
          {canSavePdf && <button onClick={() => go('pdf')}>{p.savePdf}</button>}
          <button className="primary" onClick={() => go('print')}>
            {p.print}
          </button>
        </>
      }
    >
      <p className="muted">{p.summary(marks.length, noted)}</p>
      <fieldset className="print-options">
        <legend>{p.scope}</legend>
        {PRINT_SCOPES.map((s) => (
          <label key={s} className="inline">
            <input
              type="radio"
              name="print-scope"
              value={s}
              checked={scope === s}
              disabled={s === 'marked' && marks.length === 0}
              onChange={() => setOptions({ scope: s })}
            />
            {p.scopes[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className="print-options">
        <legend>{p.include}</legend>
        <label className="inline">
          <input type="checkbox" checked={options.endNotes} onChange={(e) => setOptions({ endNotes: e.target.checked })} />
          {p.endNotes}
        </label>
        <label className="inline">
          <input type="checkbox" checked={options.cover} onChange={(e) => setOptions({ cover: e.target.checked })} />
          {p.cover.option}
        </label>
      </fieldset>
      <p className="muted print-hint">{canSavePdf ? p.hintDesktop : p.hintBrowser}</p>
    </ModalDialog>
  );
}
