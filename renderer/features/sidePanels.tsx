import type { SideTab } from '../store/ui';
import { DraftsPanel } from './drafts/DraftsPanel';
import { ReviewPanel } from './review/ReviewPanel';

/** Side panels contributed by features (drafts, review, indicators). One line each. */
export const sidePanels: { id: SideTab; label: string; render: () => React.ReactNode }[] = [
  { id: 'drafts', label: '意见', render: () => <DraftsPanel /> },
  { id: 'review', label: '审校', render: () => <ReviewPanel /> },
];
