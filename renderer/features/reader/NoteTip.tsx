/**
 * The note of a highlight, shown over the text when the pointer rests on it or when Alt+←/→
 * reaches it from the keyboard: note, author and colour name, as plain text. One tooltip for the
 * whole reader, fed by one delegated pointer handler on the reader (no listener per mark: the
 * reader is virtualised and a secretariat may hold 50,000 marks).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { AnnotationListItem } from '../../../electron/api/contract';
import { useAnnotations, type BlockMarks } from '../../store/annotations';
import { useColorLabels } from '../../store/settings';
import { t } from '../../i18n/zh-CN';
import { usePlacement, type Anchor } from './popover';
import { offsetAtPoint } from './pointOffset';

export const NOTE_TIP_ID = 'note-tip';
/** A resting pointer, not one passing over the text on its way elsewhere. */
const SHOW_DELAY_MS = 250;
/** Notes shown at once; a run under many notes says how many more there are. */
const MAX_NOTES = 3;
/** A tooltip is a glance: the whole note is in the 批注 panel. */
const NOTE_CHARS = 400;

interface Tip {
  /** marks with a note under the pointer (or the one reached by keyboard) */
  ids: string[];
  blockId: string;
  via: 'pointer' | 'keyboard';
  /** where the pointer found the highlight; a keyboard tip looks for its highlight once painted */
  rect: Anchor | null;
}

interface NoteTipState {
  tip: Tip | null;
  show(tip: Tip): void;
  hide(via?: Tip['via']): void;
}

export const useNoteTip = create<NoteTipState>()((set, get) => ({
  tip: null,
  show: (tip) => set({ tip }),
  hide: (via) => {
    if (get().tip && (!via || get().tip?.via === via)) set({ tip: null });
  },
}));

/** Alt+←/→ reached a mark: its note is shown beside it (nothing when it has none). */
export function announceMark(a: AnnotationListItem): void {
  const blockId = a.targets[0]?.blockId;
  if (a.note.trim() && blockId) useNoteTip.getState().show({ ids: [a.id], blockId, via: 'keyboard', rect: null });
  else useNoteTip.getState().hide();
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Pointer handlers for the reader's scrolling element. `marks` is what is painted (the reader's
 * byBlock), so the tooltip only ever names marks the reader shows.
 */
export function useNoteHover(marks: () => BlockMarks, paused: boolean) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const frame = useRef(0);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      cancelAnimationFrame(frame.current);
    },
    [],
  );

  const at = (target: EventTarget | null, x: number, y: number) => {
    const run = target instanceof Element ? target.closest<HTMLElement>('span[data-annotations]') : null;
    const text = run?.closest<HTMLElement>('[data-block-text]');
    if (!run || !text) return null;
    const blockId = text.dataset.blockText ?? '';
    const here = offsetAtPoint(text, x, y);
    const touching = new Set(run.dataset.annotations?.split(' '));
    // A painted run may stand for several marks: the character under the pointer says which.
    const ids = (marks().get(blockId) ?? [])
      .filter((m) => touching.has(m.annotation.id) && m.annotation.note.trim() && (here === null || (m.target.start <= here && here < m.target.end)))
      .map((m) => m.annotation.id);
    const r = run.getBoundingClientRect();
    return { ids: [...new Set(ids)], blockId, rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
  };

  const onMouseMove = (e: React.MouseEvent) => {
    if (paused || e.buttons) return;
    const { target, clientX, clientY } = e;
    cancelAnimationFrame(frame.current);
    // once a frame at most: caretRangeFromPoint is not free
    frame.current = requestAnimationFrame(() => {
      const found = at(target, clientX, clientY);
      const { tip, show, hide } = useNoteTip.getState();
      if (!found || found.ids.length === 0) {
        clearTimeout(timer.current);
        timer.current = undefined;
        hide('pointer');
        return;
      }
      if (tip?.via === 'pointer' && tip.blockId === found.blockId && sameIds(tip.ids, found.ids)) return;
      const next = { ...found, via: 'pointer' as const };
      clearTimeout(timer.current);
      // moving from one note to the next needs no second wait
      if (tip) show(next);
      else timer.current = setTimeout(() => show(next), SHOW_DELAY_MS);
    });
  };

  const onMouseLeave = () => {
    cancelAnimationFrame(frame.current);
    clearTimeout(timer.current);
    useNoteTip.getState().hide('pointer');
  };

  return { onMouseMove, onMouseLeave };
}

