import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { COLORS, filterAnnotations, useAnnotations, type Color } from '../../store/annotations';
import { useReader } from '../../store/reader';
import { useColorLabels } from '../../store/settings';
import { t } from '../../i18n/zh-CN';
import { AnnotationCard } from './AnnotationCard';
import { authorOptions, sectionOptions } from './facets';

export function AnnotationsPanel() {
  const doc = useReader((s) => s.doc);
  // The panel may fill in a moment after the text: the paragraphs and their highlights paint first.
  const list = useDeferredValue(useAnnotations((s) => s.list));
  const filters = useAnnotations((s) => s.filters);
  const tags = useAnnotations((s) => s.tags);
  const selectedId = useAnnotations((s) => s.selectedId);
  const labels = useColorLabels();
  const blocks = useMemo(() => doc?.blocks ?? [], [doc]);
  const ordById = useMemo(() => new Map(blocks.map((b) => [b.id, b.ord])), [blocks]);
  const pathById = useMemo(() => new Map(blocks.map((b) => [b.id, b.path])), [blocks]);
  const shown = useMemo(() => filterAnnotations(list, filters, ordById), [list, filters, ordById]);
  const sections = useMemo(() => sectionOptions(blocks, list, filters, ordById), [blocks, list, filters, ordById]);
  const authors = useMemo(() => authorOptions(list, filters, ordById), [list, filters, ordById]);
  // One person's own marks need no author filter; merged bundles bring the others.
  const showAuthors = authors.length > 1 || filters.author != null;
  const clearFilters = () => useAnnotations.getState().setFilters({ colors: [], tag: null, text: '', section: null, author: null });

  // Thousands of annotations are normal for a secretariat: only the visible cards are mounted.
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    gap: 6,
    overscan: 8,
    getItemKey: (i) => shown[i].id,
  });
  useEffect(() => {
    const i = selectedId ? shown.findIndex((a) => a.id === selectedId) : -1;
    if (i >= 0) virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [selectedId, shown, virtualizer]);

  const toggleColor = (c: Color) =>
    useAnnotations.getState().setFilters({ colors: filters.colors.includes(c) ? filters.colors.filter((x) => x !== c) : [...filters.colors, c] });

  return (
    <section className="panel annotations-panel" aria-label={t.annotations.title}>
      <div className="filters">
        <input
          type="search"
          value={filters.text}
          placeholder={t.annotations.filterText}
          aria-label={t.annotations.filterText}
          onChange={(e) => useAnnotations.getState().setFilters({ text: e.target.value })}
        />
        <div className="color-filter">
          {COLORS.map((c) => (
            <button
              key={c}
              className={`swatch swatch-${c}${filters.colors.includes(c) ? ' on' : ''}`}
              aria-pressed={filters.colors.includes(c)}
              title={labels[c]}
              onClick={() => toggleColor(c)}
            >
              <span>{labels[c]}</span>
            </button>
          ))}
        </div>
        <select aria-label="按标签筛选" value={filters.tag ?? ''} onChange={(e) => useAnnotations.getState().setFilters({ tag: e.target.value || null })}>
          <option value="">{t.annotations.allTags}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        {sections.length > 0 && (
          <select
            className="section-filter"
            aria-label={t.annotations.filterSection}
            value={filters.section?.blockId ?? ''}
            onChange={(e) => {
              const s = sections.find((x) => x.blockId === e.target.value);
              useAnnotations.getState().setFilters({ section: s ? { blockId: s.blockId, from: s.from, to: s.to } : null });
            }}
          >
            <option value="">{t.annotations.allSections}</option>
            {sections.map((s) => (
              <option key={s.blockId} value={s.blockId}>
                {/* sections indented under their part: a select cannot nest options deeper than one group */}
                {(s.level === 2 ? '\u3000' : '') + t.annotations.optionCount(s.label.length > 22 ? s.label.slice(0, 22) + '…' : s.label, s.count)}
              </option>
            ))}
          </select>
        )}
        {showAuthors && (
          <select
            className="author-filter"
            aria-label={t.annotations.filterAuthor}
            value={filters.author == null ? '' : `p:${filters.author}`}
            onChange={(e) => useAnnotations.getState().setFilters({ author: e.target.value ? e.target.value.slice(2) : null })}
          >
            {/* '' is a real person key (unsigned marks), so every person's value is prefixed */}
            <option value="">{t.annotations.allAuthors}</option>
            {authors.map((a) => (
              <option key={a.key} value={`p:${a.key}`}>
                {t.annotations.optionCount(a.name || t.annotations.unsigned, a.count)}
              </option>
            ))}
          </select>
        )}
        <span className="muted count">{t.annotations.count(shown.length, list.length)}</span>
      </div>
      {list.length === 0 && <p className="muted empty">{t.annotations.empty}</p>}
      {list.length > 0 && shown.length === 0 && (
        <p className="muted empty no-match" role="status">
          {t.annotations.noMatch}{' '}
          <button className="link" onClick={clearFilters}>
            {t.annotations.clearFilters}
          </button>
        </p>
      )}
      <div className="cards-scroll" ref={scrollRef}>
        <ul className="cards" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((it) => {
            const a = shown[it.index];
            return (
              <AnnotationCard
                key={it.key}
                ref={virtualizer.measureElement}
                index={it.index}
                offset={it.start}
                annotation={a}
                path={pathById.get(a.targets[0]?.blockId ?? '') ?? ''}
                selected={a.id === selectedId}
                allTags={tags}
                showAuthor={showAuthors}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
}
