import { memo, useMemo } from 'react';
import type { Annotation, AnnotationTarget, Block } from '../../../electron/api/contract';
import { segmentBlock, type Mark } from './segments';
import { ParagraphMenu } from '../drafts/ParagraphMenu';

export interface BlockFinding extends Mark {
  id: string;
  severity: string;
  message: string;
}

interface Props {
  block: Block;
  marks: { annotation: Annotation; target: AnnotationTarget }[] | undefined;
  findHits: { index: number; start: number; end: number }[] | undefined;
  currentHit: number;
  findings: BlockFinding[] | undefined;
  selectedId: string | null;
  flash: boolean;
  onMarkClick(ids: string[], x: number, y: number): void;
}

/** Background for a run covered by one or more highlights: overlapping marks show as stripes. */
function background(colors: string[]): string | undefined {
  if (colors.length === 0) return undefined;
  if (colors.length === 1) return `var(--hl-${colors[0]})`;
  const step = 100 / colors.length;
  return `linear-gradient(${colors.map((c, i) => `var(--hl-${c}) ${i * step}% ${(i + 1) * step}%`).join(', ')})`;
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

  const Tag = block.kind === 'title' ? 'h1' : block.kind === 'part' ? 'h2' : 'p';
  return (
    <div className={`block block-${block.kind}${flash ? ' flash' : ''}`} data-block-id={block.id}>
      <div className="block-path" aria-hidden="true">
        {block.kind === 'title' ? '' : block.path}
      </div>
      <Tag className="block-text" data-block-text={block.id} tabIndex={0}>
        {segments.map((s) => {
          const text = block.text.slice(s.start, s.end);
          const classes: string[] = [];
          if (s.lead) classes.push('lead');
          if (s.findHit >= 0) classes.push(s.findHit === currentHit ? 'find-hit current' : 'find-hit');
          if (s.findings.length) classes.push(`finding finding-${findingById.get(s.findings[0])?.severity ?? 'info'}`);
          if (s.annotations.length) {
            classes.push('hl');
            if (selectedId && s.annotations.includes(selectedId)) classes.push('hl-selected');
            if (s.annotations.some((id) => noted.has(id))) classes.push('hl-noted');
          }
          return (
            <span
              key={s.start}
              className={classes.join(' ') || undefined}
              style={s.annotations.length ? { background: background(s.annotations.map((id) => colorOf.get(id) ?? 'yellow')) } : undefined}
              data-annotations={s.annotations.length ? s.annotations.join(' ') : undefined}
              title={s.findings.length ? s.findings.map((id) => findingById.get(id)?.message).join('\n') : undefined}
              onClick={
                s.annotations.length
                  ? (e) => {
                      // A click that ends a drag-selection is a selection, not a click on the mark.
                      if (!window.getSelection()?.isCollapsed) return;
                      onMarkClick(s.annotations, e.clientX, e.clientY);
                    }
                  : undefined
              }
            >
              {text}
            </span>
          );
        })}
      </Tag>
      <ParagraphMenu block={block} />
    </div>
  );
}

export const BlockView = memo(BlockViewImpl);
