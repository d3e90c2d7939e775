import { memo, useMemo } from 'react';
import type { AnnotationListItem, ReaderBlock, TargetPosition } from '../../../electron/api/contract';
import type { Color } from '../../../electron/core/common/vocabulary';
import { segmentBlock, type Mark } from './segments';
import { ParagraphMenu } from '../drafts/ParagraphMenu';
import { offsetAtPoint } from './pointOffset';

export interface BlockFinding extends Mark {
  id: string;
  severity: string;
  message: string;
}

interface Props {
  block: ReaderBlock;
  marks: { annotation: AnnotationListItem; target: TargetPosition }[] | undefined;
  findHits: { index: number; start: number; end: number }[] | undefined;
  currentHit: number;
  findings: BlockFinding[] | undefined;
  selectedId: string | null;
  flash: boolean;
  onMarkClick(ids: string[], x: number, y: number, blockId: string): void;
}

/**
 * Background for a run covered by one or more highlights: overlapping marks show as stripes.
 * At most three stripes: beyond that a run is unreadable anyway, and every extra gradient stop
 * costs paint time when a secretariat's thousands of marks pile up on one paragraph.
 */
const MAX_STRIPES = 3;
const COLOR_ORDER = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const satisfies readonly Color[];
function background(colors: string[]): string | undefined {
  if (colors.length === 0) return undefined;
  const shown = COLOR_ORDER.filter((c) => colors.includes(c)).slice(0, MAX_STRIPES);
  if (shown.length === 1) return `var(--hl-${shown[0]})`;
  const step = 100 / shown.length;
  return `linear-gradient(${shown.map((c, i) => `var(--hl-${c}) ${i * step}% ${(i + 1) * step}%`).join(', ')})`;
}

interface Run {
  start: number;
  end: number;
  className: string | undefined;
  background: string | undefined;
  title: string | undefined;
  /** every mark touching the run (a click narrows this down to the character clicked) */
  annotations: string[];
}

function BlockViewImpl({ block, marks, findHits, currentHit, findings, selectedId, flash, onMarkClick }: Props) {
  const segments = useMemo(
    () =>
      segmentBlock(
        block.text.length,
        block.headingEnd || block.leadEnd,
        (marks ?? []).map((m) => ({ id: m.annotation.id, start: m.target.start, end: m.target.end })),
        findHits,
        findings,
      ),
    [block, marks, findHits, findings],
  );
  const colorOf = useMemo(() => new Map((marks ?? []).map((m) => [m.annotation.id, m.annotation.color])), [marks]);
  const noted = useMemo(() => new Set((marks ?? []).filter((m) => m.annotation.note).map((m) => m.annotation.id)), [marks]);
  const findingById = useMemo(() => new Map((findings ?? []).map((f) => [f.id, f])), [findings]);

  // Adjacent runs that look the same are painted as one span: thousands of overlapping marks
  // would otherwise mean thousands of spans to style, lay out and paint. Which marks were
  // clicked is worked out from the click's character offset, not from the span.
  const runs = useMemo(() => {
    const out: Run[] = [];
    for (const seg of segments) {
      const classes: string[] = [];
      if (seg.lead) classes.push('lead');
      if (seg.findHit >= 0) classes.push(seg.findHit === currentHit ? 'find-hit current' : 'find-hit');
      if (seg.findings.length) classes.push(`finding finding-${findingById.get(seg.findings[0])?.severity ?? 'info'}`);
      if (seg.annotations.length) {
        classes.push('hl');
        if (selectedId && seg.annotations.includes(selectedId)) classes.push('hl-selected');
        if (seg.annotations.some((id) => noted.has(id))) classes.push('hl-noted');
      }
      const run: Run = {
        start: seg.start,
        end: seg.end,
        className: classes.join(' ') || undefined,
        background: seg.annotations.length ? background(seg.annotations.map((id) => colorOf.get(id) ?? 'yellow')) : undefined,
        title: seg.findings.length ? seg.findings.map((id) => findingById.get(id)?.message).join('\n') : undefined,
        annotations: seg.annotations,
      };
      const last = out.at(-1);
      if (last && last.className === run.className && last.background === run.background && last.title === run.title && last.end === run.start) {
        last.end = run.end;
        last.annotations = [...new Set([...last.annotations, ...run.annotations])];
      } else out.push(run);
    }
    return out;
  }, [segments, currentHit, findingById, selectedId, noted, colorOf]);

  const Tag = block.kind === 'title' ? 'h1' : block.kind === 'part' ? 'h2' : 'p';
  return (
    <div className={`block block-${block.kind}${flash ? ' flash' : ''}`} data-block-id={block.id}>
      <div className="block-path" aria-hidden="true" title={block.kind === 'title' ? undefined : block.position}>
        {block.kind === 'title' ? '' : block.path}
      </div>
      <Tag className="block-text" data-block-text={block.id} tabIndex={0}>
        {runs.map((r) => (
          <span
            key={r.start}
            className={r.className}
            style={r.background ? { background: r.background } : undefined}
            data-annotations={r.annotations.length ? r.annotations.join(' ') : undefined}
            title={r.title}
            onClick={
              r.annotations.length
                ? (e) => {
                    // A click that ends a drag-selection is a selection, not a click on the mark.
                    if (!window.getSelection()?.isCollapsed) return;
                    const at = offsetAtPoint(e.currentTarget.parentElement!, e.clientX, e.clientY);
                    const here =
                      at === null ? r.annotations : (marks ?? []).filter((m) => m.target.start <= at && at < m.target.end).map((m) => m.annotation.id);
                    onMarkClick(here.length ? [...new Set(here)] : r.annotations, e.clientX, e.clientY, block.id);
                  }
                : undefined
            }
          >
            {block.text.slice(r.start, r.end)}
          </span>
        ))}
      </Tag>
      <ParagraphMenu block={block} />
    </div>
  );
}

export const BlockView = memo(BlockViewImpl);
