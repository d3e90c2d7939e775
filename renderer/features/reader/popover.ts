import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Space kept between a popover and the window's edges. */
const MARGIN = 8;

export interface Anchor {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Size {
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/**
 * Top-left corner for a box of `size` beside `anchor`: on the preferred side when it fits there,
 * else on the other side, and always inside the window (a box larger than the window keeps its
 * top-left corner on screen). `align` places it centred on the anchor or from its left edge.
 */
export function placeNear(
  anchor: Anchor,
  size: Size,
  opts: { prefer: 'above' | 'below'; align: 'center' | 'start'; gap?: number },
  view: Size = { width: window.innerWidth, height: window.innerHeight },
): { top: number; left: number } {
  const gap = opts.gap ?? 8;
  const above = anchor.top - gap - size.height;
  const below = anchor.bottom + gap;
  const fitsAbove = above >= MARGIN;
  const fitsBelow = below + size.height <= view.height - MARGIN;
  const sides = opts.prefer === 'above' ? [fitsAbove && above, fitsBelow && below] : [fitsBelow && below, fitsAbove && above];
  const chosen = sides.find((v): v is number => typeof v === 'number');
  // Neither side has room (a selection taller than the window): over the anchor, as near its top as the window allows.
  const top = chosen ?? anchor.top + gap;
  const left = opts.align === 'center' ? (anchor.left + anchor.right) / 2 - size.width / 2 : anchor.left;
  return {
    top: Math.max(MARGIN, clamp(top, MARGIN, view.height - MARGIN - size.height)),
    left: Math.max(MARGIN, clamp(left, MARGIN, view.width - MARGIN - size.width)),
  };
}

/**
 * Places a fixed-position popover next to `anchor` once its own size is known (measured before
 * the first paint, so it never flashes off-screen), and again when the window is resized.
 * Returns the style to spread on the popover.
 */
export function usePlacement(
  ref: React.RefObject<HTMLElement | null>,
  anchor: Anchor,
  opts: { prefer: 'above' | 'below'; align: 'center' | 'start' },
): { style: React.CSSProperties; placed: boolean } {
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const { top, bottom, left, right } = anchor;
  const { prefer, align } = opts;
  useLayoutEffect(() => {
    const place = () => {
      const el = ref.current;
      if (!el) return;
      setPos(placeNear({ top, bottom, left, right }, { width: el.offsetWidth, height: el.offsetHeight }, { prefer, align }));
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [ref, top, bottom, left, right, prefer, align]);
  // Hidden until placed; `placed` tells the caller when it can take the focus (a hidden element cannot).
  return pos ? { style: { top: pos.top, left: pos.left }, placed: true } : { style: { top: 0, left: 0, visibility: 'hidden' }, placed: false };
}

/**
 * Closes a popover the ways people expect: Escape, a press anywhere outside it, or scrolling the
 * text it points at (`scroller`: only a real move of that element counts — a scroll event can
 * arrive a frame late for a move made before the popover opened, and scrolling a side panel does
 * not move the text). Without a scroller any scroll outside the popover closes it. `onEscape` may
 * differ from a plain close, e.g. to put the focus back in the text.
 */
export function useDismiss(ref: React.RefObject<HTMLElement | null>, onClose: () => void, onEscape: () => void = onClose, scroller?: () => Element | null) {
  const handlers = useRef({ onClose, onEscape, scroller });
  useLayoutEffect(() => {
    handlers.current = { onClose, onEscape, scroller };
  });
  useEffect(() => {
    const inside = (target: EventTarget | null) => target instanceof Node && !!ref.current?.contains(target);
    const watched = handlers.current.scroller?.() ?? null;
    const openedAt = watched?.scrollTop ?? 0;
    const onDown = (e: MouseEvent) => {
      if (!inside(e.target)) handlers.current.onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      handlers.current.onEscape();
    };
    const onScroll = (e: Event) => {
      if (inside(e.target)) return;
      if (watched ? e.target === watched && Math.abs(watched.scrollTop - openedAt) > 2 : true) handlers.current.onClose();
    };
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [ref]);
}

/** The report text's scrolling element: popovers over the text close when it moves. */
export const readerScroller = () => document.querySelector('.reader-scroll');
