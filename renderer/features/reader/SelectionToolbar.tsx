import { useMemo } from 'react';
import type { AnnotationTarget } from '../../../electron/api/contract';
import { COLORS, useAnnotations, type Color } from '../../store/annotations';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { useColorLabels } from '../../store/settings';
import { useDraftActions } from '../../store/draftActions';
import { useRevisions } from '../../store/revisions';
import { t } from '../../i18n/zh-CN';
import { citationFor, copyText } from './citation';

interface Props {
  targets: AnnotationTarget[];
  rect: DOMRect;
  onDone(): void;
}

/** The small toolbar over a selection: highlight in a named colour, note, cite, draft. */
export function SelectionToolbar({ targets, rect, onDone }: Props) {
  const labels = useColorLabels();
  const doc = useReader((s) => s.doc);
  const reattaching = useRevisions((s) => s.reattaching !== null);
  const blocksById = useMemo(() => new Map((doc?.blocks ?? []).map((b) => [b.id, b])), [doc]);
  const top = Math.max(8, rect.top - 48);
  const left = Math.min(window.innerWidth - 420, Math.max(8, rect.left + rect.width / 2 - 200));

  const highlight = async (color: Color, focusNote = false) => {
    const a = await useAnnotations.getState().create({ color, targets });
    window.getSelection()?.removeAllRanges();
    onDone();
    if (a) {
      useAnnotations.getState().select(a.id);
      useUi.getState().setSideTab('annotations');
      // The card may mount a moment later (the list is virtualised): it takes the focus itself.
      if (focusNote) useAnnotations.getState().editNote(a.id);
    }
  };

  return (
    <div className="selection-toolbar" style={{ top, left }} role="toolbar" aria-label={t.toolbar.highlight} onMouseDown={(e) => e.preventDefault()}>
      {reattaching && (
        // 重新定位 mode (versions): attach the orphan being re-positioned to this selection.
        <button className="primary" onClick={() => void useRevisions.getState().attachSelection().then((ok) => ok && onDone())}>
          {t.revisions.attach}
        </button>
      )}
      {COLORS.map((c) => (
        <button key={c} className={`swatch swatch-${c}`} title={`${t.toolbar.highlight}：${labels[c]}`} aria-label={`${t.toolbar.highlight}：${labels[c]}`} onClick={() => void highlight(c)}>
          <span>{labels[c]}</span>
        </button>
      ))}
      <span className="sep" />
      <button onClick={() => void highlight('yellow', true)}>{t.toolbar.note}</button>
      <button
        onClick={() => {
          void copyText(citationFor(doc?.report.title ?? '政府工作报告', targets, blocksById));
          useUi.getState().toast('info', t.reader.citationCopied);
          onDone();
        }}
      >
        {t.toolbar.copyCitation}
      </button>
      <button
        onClick={() => {
          useDraftActions.getState().createFromTargets('amendment', targets);
          window.getSelection()?.removeAllRanges();
          onDone();
        }}
      >
        {t.toolbar.amendment}
      </button>
    </div>
  );
}
