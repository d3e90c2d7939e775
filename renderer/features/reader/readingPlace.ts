import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useReader, type ReadingPlace } from '../../store/reader';

/** A restore gives up after this many frames even if the layout never settles (a paragraph at the very end). */
const MAX_FRAMES = 90;

interface Options {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  versionId: string | null;
  /** block ids in list order */
  blockIds: string[];
  /** anything that changes the rows' heights without changing the column's width (font size, line spacing …) */
  layoutKey: string;
}

/**
 * Keeps the reader's place — the paragraph at the top of the text and how far into it — across
 * everything that changes the rows' heights (font size, line spacing, 大字模式, the column's width)
 * and across reloads (kept per version in the persisted reader store).
 *
 * The list is virtualised: after a layout change the rows above the viewport are estimates until
 * they are painted, so the scroll position is not kept as pixels but recomputed from the paragraph
 * for a few frames, until that paragraph's row is measured and stays put. The user's own scrolling
 * (wheel, keys, touch, a click) ends a restore at once.
 */
export function useReadingPlace({ virtualizer, scrollRef, versionId, blockIds, layoutKey }: Options) {
  const place = useRef<ReadingPlace | null>(null);
  const frame = useRef<number | null>(null);
  const indexById = useMemo(() => new Map(blockIds.map((id, i) => [id, i])), [blockIds]);
  const version = useRef(versionId);
  useLayoutEffect(() => {
    version.current = versionId;
  }, [versionId]);

  // Saving is throttled (scroll events come every frame); a page being closed saves at once.
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveNow = useCallback((versionId = version.current) => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    if (versionId && place.current) useReader.getState().setPlace(versionId, place.current);
  }, []);
  const saveSoon = useCallback(() => {
    if (!saveTimer.current) saveTimer.current = setTimeout(() => saveNow(), 250);
  }, [saveNow]);

  const stop = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
  }, []);

  /** Reads the place from the scroll position (not while a restore is moving it). */
  const capture = useCallback(() => {
    const el = scrollRef.current;
    if (!el || frame.current !== null || blockIds.length === 0) return;
    const item = virtualizer.getVirtualItemForOffset(el.scrollTop);
    if (!item) return;
    const id = blockIds[item.index];
    if (id === undefined) return;
    place.current = { blockId: id, fraction: item.size > 0 ? Math.min(1, Math.max(0, (el.scrollTop - item.start) / item.size)) : 0 };
    saveSoon();
  }, [scrollRef, virtualizer, blockIds, saveSoon]);

  /** Re-measures the painted rows: after a layout change a row whose height did not change is never re-observed. */
  const remeasure = useCallback(() => {
    virtualizer.elementsCache.forEach((el) => {
      if (!el.isConnected) return;
      const index = virtualizer.indexFromElement(el);
      if (index >= 0) virtualizer.resizeItem(index, Math.round(el.getBoundingClientRect().height));
    });
  }, [virtualizer]);

  const restore = useCallback(
    (target: ReadingPlace) => {
      stop();
      const index = indexById.get(target.blockId);
      if (index === undefined) return;
      place.current = target;
      let stable = 0;
      let frames = 0;
      const tick = (first: boolean) => {
        const el = scrollRef.current;
        if (!el) return stop();
        if (!first) remeasure();
        virtualizer.getTotalSize(); // brings the measurements up to date
        const item = virtualizer.measurementsCache[index];
        if (!item) return stop();
        const want = virtualizer.getOffsetForAlignment(item.start + target.fraction * item.size, 'start');
        if (Math.abs(el.scrollTop - want) > 1) {
          virtualizer.scrollToOffset(want);
          stable = 0;
        } else if (virtualizer.itemSizeCache.has(item.key)) stable++;
        if (stable >= 2 || ++frames > MAX_FRAMES) {
          stop();
          return;
        }
        frame.current = requestAnimationFrame(() => tick(false));
      };
      frame.current = -1; // restoring: scroll events from our own writes are not the reader's
      tick(true);
    },
    [scrollRef, virtualizer, indexById, stop, remeasure],
  );

  // The reader scrolls: remember where. Their own input ends a restore in progress.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const userMoves = () => {
      if (frame.current === null) return;
      stop();
    };
    const onScroll = () => capture();
    el.addEventListener('scroll', onScroll, { passive: true });
    for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const) el.addEventListener(type, userMoves, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const) el.removeEventListener(type, userMoves);
    };
  }, [scrollRef, capture, stop]);

  // The reader shown (a start, a reload, back from another view): where reading stopped in this
  // version. Another version of the report: the same paragraph if it is still there (ids are
  // stable across versions), else where reading stopped in that version, else its beginning.
  useLayoutEffect(() => {
    if (!versionId) return;
    const saved = useReader.getState().places[versionId];
    const current = place.current;
    if (current && indexById.has(current.blockId)) restore(current);
    else if (saved && indexById.has(saved.blockId)) restore(saved);
    else {
      place.current = null;
      virtualizer.scrollToOffset(0);
    }
    return () => {
      saveNow(versionId);
      stop();
    };
  }, [versionId, virtualizer, indexById, restore, saveNow, stop]);

  // Font size or line spacing: every row changes height; the place stays.
  const lastLayout = useRef(layoutKey);
  useLayoutEffect(() => {
    if (lastLayout.current === layoutKey) return;
    lastLayout.current = layoutKey;
    const target = place.current;
    virtualizer.measure();
    if (target) restore(target);
  }, [layoutKey, virtualizer, restore]);

  // The column's width (大字模式, window size, a wider side panel): the same.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      const target = place.current;
      virtualizer.measure();
      if (target) restore(target);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollRef, virtualizer, restore]);

  // A reload or a closed window keeps the place (and which version was open) even within the
  // save throttle.
  useEffect(() => {
    const onHide = () => {
      saveNow();
      useReader.getState().rememberNow();
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [saveNow]);

  return useMemo(() => ({ restore, cancel: stop, capture }), [restore, stop, capture]);
}

/**
 * 跳到正文: puts the focus on the paragraph at the top of the reader (where reading is), without
 * scrolling. False when no report text is on screen.
 */
export function focusReadingPlace(): boolean {
  const scroller = document.querySelector<HTMLElement>('.reader-scroll');
  if (!scroller) return false;
  const top = scroller.getBoundingClientRect().top;
  const first = [...scroller.querySelectorAll<HTMLElement>('[data-block-text]')].find((el) => el.getBoundingClientRect().bottom > top + 4);
  first?.focus({ preventScroll: true });
  return !!first;
}
