import { Fragment, useEffect, useMemo } from 'react';
import { flushSync } from 'react-dom';
import type { ReaderVersion } from '../../../electron/api/contract';
import type { Color } from '../../../electron/core/common/vocabulary';
import { chineseDate } from '../../../electron/core/common/localTime';
import { useReader } from '../../store/reader';
import { useAnnotations } from '../../store/annotations';
import { AUTHOR_KEYS, useColorLabels, useSettings } from '../../store/settings';
import { t } from '../../i18n/zh-CN';
import { buildPrintModel, type PrintedBlock, type PrintModel, type PrintOptions } from './printModel';
import { beginPrintJob, endPrintJob, usePrint } from './printJob';

const p = t.print;

/** A run's background: one colour, or stripes where marks overlap (as the reader paints them). */
function background(colors: Color[]): string | undefined {
  if (colors.length === 0) return undefined;
  if (colors.length === 1) return `var(--hl-${colors[0]})`;
  const shown = colors.slice(0, 3);
  const step = 100 / shown.length;
  return `linear-gradient(${shown.map((c, i) => `var(--hl-${c}) ${i * step}% ${(i + 1) * step}%`).join(', ')})`;
}

/**
 * The report laid out for paper: hidden on screen, the only thing shown under `@media print`
 * (styles.css, print section). Mounted while a print job is on; a print started some other
 * way (the browser's own menu) still gets the report, with the last options, not the app's chrome.
 */
export function PrintView() {
  const job = usePrint((s) => s.job);
  useEffect(() => {
    let started = false;
    const before = () => {
      if (usePrint.getState().job || !useReader.getState().doc) return;
      started = true;
      // Synchronously: the browser lays the page out for print right after this event.
      flushSync(() => beginPrintJob(usePrint.getState().options));
    };
    const after = () => {
      started = false;
      endPrintJob();
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      if (started) endPrintJob();
    };
  }, []);
  const doc = useReader((s) => s.doc);
  if (!job || !doc) return null;
  return <PrintDocument doc={doc} options={job} />;
}

function PrintDocument({ doc, options }: { doc: ReaderVersion; options: PrintOptions }) {
  const list = useAnnotations((s) => s.list);
  const marksFor = useAnnotations((s) => s.versionId);
  const model = useMemo(() => buildPrintModel(doc.blocks, marksFor === doc.version.id ? list : [], options), [doc, list, marksFor, options]);
  return (
    <div className="print-view" data-testid="print-view" data-scope={options.scope}>
      {options.cover && <Cover doc={doc} model={model} options={options} />}
      <article className="print-report">
        {model.blocks.map((pb) => (
          <PrintBlock key={pb.block.id} printed={pb} />
        ))}
      </article>
      {model.notes.length > 0 && <EndNotes model={model} />}
    </div>
  );
}

function Cover({ doc, model, options }: { doc: ReaderVersion; model: PrintModel; options: PrintOptions }) {
  const author = useSettings((s) => s.values[AUTHOR_KEYS.name]?.trim() ?? '');
  const labels = useColorLabels();
  const rows: [string, string][] = [
    [p.cover.version, doc.version.label],
    [p.cover.reviewer, author || p.cover.unsigned],
    [p.cover.date, chineseDate()],
    [p.cover.marks, p.cover.markCount(model.markCount, options.endNotes ? model.notes.length : null)],
    [p.cover.scope, p.scopes[options.scope]],
  ];
  return (
    <section className="print-cover">
      <p className="print-cover-kicker">{p.cover.kicker}</p>
      <h1 className="print-cover-title">{doc.citationTitle || doc.report.title}</h1>
      <dl className="print-cover-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {model.colorCounts.length > 0 && (
        <div className="print-legend">
          <h2>{p.cover.legend}</h2>
          <ul>
            {model.colorCounts.map(({ color, count }) => (
              <li key={color}>
                <span className="print-swatch" style={{ background: `var(--hl-${color})` }} />
                {labels[color]}
                <span className="print-legend-count">{p.cover.count(count)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="print-cover-foot">{p.cover.foot}</p>
    </section>
  );
}

function PrintBlock({ printed }: { printed: PrintedBlock }) {
  const { block, runs, showPath } = printed;
  const Tag = block.kind === 'title' ? 'h1' : block.kind === 'part' ? 'h2' : 'p';
  return (
    <div className={`print-block print-block-${block.kind}`}>
      {showPath && <div className="print-path">{block.path}</div>}
      <Tag className="print-text">
        {runs.map((r) => (
          <Fragment key={r.start}>
            <span
              className={[r.lead ? 'lead' : '', r.colors.length ? 'print-hl' : ''].join(' ').trim() || undefined}
              style={r.colors.length ? { background: background(r.colors) } : undefined}
            >
              {block.text.slice(r.start, r.end)}
            </span>
            {r.noteNumbers.length > 0 && <sup className="print-note-ref">{r.noteNumbers.map((n) => p.noteRef(n)).join('')}</sup>}
          </Fragment>
        ))}
      </Tag>
    </div>
  );
}

function EndNotes({ model }: { model: PrintModel }) {
  const labels = useColorLabels();
  return (
    <section className="print-notes">
      <h2>{p.notesTitle}</h2>
      <ol>
        {model.notes.map((n) => (
          <li key={n.annotationId}>
            <span className="print-note-number">{p.noteRef(n.number)}</span>
            <div className="print-note-body">
              <div className="print-note-where">
                <span className="print-swatch" style={{ background: `var(--hl-${n.color})` }} />
                {labels[n.color]} · {n.citation}
              </div>
              <blockquote className="print-note-quote">{p.quote(n.quote)}</blockquote>
              <p className="print-note-text">{n.note}</p>
              <p className="print-note-author">{p.noteAuthor(n.author)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
