import type { DraftView } from '../../../electron/api/contract';
import { useDrafts } from '../../store/drafts';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import { shortPath } from '../../../electron/core/common/shortText';

/**
 * 关联段落: the passages a draft is about, as chips that jump to the text; more can be linked from
 * a selection (关联其他段落) and a chip can be unlinked while another remains. An amendment
 * changes one place, so it keeps its one passage.
 */
export function PassageChips({ draft, locked }: { draft: DraftView; locked: boolean }) {
  const doc = useReader((s) => s.doc);
  const linking = useDrafts((s) => s.linking === draft.id);
  const here = doc?.version.id === draft.versionId;
  const many = draft.kind !== 'amendment';
  const positions = draft.targets.map(({ blockId, start, end, exact }) => ({ blockId, start, end, exact }));

  return (
    <div className="draft-passages" role="group" aria-label={t.drafts.passages.title}>
      <span className="muted">{t.drafts.passages.title}</span>
      {draft.targets.length === 0 && <span className="muted">{t.drafts.passages.none}</span>}
      <ul className="passage-chips">
        {draft.targets.map((p, i) => {
          const where = p.path || draft.position || p.exact;
          // the lead sentence tells paragraphs apart; the part and heading in front of it do not
          const label = shortPath(where, 22);
          return (
            <li key={`${p.blockId}:${p.start}:${p.end}`} className="passage-chip" title={`${where}\n“${p.exact}”`}>
              <button
                className="link chip-go"
                disabled={!here}
                aria-label={t.drafts.passages.go(where)}
                onClick={() => useReader.getState().scrollTo(p.blockId)}
              >
                <span className="chip-path">{label}</span>
                <span className="chip-quote">“{p.exact}”</span>
              </button>
              {many && !locked && draft.targets.length > 1 && (
                <button
                  className="chip-remove"
                  aria-label={t.drafts.passages.remove(where)}
                  onClick={() =>
                    void useDrafts.getState().setPassages(
                      draft.id,
                      positions.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {many && !locked && here && !linking && (
        <button className="link add-passage" onClick={() => useDrafts.getState().startLinking(draft.id)}>
          + {t.drafts.passages.add}
        </button>
      )}
      {linking && (
        <p className="linking-note" role="status">
          {t.drafts.passages.linking}
          <button className="link" onClick={() => useDrafts.getState().cancelLinking()}>
            {t.drafts.passages.cancel}
          </button>
        </p>
      )}
    </div>
  );
}
