import { useEffect, useRef, useState } from 'react';
import type { DraftKindInfo, DraftView } from '../../../electron/api/contract';
import { useDrafts, type DraftStatus, type SaveState } from '../../store/drafts';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import { ModalDialog } from '../../components/ModalDialog';
import { MarkdownPreview } from './MarkdownPreview';
import { Menu } from './Menu';
import { collectionExports } from './collectionExports';
import { exportAs } from './exportFile';
import { PassageChips } from './PassageChips';

type FieldSpec = DraftKindInfo['fields'][number];
type Issue = DraftView['validation']['errors'][number];

/** Characters as the receiving offices count them: whitespace excluded, one per code point. */
export function countChars(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

const SAVE_TEXT: Record<SaveState, string> = {
  dirty: t.drafts.saving,
  saving: t.drafts.saving,
  saved: t.drafts.saved,
  error: t.drafts.saveFailed,
};

function Issues({ issues, draftId, locked = false }: { issues: { issue: Issue; level: 'error' | 'warning' | 'info' }[]; draftId: string; locked?: boolean }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues">
      {issues.map(({ issue, level }, i) => (
        <li key={i} className={`issue issue-${level}`}>
          {issue.message}
          {issue.fix && !locked && (
            <button className="link apply-fix" onClick={() => useDrafts.getState().edit(draftId, { [issue.fix!.field]: issue.fix!.value })}>
              {t.drafts.applyFix}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

interface FieldControlProps {
  spec: FieldSpec;
  value: string;
  draftId: string;
  id: string;
  /** 已提交: shown, not editable */
  locked: boolean;
  /** the user left the field: its problems may be shown now */
  onLeave: () => void;
}

function FieldControl({ spec, value, draftId, id, locked, onLeave }: FieldControlProps) {
  const edit = (v: string) => useDrafts.getState().edit(draftId, { [spec.key]: v });
  const leave = () => {
    onLeave();
    void useDrafts.getState().flush(draftId);
  };
  if (spec.options && !spec.freeText) {
    return (
      <div className="radio-row" role="radiogroup" aria-labelledby={`${id}-label`}>
        {spec.options.map((o) => (
          <label key={o.value} className="inline">
            <input type="radio" name={id} value={o.value} checked={value === o.value} disabled={locked} onChange={() => edit(o.value)} onBlur={leave} />
            {o.label}
          </label>
        ))}
      </div>
    );
  }
  if (spec.multiline) {
    const rows = Math.min(14, Math.max(3, value.split('\n').length + Math.ceil(value.length / 24)));
    return (
      <textarea
        id={id}
        data-field={spec.key}
        rows={rows}
        value={value}
        placeholder={locked ? undefined : spec.placeholder}
        readOnly={locked}
        onChange={(e) => edit(e.target.value)}
        onBlur={leave}
      />
    );
  }
  return (
    <>
      <input
        id={id}
        data-field={spec.key}
        value={value}
        placeholder={locked ? undefined : spec.placeholder}
        readOnly={locked}
        list={spec.options && !locked ? `${id}-options` : undefined}
        onChange={(e) => edit(e.target.value)}
        onBlur={leave}
      />
      {spec.options && (
        <datalist id={`${id}-options`}>
          {spec.options.map((o) => (
            <option key={o.value} value={o.value} />
          ))}
        </datalist>
      )}
    </>
  );
}

function LengthGuide({ kind, fields }: { kind: DraftKindInfo; fields: Record<string, string> }) {
  const g = kind.length;
  if (!g) return null;
  const n = g.fields.reduce((sum, k) => sum + countChars(fields[k] ?? ''), 0);
  const over = g.max !== undefined && n > g.max;
  const under = g.min !== undefined && n > 0 && n < g.min;
  const text = over
    ? t.drafts.lengthMax(n, g.max!)
    : under
      ? t.drafts.lengthMin(n, g.min!)
      : [t.drafts.chars(n), g.usual ? t.drafts.lengthUsual(g.usual) : ''].filter(Boolean).join(' · ');
  return <p className={`length-guide${over || under ? ' issue-warning' : ''}`}>{text}</p>;
}

/** 提出人: the draft's author, saved when the box is left (or Enter). */
function AuthorField({ draft, locked }: { draft: DraftView; locked: boolean }) {
  const [value, setValue] = useState(draft.author);
  // another save (an undo, signing earlier work) changes it from outside
  useEffect(() => setValue(draft.author), [draft.author]);
  const commit = () => {
    if (value.trim() !== draft.author) void useDrafts.getState().setAuthor(draft.id, value);
  };
  return (
    <label className="inline draft-author" title={t.authorship.authorHint}>
      {t.authorship.author}
      <input
        aria-label={t.authorship.author}
        value={value}
        readOnly={locked}
        size={8}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}

/** One draft's form, built from the kind's field specs, with its issues, preview and exports. */
export function DraftEditor({ draft }: { draft: DraftView }) {
  const kinds = useDrafts((s) => s.kinds);
  const save = useDrafts((s) => s.save[draft.id] ?? 'saved');
  const doc = useReader((s) => s.doc);
  const kind = kinds.find((k) => k.kind === draft.kind);
  const fields = draft.fields as unknown as Record<string, string>;
  const form = useRef<HTMLFormElement>(null);
  const locked = draft.status === 'submitted';
  // A fresh form shows no problems before the user has done anything: a field's appear once it
  // was left, all of them once the draft is marked 定稿/已提交 or exported. A draft that already
  // holds the user's words shows them at once.
  const [left, setLeft] = useState<{ id: string; keys: Set<string>; all: boolean }>(() => ({ id: draft.id, keys: new Set(), all: draft.hasContent }));
  const shown = left.id === draft.id ? left : { id: draft.id, keys: new Set<string>(), all: draft.hasContent };
  if (left.id !== draft.id) setLeft(shown);
  // The field the editor put the cursor in was not chosen by the user: leaving it untouched is not a mistake.
  const autoFocused = useRef<{ key: string; value: string } | null>(null);
  const leaveField = (key: string) => {
    const auto = autoFocused.current;
    if (auto?.key === key) {
      autoFocused.current = null;
      if ((fields[key] ?? '') === auto.value) return;
    }
    if (!shown.keys.has(key)) setLeft({ ...shown, keys: new Set([...shown.keys, key]) });
  };
  const showAll = () => !shown.all && setLeft({ ...shown, all: true });
  const [confirming, setConfirming] = useState(false);

  // Opening a draft puts the cursor where the user writes next: 修改为 for an amendment, else the first empty field.
  useEffect(() => {
    const el = form.current;
    if (!el || locked) return;
    const target =
      (draft.kind === 'amendment' ? el.querySelector<HTMLTextAreaElement>('[data-field="proposed"]') : null) ??
      [...el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')].find((x) => !x.value) ??
      null;
    autoFocused.current = null;
    if (target) {
      target.focus();
      target.setSelectionRange(target.value.length, target.value.length);
      autoFocused.current = { key: target.dataset.field ?? '', value: target.value };
    }
    // Only when another draft is opened, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.id, kind === undefined]);

  if (!kind) return <p className="muted">{t.loading}</p>;

  const v = draft.validation;
  const visible = (key: string) => shown.all || shown.keys.has(key);
  const issuesFor = (key: string) =>
    visible(key)
      ? [
          ...v.errors.filter((i) => i.field === key).map((issue) => ({ issue, level: 'error' as const })),
          ...v.warnings.filter((i) => i.field === key).map((issue) => ({ issue, level: 'warning' as const })),
          // A hint about an empty field repeats the field's own guidance; show hints once there is text.
          ...(fields[key]?.trim() ? v.infos.filter((i) => i.field === key).map((issue) => ({ issue, level: 'info' as const })) : []),
        ]
      : [];
  const shownKeys = new Set<string>(kind.fields.map((f) => f.key));
  const general = shown.all ? [...v.errors, ...v.warnings].filter((i) => !shownKeys.has(i.field)) : [];
  const lastLengthField = kind.length?.fields.at(-1);
  const hidden = (key: string) => draft.kind === 'amendment' && key === 'proposed' && fields.op === 'delete';
  const args = { what: 'draft' as const, reportId: draft.reportId, draftId: draft.id };
  const label = draft.label || kind.name;

  const remove = async () => {
    // what was just typed counts: send it, then ask only if the draft holds the user's words
    await useDrafts.getState().flush(draft.id);
    const fresh = useDrafts.getState().list.find((d) => d.id === draft.id) ?? draft;
    if (fresh.hasContent) setConfirming(true);
    else void useDrafts.getState().remove(draft.id);
  };
  const setStatus = (status: DraftStatus) => {
    if (status !== 'draft') showAll();
    void useDrafts.getState().setStatus(draft.id, status);
  };
  const exportThis = (format: 'docx' | 'markdown') => {
    showAll();
    void exportAs(format, args);
  };

  return (
    <section className={`panel draft-editor${locked ? ' draft-locked' : ''}`} aria-label={kind.name} data-draft-id={draft.id}>
      <header className="draft-editor-head">
        <button
          className="link"
          onClick={() =>
            void useDrafts
              .getState()
              .flush(draft.id)
              .then(() => useDrafts.getState().open(null))
          }
        >
          ← {t.drafts.back}
        </button>
        <strong>{kind.name}</strong>
        <span className={`save-state save-${save}`} role="status" aria-live="polite">
          {SAVE_TEXT[save]}
        </span>
      </header>

      <div className="draft-editor-meta">
        <label className="inline">
          {t.drafts.status}
          <select aria-label={t.drafts.status} value={draft.status} disabled={locked} onChange={(e) => setStatus(e.target.value as DraftStatus)}>
            {(['draft', 'final', 'submitted'] as const).map((s) => (
              <option key={s} value={s}>
                {t.drafts.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <AuthorField draft={draft} locked={locked} />
        <button className="danger delete-draft" onClick={() => void remove()}>
          {t.delete}
        </button>
      </div>

      {locked && (
        <div className="draft-locked-note" role="note">
          <span>{t.authorship.submittedNote}</span>
          <button className="primary" onClick={() => void useDrafts.getState().setStatus(draft.id, 'draft')}>
            {t.authorship.reopen}
          </button>
        </div>
      )}

      <PassageChips draft={draft} locked={locked} />

      <form ref={form} className="draft-form" onSubmit={(e) => e.preventDefault()}>
        {kind.fields.map((spec) => {
          if (hidden(spec.key)) return null;
          const id = `draft-${draft.id}-${spec.key}`;
          const value = fields[spec.key] ?? '';
          return (
            <div key={spec.key} className={`draft-field field-${spec.key}`}>
              <div className="field-label-row">
                <label id={`${id}-label`} htmlFor={id}>
                  {spec.label}
                  {spec.required && (
                    <span className="required" aria-label="必填">
                      *
                    </span>
                  )}
                </label>
                {spec.multiline && value && <span className="muted char-count">{t.drafts.chars(countChars(value))}</span>}
              </div>
              <FieldControl spec={spec} value={value} draftId={draft.id} id={id} locked={locked} onLeave={() => leaveField(spec.key)} />
              {spec.hint && !locked && <p className="field-hint muted">{spec.hint}</p>}
              {spec.key === lastLengthField && <LengthGuide kind={kind} fields={fields} />}
              {!locked && <Issues issues={issuesFor(spec.key)} draftId={draft.id} locked={locked} />}
            </div>
          );
        })}
        {general.length > 0 && !locked && (
          <Issues issues={general.map((issue) => ({ issue, level: v.errors.includes(issue) ? 'error' : 'warning' }))} draftId={draft.id} />
        )}
      </form>

      {draft.kind === 'amendment' && (
        <div className="draft-wording">
          <span className="muted">{t.drafts.wording}</span>
          <p>{draft.wording}</p>
        </div>
      )}

      <div className="draft-exports">
        <span className="muted">{t.drafts.exportThis}</span>
        <button onClick={() => exportThis('docx')}>Word</button>
        <button onClick={() => exportThis('markdown')}>Markdown</button>
        <Menu label={t.drafts.exportAll} items={collectionExports(draft.reportId, doc?.report.id === draft.reportId ? doc.version.id : undefined)} />
        {v.errors.length > 0 && (shown.all || shown.keys.size > 0) && (
          <span className="issue-warning export-note">{t.drafts.exportHasErrors(v.errors.length)}</span>
        )}
      </div>

      <details className="draft-preview" open>
        <summary>{t.drafts.preview}</summary>
        <MarkdownPreview markdown={draft.preview} />
      </details>

      {confirming && (
        <ModalDialog
          title={t.authorship.deleteTitle}
          onClose={() => setConfirming(false)}
          testId="confirm-delete-draft"
          actions={
            <>
              <button onClick={() => setConfirming(false)}>{t.cancel}</button>
              <button
                className="primary danger-fill"
                onClick={() => {
                  setConfirming(false);
                  void useDrafts.getState().remove(draft.id);
                }}
              >
                {t.authorship.deleteConfirm}
              </button>
            </>
          }
        >
          <p>{t.authorship.deleteBody(label)}</p>
        </ModalDialog>
      )}
    </section>
  );
}
