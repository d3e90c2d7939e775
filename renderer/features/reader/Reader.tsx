import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AnnotationTarget } from '../../../electron/api/contract';
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

/**
 * The report text. Virtualised so a 1,000-paragraph report scrolls as smoothly as a short one;
 * paragraphs are measured after painting because their heights depend on font and width.
 */
export function Reader() {
  const doc = useReader((s) => s.doc);
  const fontSize = useReader((s) => s.fontSize);
  const lineHeight = useReader((s) => s.lineHeight);
  const scrollTarget = useReader((s) => s.scrollTarget);
  const setCurrent = useReader((s) => s.setCurrent);
  const byBlock = useAnnotations((s) => s.byBlock);
  const selectedId = useAnnotations((s) => s.selectedId);
  const findHits = useFind((s) => s.hits);
  const currentHit = useFind((s) => s.current);
  const findingsByBlock = useReviewMarks((s) => s.byBlock);
  const showFindings = useReader((s) => s.showFindings);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ targets: AnnotationTarget[]; rect: DOMRect } | null>(null);
  const [chooser, setChooser] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);

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

  const blocks = useMemo(() => doc?.blocks ?? [], [doc]);
  const ordById = useMemo(() => new Map(blocks.map((b) => [b.id, b.ord])), [blocks]);
  const hitsByBlock = useMemo(() => {
    const m = new Map<string, FindHit[]>();
    for (const h of findHits) m.set(h.blockId, [...(m.get(h.blockId) ?? []), h]);
    return m;
  }, [findHits]);

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    // A close first guess (lines ≈ characters ÷ characters per line) spares the list a second
    // round of layout when the real heights are measured.
    estimateSize: (i) => {
      const perLine = Math.max(10, Math.floor((scrollRef.current?.clientWidth ?? 900) - 230) / fontSize);
      return Math.ceil((blocks[i].text.length + 2) / perLine) * fontSize * lineHeight + fontSize * 0.7 + 8;
    },
    overscan: 2,
    getItemKey: (i) => blocks[i].id,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [fontSize, lineHeight, virtualizer]);

  useEffect(() => {
    if (!scrollTarget) return;
    const ord = ordById.get(scrollTarget.blockId);
    if (ord === undefined) return;
    virtualizer.scrollToIndex(ord, { align: 'start' });
    if (scrollTarget.flash) {
      setFlashId(scrollTarget.blockId);
      const t = setTimeout(() => setFlashId(null), 1600);
      return () => clearTimeout(t);
    }
  }, [scrollTarget, ordById, virtualizer]);

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

  const onSelectionEnd = useCallback(() => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) {
      setSelection(null);
      return;
    }
    const range = sel.getRangeAt(0);
    if (!scrollRef.current?.contains(range.commonAncestorContainer)) return;
    const targets = targetsFromRange(range, blocks, ordById);
    setSelection(targets.length ? { targets, rect: range.getBoundingClientRect() } : null);
  }, [blocks, ordById]);

  // Keyboard selection for readers who do not use a mouse (see keyboardSelection for the keys).
  const kbd = useRef<{ blockId: string; start: number; end: number } | null>(null);
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const el = (e.target as HTMLElement).closest('[data-block-text]') as HTMLElement | null;
      if (!el) return;
      if (e.key === 'Escape') {
        kbd.current = null;
        window.getSelection()?.removeAllRanges();
        setSelection(null);
        return;
      }
      const block = blocks[ordById.get(el.dataset.blockText ?? '') ?? -1];
      if (!block) return;
      const current = kbd.current?.blockId === block.id ? kbd.current : null;
      const next = keyboardSelection(block, current, e.key, e.shiftKey, e.ctrlKey || e.metaKey);
      if (!next) return;
      e.preventDefault();
      kbd.current = { blockId: block.id, ...next };
      const range = rangeFromOffsets(el, next.start, next.end);
      if (!range) return;
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      setSelection({ targets: [makeTarget(block, next.start, next.end)], rect: range.getBoundingClientRect() });
    },
    [blocks, ordById],
  );

  const onMarkClick = useCallback((ids: string[], x: number, y: number) => {
    if (ids.length === 1) {
      useAnnotations.getState().select(ids[0]);
      useUi.getState().setSideTab('annotations');
    } else setChooser({ ids, x, y });
  }, []);

  if (!doc) return null;
  return (
    <div className="reader" style={{ fontSize, lineHeight }}>
      <FindBar blocks={blocks} onJump={(h) => useReader.getState().scrollTo(h.blockId, false)} />
      <div className="reader-scroll" ref={scrollRef} onMouseDown={(e) => e.button === 0 && setDragging(true)} onMouseUp={onSelectionEnd} onKeyDown={onKeyDown} data-testid="reader">
        <article className="page" style={{ height: virtualizer.getTotalSize() }}>
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
                  flash={flashId === block.id}
                  onMarkClick={onMarkClick}
                />
              </div>
            );
          })}
        </article>
      </div>
      {selection && <SelectionToolbar targets={selection.targets} rect={selection.rect} onDone={() => setSelection(null)} />}
      {chooser && <MarkChooser {...chooser} onClose={() => setChooser(null)} />}
    </div>
  );
}
