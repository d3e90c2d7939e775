import { useEffect, useMemo } from 'react';
import type { DraftView } from '../../../electron/api/contract';
import { useDrafts } from '../../store/drafts';
import { useReader } from '../../store/reader';
import { useSettings } from '../../store/settings';
import { t } from '../../i18n/zh-CN';
import { DraftEditor } from './DraftEditor';
import { Menu, type MenuItem } from './Menu';
import { collectionExports } from './collectionExports';
import { StatusBadge } from './StatusBadge';

/** What a card says: the amendment sentence itself, or the label without the passage (shown below it). */
function itemText(draft: DraftView): string {
  const path = draft.position;
  if (draft.kind === 'amendment') {
    const located = `在${path}，`;
    return path && draft.wording.startsWith(located) ? draft.wording.slice(located.length) : draft.wording;
  }
  return path && draft.kind === 'opinion' ? draft.label.replace(/^[^：]*：/, '') : draft.label;
}

/** The label names the passage too (第一部分…：修改“…”); the card shows the passage on its own line. */
function DraftItem({ draft }: { draft: DraftView }) {
  const errors = draft.validation.errors.length;
  const path = draft.position;
  return (
    <li>
      <button className="card draft-item" data-draft-id={draft.id} onClick={() => useDrafts.getState().open(draft.id)}>
        <span className="draft-item-head">
          <span className="draft-item-label">{itemText(draft)}</span>
          <StatusBadge status={draft.status} />
        </span>
        <span className="draft-item-meta">
          <span className="card-path">{path || t.drafts.noTarget}</span>
          {errors > 0 && <span className="draft-errors">{t.drafts.errorsCount(errors)}</span>}
        </span>
      </button>
    </li>
  );
}

/** The 意见 side panel: drafts of the open report grouped by kind, and the editor of one. */
export function DraftsPanel() {
  const doc = useReader((s) => s.doc);
  const role = useSettings((s) => s.values['author.role']);
  const list = useDrafts((s) => s.list);
  const kinds = useDrafts((s) => s.kinds);
  const openId = useDrafts((s) => s.openId);
  const reportId = doc?.report.id;
  const versionId = doc?.version.id;

  useEffect(() => {
    if (reportId) void useDrafts.getState().load(reportId);
  }, [reportId]);
  useEffect(() => {
    void useDrafts.getState().loadKinds(role === 'member' ? 'member' : 'deputy');
  }, [role]);

  const groups = useMemo(
    () => kinds.map((k) => ({ kind: k, drafts: list.filter((d) => d.kind === k.kind) })).filter((g) => g.drafts.length > 0),
    [kinds, list],
  );
  const open = list.find((d) => d.id === openId);
  if (open) return <DraftEditor draft={open} />;

  const newItems: MenuItem[] = kinds.map((k) => ({
    key: k.kind,
    label: k.name,
    hint: k.description,
    run: () => {
      if (versionId) void useDrafts.getState().create(k.kind, versionId, []);
    },
  }));
  const exportItems = reportId ? collectionExports(reportId, versionId) : [];

  return (
    <section className="panel drafts-panel" aria-label={t.drafts.title}>
      <div className="drafts-toolbar">
        <Menu className="primary" label={t.drafts.newDraft} items={newItems} />
        <Menu label={t.drafts.exportAll} items={exportItems} />
        <span className="muted count">{list.length > 0 ? `共 ${list.length} 份` : ''}</span>
      </div>
      {list.length === 0 && <p className="muted empty">{t.drafts.empty}</p>}
      {groups.map((g) => (
        <div key={g.kind.kind} className="draft-group">
          <h4>
            {g.kind.name} <span className="muted">{g.drafts.length}</span>
          </h4>
          <ul className="cards">
            {g.drafts.map((d) => (
              <DraftItem key={d.id} draft={d} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
