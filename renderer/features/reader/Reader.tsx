import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TargetPosition, Block } from '../../../electron/api/contract';
import { useReader } from '../../store/reader';
import { useAnnotations } from '../../store/annotations';
import { useUi } from '../../store/ui';
import { useReviewMarks } from '../../store/reviewMarks';
import { BlockView } from './BlockView';
import { SelectionToolbar } from './SelectionToolbar';
import { MarkChooser } from './MarkChooser';
import { FindBar } from './FindBar';
import { useFind, type FindHit } from './find';
import { keyboardSelection, makeTarget, rangeFromOffsets, targetsFromRange } from './selection';
import { useReadingPlace } from './readingPlace';
import { NoteTip, useNoteHover } from './NoteTip';

/** The last scroll request acted on: a reader shown again must not replay an old jump over its reading place. */
let handledScrollNonce = 0;

/** The paragraph text element of a block, if it is painted. */
function textElement(root: HTMLElement | null, blockId: string): HTMLElement | null {
  return root?.querySelector<HTMLElement>(`[data-block-text="${CSS.escape(blockId)}"]`) ?? null;
}

/**
 * The report text. Virtualised so a 1,000-paragraph report scrolls as smoothly as a short one;
 * paragraphs are measured after painting because their heights depend on font and width.
 */
