import { useEffect, useRef, useState } from 'react';
import type { AnnotationListItem } from '../../../electron/api/contract';
import { COLORS, noteBusy, useAnnotations } from '../../store/annotations';
import { useReader } from '../../store/reader';
import { useColorLabels } from '../../store/settings';
import { useDrafts } from '../../store/drafts';
import { t } from '../../i18n/zh-CN';
import { Menu } from '../drafts/Menu';
import { draftStartItems } from '../drafts/draftStartItems';

interface Props {
  ref?: React.Ref<HTMLLIElement>;
  /** position in the virtualised list */
  index: number;
  offset: number;
  annotation: AnnotationListItem;
  path: string;
  selected: boolean;
  allTags: string[];
  /** several people's marks are listed (merged bundles): each card names its author */
  showAuthor?: boolean;
}

export function AnnotationCard({ ref, index, offset, annotation: a, path, selected, allTags, showAuthor }: Props) {
  const labels = useColorLabels();
  const kinds = useDrafts((s) => s.kinds);
  const [note, setNote] = useState(a.note);
  const [tagInput, setTagInput] = useState('');
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const focusRequested = useAnnotations((s) => s.noteFocusFor === a.id);
  useEffect(() => {
    if (!focusRequested || !selected) return;
    noteBox.current?.focus();
    useAnnotations.setState({ noteFocusFor: null });
  }, [focusRequested, selected]);
  // The saved note comes back from the server after each save; adopt it only when nothing typed
  // here is still unsaved or on its way (then it is undo, or another window), so typing during a
  // save is never lost.
  useEffect(() => {
    if (!noteBusy(a.id)) setNote(a.note);
  }, [a.id, a.note]);

  const saveNote = () => void useAnnotations.getState().flushNote(a.id);
  // A note is saved within a moment of the last keystroke, not only on blur; a reload or a closed
  // window sends what is still pending (store/annotations), and so does a card scrolled away.
  useEffect(() => {
    const timer = setTimeout(() => void useAnnotations.getState().flushNote(a.id), 700);
    return () => clearTimeout(timer);
  }, [a.id, note]);
  useEffect(() => () => void useAnnotations.getState().flushNote(a.id), [a.id]);

  const addTag = () => {
    const tag = tagInput.trim();
    if (tag && !a.tags.includes(tag)) void useAnnotations.getState().update(a.id, { tags: [...a.tags, tag] });
    setTagInput('');
  };
  const quote = a.targets.map((x) => x.exact).join('');

  return (
    <li
      ref={ref}
      data-index={index}
      style={{ transform: `translateY(${offset}px)` }}
      className={`card${selected ? ' selected' : ''}`}
      data-annotation-id={a.id}
    >
      <button
        className="card-quote"
        onClick={() => {
          useAnnotations.getState().select(a.id);
          if (a.targets[0]) useReader.getState().scrollTo(a.targets[0].blockId);
        }}
      >
        <span className={`dot dot-${a.color}`} title={labels[a.color]} />
        <span className="card-path">
          {path}
          {showAuthor && <span className="card-author">{a.author.trim() || t.annotations.unsigned}</span>}
        </span>
        <span className="card-text">{quote.length > 80 ? quote.slice(0, 80) + '…' : quote}</span>
      </button>
      {a.anchorStatus !== 'unchanged' && <div className={`anchor-status status-${a.anchorStatus}`}>{t.annotations.statusLabels[a.anchorStatus]}</div>}
      {!selected && a.note && <p className="card-note">{a.note}</p>}
      {a.tags.length > 0 && (
        <div className="tags">
          {a.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
              {selected && (
                <button aria-label={`删除标签 ${tag}`} onClick={() => void useAnnotations.getState().update(a.id, { tags: a.tags.filter((x) => x !== tag) })}>
                  ×
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      {selected && (
        <div className="card-edit">
          <div className="color-row" role="radiogroup" aria-label="颜色">
            {COLORS.map((c) => (
              <button
                key={c}
                role="radio"
                aria-checked={a.color === c}
                className={`swatch swatch-${c}${a.color === c ? ' on' : ''}`}
                title={labels[c]}
                onClick={() => void useAnnotations.getState().update(a.id, { color: c })}
              >
                <span>{labels[c]}</span>
              </button>
            ))}
          </div>
          <textarea
            ref={noteBox}
            data-note-for={a.id}
            value={note}
            placeholder={t.annotations.notePlaceholder}
            rows={4}
            onChange={(e) => {
              setNote(e.target.value);
              useAnnotations.getState().typeNote(a.id, e.target.value);
            }}
            onBlur={saveNote}
          />
          <div className="tag-input">
            <input
              list="tag-suggestions"
              value={tagInput}
              placeholder={t.annotations.tagsPlaceholder}
              aria-label={t.annotations.addTag}
              onChange={(e) => setTagInput(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addTag();
                }
              }}
            />
            <datalist id="tag-suggestions">
              {allTags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
          </div>
          <div className="card-actions">
            <button onClick={saveNote}>{t.annotations.saveNote}</button>
            <Menu label={t.toolbar.draft} title={t.toolbar.draftHint} items={draftStartItems(a.targets, kinds)} />
            <button className="danger" onClick={() => void useAnnotations.getState().remove(a.id)}>
              {t.delete}
            </button>
          </div>
          <div className="card-meta">
            {a.author && <span>{a.author} · </span>}
            {new Date(a.updatedAt).toLocaleString('zh-CN')}
          </div>
        </div>
      )}
    </li>
  );
}
