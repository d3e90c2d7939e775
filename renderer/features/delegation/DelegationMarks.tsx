import { useCallback, useEffect, useRef, useState } from 'react';
import type { DelegationMark, Result } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { useColorLabels } from '../../store/settings';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';

type Order = 'passage' | 'member';
type Page = Result<'delegation.marks'>;

/** Marks read per request: a delegation may hold thousands, and a page of text is plenty to read. */
const PAGE = 100;

interface Group {
  key: string;
  title: string;
  marks: DelegationMark[];
}

/** Consecutive marks of one passage (or one member): the back end sends them in that order. */
function groupsOf(items: DelegationMark[], order: Order): Group[] {
  const out: Group[] = [];
  for (const m of items) {
    const key = order === 'member' ? m.author : m.position;
    const last = out.at(-1);
    if (last && last.key === key) last.marks.push(m);
    else out.push({ key, title: order === 'member' ? m.author || t.delegation.unnamed : m.position || t.delegation.noPassage, marks: [m] });
  }
  return out;
}

interface Props {
  versionId: string;
  /** opens the reader on the mark's version, at its paragraph */
  onOpen(versionId: string, blockId: string): void;
}

/**
 * 代表团汇总's marks as text: quote, note, member, colour and passage, on every version of the
 * report (carried to the newest or left on an older one), by passage or by member, a page at a time.
 */
export function DelegationMarks({ versionId, onOpen }: Props) {
  const labels = useColorLabels();
  const [order, setOrder] = useState<Order>('passage');
  const [page, setPage] = useState<Page | null>(null);
  const [items, setItems] = useState<DelegationMark[]>([]);
  const [busy, setBusy] = useState(false);
  // Answers to an earlier version or order must not land in this list.
  const ticket = useRef(0);

  const load = useCallback(
    async (offset: number) => {
      const mine = offset === 0 ? ++ticket.current : ticket.current;
      setBusy(true);
      try {
        const next = await api['delegation.marks']({ versionId, order, offset, limit: PAGE });
        if (mine !== ticket.current) return;
        setPage(next);
        setItems((prev) => (offset === 0 ? next.items : [...prev, ...next.items]));
      } catch (e) {
        if (mine === ticket.current) useUi.getState().toast('error', errorMessage(e));
      } finally {
        if (mine === ticket.current) setBusy(false);
      }
    },
    [versionId, order],
  );
  useEffect(() => {
    setPage(null);
    setItems([]);
    void load(0);
  }, [load]);

  const versionIndex = new Map(page?.versions.map((v, i) => [v.id, i]) ?? []);
  const hereIndex = versionIndex.get(versionId) ?? Number.MAX_SAFE_INTEGER;

  return (
    <section className="delegation-marks" aria-label={t.delegation.viewMarks}>
      <div className="delegation-marks-bar">
        <div className="segmented" role="group" aria-label={t.delegation.groupBy}>
          {(['passage', 'member'] as const).map((o) => (
            <button key={o} aria-pressed={order === o} className={order === o ? 'on' : undefined} onClick={() => setOrder(o)}>
              {o === 'passage' ? t.delegation.byPassage : t.delegation.byMember}
            </button>
          ))}
        </div>
        {page && page.total > 0 && (
          <span className="muted small">
            {t.delegation.marksTotal(page.total)}：{page.versions.map((v) => t.delegation.versionPart(v.label, v.count)).join(' · ')}
          </span>
        )}
      </div>
      {!page && <p className="muted">{t.delegation.marksLoading}</p>}
      {page?.total === 0 && <p className="muted">{t.delegation.marksEmpty}</p>}
      {groupsOf(items, order).map((g, i) => (
        <div key={`${i}:${g.key}`} className="mark-group">
          <h3 className="mark-group-title">{g.title}</h3>
          <ul>
            {g.marks.map((m) => {
              const elsewhere = m.versionId !== versionId;
              return (
                <li key={m.id} className="delegation-mark" data-mark-id={m.id}>
                  <div className="dm-head">
                    <span className={`dot dot-${m.color}`} aria-hidden="true" />
                    <span className="dm-color">{labels[m.color]}</span>
                    {order === 'passage' ? (
                      <span className="dm-author">{m.author || t.delegation.unnamed}</span>
                    ) : (
                      <span className="dm-path">{m.position || t.delegation.noPassage}</span>
                    )}
                    <span className={`dm-version${elsewhere ? ' elsewhere' : ''}`}>
                      {m.versionLabel}
                      {elsewhere && `（${(versionIndex.get(m.versionId) ?? 0) < hereIndex ? t.delegation.olderVersion : t.delegation.otherVersion}）`}
                    </span>
                    {m.anchorStatus !== 'unchanged' && (
                      <span className={`dm-status status-${m.anchorStatus}`}>{t.annotations.statusLabels[m.anchorStatus]}</span>
                    )}
                    <span className="spacer" />
                    {m.blockId && m.anchorStatus !== 'orphaned' && (
                      <button className="link" onClick={() => onOpen(m.versionId, m.blockId!)}>
                        {t.delegation.openInReader}
                      </button>
                    )}
                  </div>
                  <blockquote className="dm-quote">{m.quote}</blockquote>
                  {m.note && (
                    <p className="dm-note">
                      {m.note}
                      {m.noteCut && t.delegation.noteCut}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {page && items.length < page.total && (
        <button className="show-more" disabled={busy} onClick={() => void load(items.length)}>
          {t.delegation.showMore(page.total - items.length)}
        </button>
      )}
    </section>
  );
}