export function Reader() {
  const doc = useReader((s) => s.doc);
  const fontSize = useReader((s) => s.fontSize);
  const lineHeight = useReader((s) => s.lineHeight);
  const largePrint = useReader((s) => s.largePrint);
  const scrollTarget = useReader((s) => s.scrollTarget);
  const setCurrent = useReader((s) => s.setCurrent);
  const byBlock = useAnnotations((s) => s.byBlock);
  const selectedId = useAnnotations((s) => s.selectedId);
  const findHits = useFind((s) => s.hits);
  const currentHit = useFind((s) => s.current);
  const findingsByBlock = useReviewMarks((s) => s.byBlock);
  const showFindings = useReader((s) => s.showFindings);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ targets: TargetPosition[]; rect: DOMRect } | null>(null);
  const [chooser, setChooser] = useState<{ ids: string[]; x: number; y: number; blockId: string } | null>(null);
  const [flash, setFlash] = useState<{ blockId: string; nonce: number } | null>(null);
  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(t);
  }, [flash]);

  // While the mouse is down (a drag-selection in progress) the paragraphs must not re-render:
  // replacing their text runs would move the selection's anchor. Marks that arrive meanwhile
  // (proofreading underlines, a sync) are painted when the button is released.
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!dragging) return;
    const up = () => setDragging(false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [dragging]);
  const painted = useRef({ byBlock, findingsByBlock });
  if (!dragging) painted.current = { byBlock, findingsByBlock };
  // Notes under the pointer: one delegated handler on the reader, never one per mark.
  const noteHover = useNoteHover(() => painted.current.byBlock, dragging);

  const blocks = useMemo(() => doc?.blocks ?? [], [doc]);
  const blockIds = useMemo(() => blocks.map((b) => b.id), [blocks]);
  const ordById = useMemo(() => new Map(blocks.map((b) => [b.id, b.ord])), [blocks]);
  const hitsByBlock = useMemo(() => {
    const m = new Map<string, FindHit[]>();
    for (const h of findHits) m.set(h.blockId, [...(m.get(h.blockId) ?? []), h]);
    return m;
  }, [findHits]);

  // Width of a paragraph's text, for the first guess at row heights (read from the page when painted).
  const [textWidth, setTextWidth] = useState(560);
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    // A close first guess (lines ≈ characters ÷ characters per line) spares the list a second
    // round of layout when the real heights are measured.
    estimateSize: (i) => {
      const perLine = Math.max(8, Math.floor(textWidth / fontSize));
      return Math.ceil((blocks[i].text.length + 2) / perLine) * fontSize * lineHeight + fontSize * 0.7 + 8;
    },
    overscan: 2,
    getItemKey: (i) => blocks[i].id,
  });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () => {
      const w = el.querySelector('.block:not(.block-title) .block-text')?.clientWidth;
      if (w) setTextWidth(w);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fontSize, lineHeight, largePrint, doc]);

  const place = useReadingPlace({ virtualizer, scrollRef, versionId: doc?.version.id ?? null, blockIds, layoutKey: `${fontSize}/${lineHeight}/${largePrint}` });

  useEffect(() => {
    if (!scrollTarget || scrollTarget.nonce === handledScrollNonce) return;
    const ord = ordById.get(scrollTarget.blockId);
    if (ord === undefined) return;
    handledScrollNonce = scrollTarget.nonce;
    place.cancel();
    virtualizer.scrollToIndex(ord, { align: 'start' });
    if (scrollTarget.flash) setFlash({ blockId: scrollTarget.blockId, nonce: scrollTarget.nonce });
  }, [scrollTarget, ordById, virtualizer, place]);

  // Marks the moment the visible paragraphs are painted with their highlights (tests and the
  // reader benchmark wait for it).
  const marksFor = useAnnotations((s) => s.versionId);
  useEffect(() => {
    if (!doc || marksFor !== doc.version.id) return;
    const frame = requestAnimationFrame(() => (document.body.dataset.readerReady = doc.version.id));
    return () => {
      cancelAnimationFrame(frame);
      delete document.body.dataset.readerReady;
    };
  }, [doc, marksFor]);

  const items = virtualizer.getVirtualItems();
  // Track the paragraph at the top of the viewport for the outline and section navigation.
  const topId = items.find((it) => it.end > (scrollRef.current?.scrollTop ?? 0))?.key as string | undefined;
  useEffect(() => {
    if (topId) setCurrent(topId);
  }, [topId, setCurrent]);

  // Keyboard selection for readers who do not use a mouse (see keyboardSelection for the keys).
  const kbd = useRef<{ blockId: string; start: number; end: number } | null>(null);

  const onSelectionEnd = useCallback(() => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) {
      setSelection(null);
      return;
    }
    const range = sel.getRangeAt(0);
    if (!scrollRef.current?.contains(range.commonAncestorContainer)) return;
    const targets = targetsFromRange(range, blocks, ordById);
    // A selection within one paragraph can be widened from the keyboard too.
    kbd.current = targets.length === 1 ? { blockId: targets[0].blockId, start: targets[0].start, end: targets[0].end } : null;
    setSelection(targets.length ? { targets, rect: range.getBoundingClientRect() } : null);
  }, [blocks, ordById]);

  /** Applies a selection key to a paragraph; false when the key is not a selection key. */
  const selectionKey = useCallback((block: Block, key: string, shift: boolean, ctrl: boolean): boolean => {
    const current = kbd.current?.blockId === block.id ? kbd.current : null;
    const next = keyboardSelection(block, current, key, shift, ctrl);
    const el = textElement(scrollRef.current, block.id);
    if (!next || !el) return false;
    kbd.current = { blockId: block.id, ...next };
    const range = rangeFromOffsets(el, next.start, next.end);
    if (!range) return true;
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    setSelection({ targets: [makeTarget(block, next.start, next.end)], rect: range.getBoundingClientRect() });
    return true;
  }, []);

  const clearSelection = useCallback(() => {
    kbd.current = null;
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-block-text]');
      if (!el) return;
      if (e.key === 'Escape') {
        clearSelection();
        return;
      }
      const block = blocks[ordById.get(el.dataset.blockText ?? '') ?? -1];
      if (block && selectionKey(block, e.key, e.shiftKey, e.ctrlKey || e.metaKey)) e.preventDefault();
    },
    [blocks, ordById, selectionKey, clearSelection],
  );

  // A paragraph repainted under a selection (proofreading marks arriving, a sync) loses the
  // browser's selection while the toolbar still stands for it: put it back.
  useLayoutEffect(() => {
    const k = kbd.current;
    if (!selection || !k || dragging) return;
    const el = textElement(scrollRef.current, k.blockId);
    const block = blocks[ordById.get(k.blockId) ?? -1];
    const sel = window.getSelection();
    if (!el || !block || !sel || sel.toString() === block.text.slice(k.start, k.end)) return;
    const range = rangeFromOffsets(el, k.start, k.end);
    if (!range) return;
    sel.removeAllRanges();
    sel.addRange(range);
  });

  // Where the focus goes back to when a popover over the text closes.
  const focusBlock = useCallback((blockId: string | undefined) => {
    if (blockId) textElement(scrollRef.current, blockId)?.focus({ preventScroll: true });
  }, []);
  const selectionBlockId = selection?.targets.at(-1)?.blockId;

  const onMarkClick = useCallback((ids: string[], x: number, y: number, blockId: string) => {
    if (ids.length === 1) {
      useAnnotations.getState().select(ids[0]);
      useUi.getState().setSideTab('annotations');
    } else setChooser({ ids, x, y, blockId });
  }, []);

  if (!doc) return null;
  return (
    <div className="reader" style={{ fontSize, lineHeight }}>
      <FindBar blocks={blocks} onJump={(h) => useReader.getState().scrollTo(h.blockId, false)} />
      <div
        className="reader-scroll"
        ref={scrollRef}
        onMouseDown={(e) => e.button === 0 && setDragging(true)}
        onMouseUp={onSelectionEnd}
        onMouseMove={noteHover.onMouseMove}
        onMouseLeave={noteHover.onMouseLeave}
        onKeyDown={onKeyDown}
        data-testid="reader"
      >
        <article className="page" id="report-text" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((it) => {
            const block = blocks[it.index];
            return (
              <div key={it.key} data-index={it.index} ref={virtualizer.measureElement} className="row" style={{ transform: `translateY(${it.start}px)` }}>
                <BlockView
                  block={block}
                  marks={painted.current.byBlock.get(block.id)}
                  findHits={hitsByBlock.get(block.id)}
                  currentHit={currentHit}
                  findings={showFindings ? painted.current.findingsByBlock.get(block.id) : undefined}
                  selectedId={selectedId}
                  flash={flash?.blockId === block.id}
                  onMarkClick={onMarkClick}
                />
              </div>
            );
          })}
        </article>
      </div>
      {selection && (
        <SelectionToolbar
          targets={selection.targets}
          rect={selection.rect}
          onDone={() => setSelection(null)}
          onCancel={() => {
            clearSelection();
            focusBlock(selectionBlockId);
          }}
          onSelectionKey={(key, shift, ctrl) => {
            const block = blocks[ordById.get(kbd.current?.blockId ?? '') ?? -1];
            return !!block && selectionKey(block, key, shift, ctrl);
          }}
          focusText={() => focusBlock(selectionBlockId)}
        />
      )}
      <NoteTip />
      {chooser && <MarkChooser ids={chooser.ids} x={chooser.x} y={chooser.y} onClose={() => setChooser(null)} focusText={() => focusBlock(chooser.blockId)} />}
    </div>
  );
}
