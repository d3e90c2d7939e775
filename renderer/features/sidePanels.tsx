import type { SideTab } from '../store/ui';
import { DraftsPanel } from './drafts/DraftsPanel';

/** Side panels contributed by features (drafts, review, indicators). One line each. */
export const sidePanels: { id: SideTab; label: string; render: () => React.ReactNode }[] = [
  { id: 'drafts', label: '意见', render: () => <DraftsPanel /> },
];
