import { create } from 'zustand';
import type { BlockFinding } from '../features/reader/BlockView';

/** Proofreading findings to underline in the reader, grouped by block (filled by the review panel). */
interface ReviewMarksState {
  byBlock: Map<string, BlockFinding[]>;
  set(findings: (BlockFinding & { blockId: string })[]): void;
}

export const useReviewMarks = create<ReviewMarksState>()((set) => ({
  byBlock: new Map(),
  set: (findings) => {
    const m = new Map<string, BlockFinding[]>();
    for (const f of findings) m.set(f.blockId, [...(m.get(f.blockId) ?? []), f]);
    set({ byBlock: m });
  },
}));