/** The painted highlight of a mark, once its paragraph is on screen. */
function findRun(blockId: string, id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-block-text="${CSS.escape(blockId)}"] span[data-annotations~="${CSS.escape(id)}"]`);
}

export function NoteTip() {
  const tip = useNoteTip((s) => s.tip);
  const byBlock = useAnnotations((s) => s.byBlock);
  const [rect, setRect] = useState<Anchor | null>(null);

  // A keyboard tip waits for its paragraph to be scrolled to and painted, then follows the text
  // as it moves (hidden while its highlight is off screen: the reader is virtualised). A pointer
  // tip closes when the text moves instead (the pointer is no longer on it).
  useLayoutEffect(() => {
    if (!tip) return setRect(null);
    if (tip.rect) return setRect(tip.rect);
    let raf = 0;
    const measure = () => {
      const r = findRun(tip.blockId, tip.ids[0])?.getBoundingClientRect();
      setRect((prev) =>
        !r
          ? null
          : prev && prev.top === r.top && prev.left === r.left && prev.bottom === r.bottom
            ? prev
            : { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
      );
    };
    // a few frames after opening and after each scroll: the rows are painted a moment after the move
    const follow = () => {
      cancelAnimationFrame(raf);
      let frames = 0;
      const step = () => {
        measure();
        if (++frames < 20) raf = requestAnimationFrame(step);
      };
      step();
    };
    follow();
    const onScroll = (e: Event) => {
      if (e.target instanceof Element && e.target.classList.contains('reader-scroll')) follow();
    };
    window.addEventListener('scroll', onScroll, true);
    return () => {
      cancelAnimationFrame(raf);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [tip]);

  // Closed by Escape, a press anywhere, leaving the window; a pointer tip also when the text scrolls.
  useEffect(() => {
    if (!tip) return;
    const hide = () => useNoteTip.getState().hide();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && hide();
    const onScroll = (e: Event) => {
      if (tip.via === 'pointer' && e.target instanceof Element && e.target.classList.contains('reader-scroll')) hide();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', hide, true);
    window.addEventListener('blur', hide);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', hide, true);
      window.removeEventListener('blur', hide);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [tip]);

  // The paragraph (the focusable element) and the highlight are described by the tooltip.
  useEffect(() => {
    if (!tip || !rect) return;
    const described = [document.querySelector(`[data-block-text="${CSS.escape(tip.blockId)}"]`), findRun(tip.blockId, tip.ids[0])].filter(
      (el): el is Element => !!el && !el.hasAttribute('aria-describedby'),
    );
    for (const el of described) el.setAttribute('aria-describedby', NOTE_TIP_ID);
    return () => described.forEach((el) => el.getAttribute('aria-describedby') === NOTE_TIP_ID && el.removeAttribute('aria-describedby'));
  }, [tip, rect]);

  if (!tip || !rect) return null;
  const marks = byBlock.get(tip.blockId) ?? [];
  const notes = tip.ids.map((id) => marks.find((m) => m.annotation.id === id)?.annotation).filter((a): a is AnnotationListItem => !!a && !!a.note.trim());
  if (notes.length === 0) return null;
  return <NoteTipBox anchor={rect} notes={notes} live={tip.via === 'keyboard'} />;
}

function NoteTipBox({ anchor, notes, live }: { anchor: Anchor; notes: AnnotationListItem[]; live: boolean }) {
  const labels = useColorLabels();
  const box = useRef<HTMLDivElement>(null);
  const { style } = usePlacement(box, anchor, { prefer: 'above', align: 'start' });
  return (
    // Reached by keyboard the focus stays where it was, so the note is read out as it appears.
    <div ref={box} id={NOTE_TIP_ID} role="tooltip" className="note-tip" style={style} aria-live={live ? 'polite' : undefined}>
      {notes.slice(0, MAX_NOTES).map((a) => (
        <div key={a.id} className="note-tip-item" data-note-tip-for={a.id}>
          <div className="note-tip-by">
            <span className={`dot dot-${a.color}`} aria-hidden="true" />
            {t.hover.byline(a.author.trim(), labels[a.color])}
          </div>
          {/* React text, never HTML: a note is whatever its author (or a bundle) typed */}
          <p className="note-tip-text">{a.note.length > NOTE_CHARS ? a.note.slice(0, NOTE_CHARS) + '…' : a.note}</p>
        </div>
      ))}
      {notes.length > MAX_NOTES && <div className="note-tip-more">{t.hover.more(notes.length - MAX_NOTES)}</div>}
    </div>
  );
}
