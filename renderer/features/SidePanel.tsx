import { useUi, type SideTab } from '../store/ui';
import { AnnotationsPanel } from './annotations/AnnotationsPanel';
import { SearchPanel } from './search/SearchPanel';
import { sidePanels } from './sidePanels';

const base: { id: SideTab; label: string; render: () => React.ReactNode }[] = [
  { id: 'annotations', label: '批注', render: () => <AnnotationsPanel /> },
  { id: 'search', label: '搜索', render: () => <SearchPanel /> },
];

/** The right-hand panel: annotations, search, and the panels other features register. */
export function SidePanel() {
  const tab = useUi((s) => s.sideTab);
  const tabs = [...base, ...sidePanels];
  const current = tabs.find((x) => x.id === tab) ?? tabs[0];
  return (
    <aside className="side">
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x.id}
            role="tab"
            aria-selected={x.id === current.id}
            className={x.id === current.id ? 'on' : undefined}
            onClick={() => useUi.getState().setSideTab(x.id)}
          >
            {x.label}
          </button>
        ))}
      </div>
      <div className="tab-body">{current.render()}</div>
    </aside>
  );
}
