import { useEffect, useRef } from 'react';
import type { Block } from '../../../electron/api/contract';
import { useFind, type FindHit } from './find';
import { t } from '../../i18n/zh-CN';

/** Ctrl+F: find in the report, with a hit list showing each hit's place and context. */
export function FindBar({ blocks, onJump }: { blocks: Block[]; onJump(h: FindHit): void }) {
  const { open, query, hits, current } = useFind();
  const input = useRef<HTMLInputElement>(null);
  const byId = new Map(blocks.map((b) => [b.id, b]));

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  if (!open) return null;
  const go = (h: FindHit | null) => h && onJump(h);
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        value={query}
        placeholder={t.reader.findPlaceholder}
        aria-label={t.reader.find}
        onChange={(e) => {
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
      <button onClick={() => go(useFind.getState().step(-1))} aria-label="上一个">↑</button>
      <button onClick={() => go(useFind.getState().step(1))} aria-label="下一个">↓</button>
      <button onClick={() => useFind.getState().setOpen(false)} aria-label={t.close}>
        ✕
      </button>
      {hits.length > 0 && (
        <ol className="find-hits">
          {hits.slice(0, 200).map((h) => {
            const b = byId.get(h.blockId);
            const text = b?.text ?? '';
            return (
              <li key={h.index} className={h.index === current ? 'current' : undefined}>
                <button onClick={() => go(useFind.getState().jump(h.index))}>
                  <span className="hit-path">{b?.path}</span>
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
