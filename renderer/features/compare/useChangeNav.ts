import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { AdoptionRow, CompareRow } from '../../../electron/api/contract';
import { navigable, step, visibleItems } from './diffParts';
import type { Pair } from './useCompare';
import { isEditing } from '../../components/isEditing';

function reveal(root: HTMLElement | null, selector: string) {
  root?.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * Which rows of the compare are on screen (filters, folded stretches) and the walk through the
 * changes among them: 上一处/下一处 and the N/P keys. `scroller` is the element holding the rows.
 */
export function useChangeNav(
  rows: CompareRow[],
  hintsByRow: ReadonlyMap<number, AdoptionRow[]>,
  pair: Pair | null,
  scroller: RefObject<HTMLDivElement | null>,
) {
  const [onlyMarked, setOnlyMarked] = useState(false);
  const [showFormat, setShowFormat] = useState(true);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [current, setCurrent] = useState(-1);

  // Another pair is another text: start before its first change, with every stretch folded again.
  useEffect(() => {
    setCurrent(-1);
    setExpanded(new Set());
  }, [pair]);

  // Rows with an adoption hint stay on screen even when unchanged.
  const pinned = useMemo(() => new Set(hintsByRow.keys()), [hintsByRow]);
  const items = useMemo(() => visibleItems(rows, { onlyMarked, showFormat, expanded, pinned }), [rows, onlyMarked, showFormat, expanded, pinned]);
  const nav = useMemo(() => navigable(rows, items), [rows, items]);

  const go = useCallback(
    (delta: 1 | -1) => {
      const next = step(nav, current, delta);
      if (next === null) return;
      setCurrent(next);
      reveal(scroller.current, `[data-change="${next}"]`);
    },
    [nav, current, scroller],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'N') go(1);
      else if (e.key === 'p' || e.key === 'P') go(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return {
    onlyMarked,
    setOnlyMarked,
    showFormat,
    setShowFormat,
    /** opens the folded stretch starting at row `start` */
    expand: (start: number) => setExpanded(new Set([...expanded, start])),
    items,
    nav,
    current,
    setCurrent,
    go,
    /** scrolls the row with this index into view (nothing when there is none) */
    revealRow: (index: number | undefined) => reveal(scroller.current, `[data-row="${index}"]`),
  };
}

export type ChangeNav = ReturnType<typeof useChangeNav>;
