import { create } from 'zustand';
import type { TargetPosition } from '../../electron/api/contract';
import { useUi } from './ui';

export type DraftKindName = 'amendment' | 'opinion' | 'suggestion' | 'proposal';

/**
 * The seam between places that start a draft (selection toolbar, a highlight, a paragraph menu,
 * a proofreading finding) and the drafts panel that creates and edits it.
 */
interface DraftActionState {
  pending: { kind: DraftKindName; targets: TargetPosition[]; fields?: Record<string, string>; nonce: number } | null;
  createFromTargets(kind: DraftKindName, targets: TargetPosition[], fields?: Record<string, string>): void;
  clear(): void;
}

let nonce = 0;

export const useDraftActions = create<DraftActionState>()((set) => ({
  pending: null,
  createFromTargets: (kind, targets, fields) => {
    set({ pending: { kind, targets, fields, nonce: ++nonce } });
    useUi.getState().setSideTab('drafts');
  },
  clear: () => set({ pending: null }),
}));
