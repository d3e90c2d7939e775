import { create } from 'zustand';

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
  setView(v: View): void;
  setSideTab(t: SideTab): void;
  toast(kind: Toast['kind'], text: string, action?: Toast['action']): void;
  dismiss(id: number): void;
}

let seq = 0;

export const useUi = create<UiState>()((set, get) => ({
  view: 'reader',
  sideTab: 'annotations',
  toasts: [],
  setView: (view) => set({ view }),
  setSideTab: (sideTab) => set({ sideTab }),
  toast: (kind, text, action) => {
    const id = ++seq;
    set({ toasts: [...get().toasts.slice(-3), { id, kind, text, action }] });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 4000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
