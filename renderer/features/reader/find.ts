import { create } from 'zustand';
import type { Block } from '../../../electron/api/contract';

export interface FindHit {
  index: number;
  blockId: string;
  start: number;
  end: number;
}

interface FindState {
  open: boolean;
  query: string;
  hits: FindHit[];
  current: number;
  setOpen(open: boolean): void;
  run(query: string, blocks: Block[]): void;
  step(delta: number): FindHit | null;
  jump(index: number): FindHit | null;
}

/** All occurrences of `query` in the report, in reading order. */
export function findAll(query: string, blocks: Block[]): FindHit[] {
  const q = query.trim();
  if (!q) return [];
  const hits: FindHit[] = [];
  for (const b of blocks) {
    for (let i = b.text.indexOf(q); i >= 0; i = b.text.indexOf(q, i + q.length)) {
      hits.push({ index: hits.length, blockId: b.id, start: i, end: i + q.length });
      if (hits.length >= 2000) return hits;
    }
  }
  return hits;
}

export const useFind = create<FindState>()((set, get) => ({
  open: false,
  query: '',
  hits: [],
  current: 0,
  setOpen: (open) => set(open ? { open } : { open, query: '', hits: [], current: 0 }),
  run: (query, blocks) => set({ query, hits: findAll(query, blocks), current: 0 }),
  step: (delta) => {
    const { hits, current } = get();
    if (!hits.length) return null;
    const next = (current + delta + hits.length) % hits.length;
    set({ current: next });
    return hits[next];
  },
  jump: (index) => {
    const hit = get().hits[index] ?? null;
    if (hit) set({ current: index });
    return hit;
  },
}));
