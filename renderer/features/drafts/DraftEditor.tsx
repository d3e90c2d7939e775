import { useEffect, useRef } from 'react';
import type { DraftKindInfo, DraftView } from '../../../electron/api/contract';
import { useDrafts, type DraftStatus, type SaveState } from '../../store/drafts';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import { MarkdownPreview } from './MarkdownPreview';
import { Menu } from './Menu';
import { collectionExports } from './collectionExports';
import { exportAs } from './exportFile';

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

function Issues({ issues, draftId }: { issues: { issue: Issue; level: 'error' | 'warning' | 'info' }[]; draftId: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues">
      {issues.map(({ issue, level }, i) => (
        <li key={i} className={`issue issue-${level}`}>
          {issue.message}
          {issue.fix && (
            <button className="link apply-fix" onClick={() => useDrafts.getState().edit(draftId, { [issue.fix!.field]: issue.fix!.value })}>
              {t.drafts.applyFix}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function FieldControl({ spec, value, draftId, id }: { spec: FieldSpec; value: string; draftId: string; id: string }) {
  const edit = (v: string) => useDrafts.getState().edit(draftId, { [spec.key]: v });
  const flush = () => void useDrafts.getState().flush(draftId);
  if (spec.options && !spec.freeText) {
    return (
      <div className="radio-row" role="radiogroup" aria-labelledby={`${id}-label`}>
        {spec.options.map((o) => (
          <label key={o.value} className="inline">
            <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => edit(o.value)} onBlur={flush} />
            {o.label}
          </label>
        ))}
      </div>
    );
  }
  if (spec.multiline) {
    const rows = Math.min(14, Math.max(spec.key === 'contact' ? 2 : 3, value.split('\n').length + Math.ceil(value.length / 24)));
    return (
      <textarea id={id} data-field={spec.key} rows={rows} value={value} placeholder={spec.placeholder} onChange={(e) => edit(e.target.value)} onBlur={flush} />
    );
  }
  return (
    <>
      <input
        id={id}
        data-field={spec.key}
        value={value}
        placeholder={spec.placeholder}
        list={spec.options ? `${id}-options` : undefined}
        onChange={(e) => edit(e.target.value)}
        onBlur={flush}
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

/** One draft's form, built from the kind's field specs, with its issues, preview and exports. */
export function DraftEditor({ draft }: { draft: DraftView }) {
  const kinds = useDrafts((s) => s.kinds);
  const save = useDrafts((s) => s.save[draft.id] ?? 'saved');
  const doc = useReader((s) => s.doc);
  const kind = kinds.find((k) => k.kind === draft.kind);
  const fields = draft.fields as unknown as Record<string, string>;
  const form = useRef<HTMLFormElement>(null);

  // Opening a draft puts the cursor where the user writes next: 修改为 for an amendment, else the first empty field.
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const target =
      (draft.kind === 'amendment' ? el.querySelector<HTMLTextAreaElement>('[data-field="proposed"]') : null) ??
      [...el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')].find((x) => !x.value) ??
      null;
    if (target) {
      target.focus();
      target.setSelectionRange(target.value.length, target.value.length);
    }
    // Only when another draft is opened, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.id, kind === undefined]);

  if (!kind) return <p className="muted">{t.loading}</p>;

  const v = draft.validation;
  const issuesFor = (key: string) => [
    ...v.errors.filter((i) => i.field === key).map((issue) => ({ issue, level: 'error' as const })),
    ...v.warnings.filter((i) => i.field === key).map((issue) => ({ issue, level: 'warning' as const })),
    // A hint about an empty field repeats the field's own guidance; show hints once there is text.
    ...(fields[key]?.trim() ? v.infos.filter((i) => i.field === key).map((issue) => ({ issue, level: 'info' as const })) : []),
  ];
  const shownKeys = new Set<string>(kind.fields.map((f) => f.key));
  const general = [...v.errors, ...v.warnings].filter((i) => !shownKeys.has(i.field));
  const target = draft.targets[0];
  const onThisVersion = target && doc?.version.id === draft.versionId;
  const lastLengthField = kind.length?.fields.at(-1);
  const hidden = (key: string) => draft.kind === 'amendment' && key === 'proposed' && fields.op === 'delete';
  const args = { what: 'draft' as const, reportId: draft.reportId, draftId: draft.id };

  return (
    <section className="panel draft-editor" aria-label={kind.name} data-draft-id={draft.id}>
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
          <select
            aria-label={t.drafts.status}
            value={draft.status}
            onChange={(e) => void useDrafts.getState().setStatus(draft.id, e.target.value as DraftStatus)}
          >
            {(['draft', 'final', 'submitted'] as const).map((s) => (
              <option key={s} value={s}>
                {t.drafts.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <button className="danger delete-draft" onClick={() => void useDrafts.getState().remove(draft.id)}>
          {t.delete}
        </button>
      </div>

      {target && (
        <div className="draft-passage">
          <span className="card-path">
            {t.drafts.passage}：{target.path || t.drafts.noTarget}
          </span>
          {onThisVersion && (
            <button className="link" onClick={() => useReader.getState().scrollTo(target.blockId)}>
              {t.drafts.goToPassage}
            </button>
          )}
        </div>
      )}

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
              <FieldControl spec={spec} value={value} draftId={draft.id} id={id} />
              {spec.hint && <p className="field-hint muted">{spec.hint}</p>}
              {spec.key === lastLengthField && <LengthGuide kind={kind} fields={fields} />}
              <Issues issues={issuesFor(spec.key)} draftId={draft.id} />
            </div>
          );
        })}
        {general.length > 0 && (
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
        <button onClick={() => void exportAs('docx', args)}>Word</button>
        <button onClick={() => void exportAs('markdown', args)}>Markdown</button>
        <Menu label={t.drafts.exportAll} items={collectionExports(draft.reportId, doc?.report.id === draft.reportId ? doc.version.id : undefined)} />
        {v.errors.length > 0 && <span className="issue-warning export-note">{t.drafts.exportHasErrors(v.errors.length)}</span>}
      </div>

      <details className="draft-preview" open>
        <summary>{t.drafts.preview}</summary>
        <MarkdownPreview markdown={draft.preview} />
      </details>
    </section>
  );
}
