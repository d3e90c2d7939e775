import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import type { TargetPosition } from '../../../electron/api/contract';
import { COLORS, useAnnotations, type Color } from '../../store/annotations';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { useColorLabels } from '../../store/settings';
import { useDrafts } from '../../store/drafts';
import { useRevisions } from '../../store/revisions';
import { t } from '../../i18n/zh-CN';
import { citationFor, copyText } from './citation';
import { readerScroller, useDismiss, usePlacement } from './popover';
import { isEditing } from '../../components/isEditing';
import { Menu } from '../drafts/Menu';
import { draftStartItems } from '../drafts/draftStartItems';

interface Props {
  targets: TargetPosition[];
  rect: DOMRect;
  /** the toolbar's work is done (or it was dismissed): close it */
  onDone(): void;
  /** Escape: drop the selection, close, and put the focus back in the text */
  onCancel(): void;
  /** a selection key pressed while the toolbar has the focus (Enter, Shift+←/→ …); true when it was used */
  onSelectionKey(key: string, shift: boolean, ctrl: boolean): boolean;
  /** puts the focus back in the paragraph the selection is in */
  focusText(): void;
}

/**
 * The small toolbar over a selection: highlight in a named colour, note, cite, draft. It takes the
 * focus when it opens (keyboard users reach it at once, not after every paragraph in the Tab
 * order); 1–6 pick a colour and N starts a note while it is open; Escape returns to the text.
 */
export function SelectionToolbar({ targets, rect, onDone, onCancel, onSelectionKey, focusText }: Props) {
  const labels = useColorLabels();
  const doc = useReader((s) => s.doc);
  const reattaching = useRevisions((s) => s.reattaching !== null);
  const linking = useDrafts((s) => s.linking !== null);
  const kinds = useDrafts((s) => s.kinds);
  const blocksById = useMemo(() => new Map((doc?.blocks ?? []).map((b) => [b.id, b])), [doc]);
  const box = useRef<HTMLDivElement>(null);
  const { style, placed } = usePlacement(box, rect, { prefer: 'above', align: 'center' });
  useDismiss(box, onDone, onCancel, readerScroller);

  // Focus on opening only: a selection widened with Shift+→ keeps the toolbar (and the focus) where it is.
  const giveBackFocus = useEffectEvent(() => {
    // Closed by a colour or a shortcut: the focus would fall to the page; give it back to the text.
    if (!document.activeElement || document.activeElement === document.body) focusText();
  });
  useEffect(() => {
    if (placed) box.current?.focus({ preventScroll: true });
  }, [placed]);
  useEffect(() => () => giveBackFocus(), []);

  // One mark per selection, however fast a key is pressed twice.
  const busy = useRef(false);
  const highlight = async (color: Color, focusNote = false) => {
    if (busy.current) return;
    busy.current = true;
    const a = await useAnnotations.getState().create({ color, targets });
    window.getSelection()?.removeAllRanges();
    onDone();
    if (a) {
      useAnnotations.getState().select(a.id);
      useUi.getState().setSideTab('annotations');
      // The card may mount a moment later (the list is virtualised): it takes the focus itself.
      if (focusNote) useAnnotations.getState().editNote(a.id);
    }
  };
  // 1–6 and N while there is a selection, wherever the focus is (but not while typing).
  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isEditing(e.target)) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= COLORS.length) {
      e.preventDefault();
      void highlight(COLORS[n - 1]);
    } else if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      void highlight('yellow', true);
    }
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onShortcut(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
      return;
    }
    // Selection keys keep working while the toolbar has the focus (Enter only on the toolbar itself, not on a button).
    if ((e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) || (e.key === 'Enter' && e.target === box.current)) {
      if (onSelectionKey(e.key, e.shiftKey, ctrl)) e.preventDefault();
      return;
    }
    // ←/→ move between the buttons (the toolbar pattern); Home/End to the ends.
    const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % buttons.length
        : e.key === 'ArrowLeft'
          ? i <= 0
            ? buttons.length - 1
            : i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -1;
    if (to >= 0 && !e.shiftKey && !ctrl && !e.altKey) {
      e.preventDefault();
      buttons[to]?.focus();
    }
  };

  return (
    <div
      ref={box}
      className="selection-toolbar"
      style={style}
      role="toolbar"
      tabIndex={-1}
      aria-label={t.toolbar.highlight}
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {reattaching && (
        // 重新定位 mode (versions): attach the orphan being re-positioned to this selection.
        <button
          className="primary"
          onClick={() =>
            void useRevisions
              .getState()
              .attachSelection()
              .then((ok) => ok && onDone())
          }
        >
          {t.revisions.attach}
        </button>
      )}
      {COLORS.map((c, i) => (
        <button
          key={c}
          className={`swatch swatch-${c}`}
          title={t.reader.shortcutKeys.colorTitle(labels[c], i + 1)}
          aria-label={`${t.toolbar.highlight}：${labels[c]}`}
          aria-keyshortcuts={String(i + 1)}
          onClick={() => void highlight(c)}
        >
          <span>{labels[c]}</span>
          <kbd className="key-hint" aria-hidden="true">
            {i + 1}
          </kbd>
        </button>
      ))}
      <span className="sep" />
      <button onClick={() => void highlight('yellow', true)} title={t.reader.shortcutKeys.noteTitle} aria-keyshortcuts="N">
        {t.toolbar.note}
        <kbd className="key-hint" aria-hidden="true">
          N
        </kbd>
      </button>
      <button
        onClick={() => {
          void copyText(citationFor(doc?.citationTitle || doc?.report.title || '政府工作报告', targets, blocksById));
          useUi.getState().toast('info', t.reader.citationCopied);
          onDone();
        }}
      >
        {t.toolbar.copyCitation}
      </button>
      {linking ? (
        // 关联其他段落 (a draft's passages): link this selection to the draft being edited.
        <button
          className="primary"
          onClick={() =>
            void useDrafts
              .getState()
              .linkPassage(targets)
              .then((ok) => {
                if (!ok) return;
                window.getSelection()?.removeAllRanges();
                onDone();
              })
          }
        >
          {t.drafts.passages.attach}
        </button>
      ) : (
        <Menu
          label={t.toolbar.draft}
          title={t.toolbar.draftHint}
          items={draftStartItems(targets, kinds, () => {
            window.getSelection()?.removeAllRanges();
            onDone();
          })}
        />
      )}
    </div>
  );
}
