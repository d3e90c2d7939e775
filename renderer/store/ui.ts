import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type View = 'library' | 'reader' | 'compare' | 'settings' | 'indicators' | 'backups' | 'delegation';
export type SideTab = 'annotations' | 'search' | 'drafts' | 'review' | 'indicators';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

interface UiState {
  view: View;
  sideTab: SideTab;
  toasts: Toast[];
  /** the ? overlay listing every shortcut */
  shortcutsOpen: boolean;
  setView(v: View): void;
  setSideTab(t: SideTab): void;
  setShortcutsOpen(open: boolean): void;
  toast(kind: Toast['kind'], text: string, action?: Toast['action']): void;
  dismiss(id: number): void;
}

let seq = 0;

export const useUi = create<UiState>()(
  persist(
    (set, get) => ({
      view: 'reader',
      sideTab: 'annotations',
      toasts: [],
      shortcutsOpen: false,
      setView: (view) => set({ view }),
      setSideTab: (sideTab) => set({ sideTab }),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
      toast: (kind, text, action) => {
        const id = ++seq;
        set({ toasts: [...get().toasts.slice(-3), { id, kind, text, action }] });
        setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 4000);
      },
      dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    }),
    {
      name: 'reviewdesk.ui',
      // The side panel comes back on the tab that was open; nothing else here outlives the page.
      partialize: (s) => ({ sideTab: s.sideTab }),
    },
  ),
);
