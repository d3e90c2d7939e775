import type { SideTab } from '../store/ui';

/** Side panels contributed by features (drafts, review, indicators). One line each. */
export const sidePanels: { id: SideTab; label: string; render: () => React.ReactNode }[] = [];
