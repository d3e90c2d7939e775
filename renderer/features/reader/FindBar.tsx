import { useEffect, useRef, useState } from 'react';
import type { ReaderBlock } from '../../../electron/api/contract';
import { useFind, type FindHit } from './find';
import { t } from '../../i18n/zh-CN';

/**
 * Ctrl+F: find in the report, with a hit list showing each hit's place and context. The list
 * lies over the text, so it folds away once a hit is picked, on a click elsewhere or when the
 * reader scrolls the text by hand (not when a hit is jumped to); typing in the box or clicking it
 * brings it back. Escape closes the find bar.
 */
export function FindBar({ blocks, onJump }: { blocks: ReaderBlock[]; onJump(h: FindHit): void }) {
  const { open, query, hits, current } = useFind();
  const input = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [listShown, setListShown] = useState(true);
  const byId = new Map(blocks.map((b) => [b.id, b]));

  useEffect(() => {
    if (!open) return;
    setListShown(true);
    input.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open || !listShown) return;
    const fold = () => setListShown(false);
    const onDown = (e: MouseEvent) => {
      if (!(e.target instanceof Node && bar.current?.contains(e.target))) fold();
    };
    const scroller = document.querySelector('.reader-scroll');
    document.addEventListener('mousedown', onDown, true);
    scroller?.addEventListener('wheel', fold, { passive: true });
    scroller?.addEventListener('touchmove', fold, { passive: true });
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      scroller?.removeEventListener('wheel', fold);
      scroller?.removeEventListener('touchmove', fold);
    };
  }, [open, listShown]);

  if (!open) return null;
  const go = (h: FindHit | null) => h && onJump(h);
  return (
    <div className="find-bar" role="search" ref={bar}>
      <input
        ref={input}
        value={query}
        placeholder={t.reader.findPlaceholder}
        aria-label={t.reader.find}
        onClick={() => setListShown(true)}
        onChange={(e) => {
          setListShown(true);
          useFind.getState().run(e.target.value, blocks);
          const first = useFind.getState().hits[0];
          if (first) onJump(first);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(useFind.getState().step(e.shiftKey ? -1 : 1));
          if (e.key === 'Escape') useFind.getState().setOpen(false);
        }}
      />
      <span className="find-count">{query ? t.reader.findCount(current + 1, hits.length) : ''}</span>
      <button onClick={() => go(useFind.getState().step(-1))} aria-label="上一个">
        ↑
      </button>
      <button onClick={() => go(useFind.getState().step(1))} aria-label="下一个">
        ↓
      </button>
      <button onClick={() => useFind.getState().setOpen(false)} aria-label={t.close}>
        ✕
      </button>
      {listShown && hits.length > 0 && (
        <ol className="find-hits">
          {hits.slice(0, 200).map((h) => {
            const b = byId.get(h.blockId);
            const text = b?.text ?? '';
            return (
              <li key={h.index} className={h.index === current ? 'current' : undefined}>
                <button
                  onClick={() => {
                    go(useFind.getState().jump(h.index));
                    setListShown(false);
                    input.current?.focus(); // Enter goes on to the next hit, Escape closes
                  }}
                >
                  <span className="hit-path">{b ? b.position || b.path : ''}</span>
                  <span className="hit-text">
                    …{text.slice(Math.max(0, h.start - 12), h.start)}
                    <mark>{text.slice(h.start, h.end)}</mark>
                    {text.slice(h.end, h.end + 12)}…
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
