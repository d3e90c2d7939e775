import { create } from 'zustand';
import type { AnnotationListItem, AnnotationTarget, TargetPosition } from '../../electron/api/contract';
import { api, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';
import { useReader } from './reader';

export type Color = 'yellow' | 'blue' | 'orange' | 'red' | 'green' | 'purple';
export const COLORS: Color[] = ['yellow', 'blue', 'orange', 'red', 'green', 'purple'];

interface UndoEntry {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export interface Filters {
  colors: Color[];
  tag: string | null;
  text: string;
}

/** Per block: the annotation targets that fall in it, for painting highlights. */
export type BlockMarks = Map<string, { annotation: AnnotationListItem; target: TargetPosition }[]>;

interface AnnotationState {
  versionId: string | null;
  list: AnnotationListItem[];
  byBlock: BlockMarks;
  tags: string[];
  filters: Filters;
  selectedId: string | null;
  /** an annotation whose note box should take the focus as soon as its card is on screen */
  noteFocusFor: string | null;
  undoStack: UndoEntry[];
  redoStack: UndoEntry[];
  /** (Re)loads the annotations of a version. */
  load(versionId: string): Promise<void>;
  /** Loads once per version: opening a report starts this beside reports.get, not after it. */
  ensureLoaded(versionId: string): Promise<void>;
  create(input: { color: Color; note?: string; tags?: string[]; targets: AnnotationTarget[] }): Promise<AnnotationListItem | null>;
  update(id: string, patch: { color?: Color; note?: string; tags?: string[] }): Promise<void>;
  remove(id: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  select(id: string | null): void;
  /** select an annotation and put the caret in its note (批注 in the selection toolbar) */
  editNote(id: string): void;
  setFilters(f: Partial<Filters>): void;
}

function index(list: AnnotationListItem[]): BlockMarks {
  const map: BlockMarks = new Map();
  for (const a of list)
    for (const target of a.targets) {
      // An orphan keeps the targets of the version it was made on (shown as its quote): never paint them here.
      if (a.anchorStatus === 'orphaned') continue;
      const arr = map.get(target.blockId);
      if (arr) arr.push({ annotation: a, target });
      else map.set(target.blockId, [{ annotation: a, target }]);
    }
  return map;
}

function fail(e: unknown) {
  useUi.getState().toast('error', errorMessage(e));
}

export const useAnnotations = create<AnnotationState>()((set, get) => {
  const replace = (a: AnnotationListItem) => {
    const list = get().list.some((x) => x.id === a.id) ? get().list.map((x) => (x.id === a.id ? a : x)) : [...get().list, a];
    set({ list, byBlock: index(list) });
  };
  const drop = (id: string) => {
    const list = get().list.filter((x) => x.id !== id);
    set({ list, byBlock: index(list), selectedId: get().selectedId === id ? null : get().selectedId });
  };
  const refreshTags = async () => set({ tags: await api['annotations.tags']({}) });
  const push = (entry: UndoEntry) => set({ undoStack: [...get().undoStack.slice(-99), entry], redoStack: [] });
  // Undo/redo run one at a time: a fast second Ctrl+Z must see the stack the first one left.
  let queue: Promise<void> = Promise.resolve();
  let inflight: { versionId: string; promise: Promise<void> } | null = null;
  const serial = (step: () => Promise<void>) => (queue = queue.then(step, step));

  return {
    versionId: null,
    list: [],
    byBlock: new Map(),
    tags: [],
    filters: { colors: [], tag: null, text: '' },
    selectedId: null,
    noteFocusFor: null,
    undoStack: [],
    redoStack: [],

    load: (versionId) => {
      const run = (async () => {
        const [list, tags] = await Promise.all([api['annotations.list']({ versionId }), api['annotations.tags']({})]);
        set({ versionId, list, byBlock: index(list), tags, undoStack: [], redoStack: [], selectedId: null });
      })();
      inflight = { versionId, promise: run };
      return run;
    },

    ensureLoaded: (versionId) => {
      if (inflight?.versionId === versionId) return inflight.promise;
      return get().load(versionId);
    },

    create: async (input) => {
      // The version on screen, even if its annotation list is still loading: a mark made in
      // the first second after opening must not be dropped.
      const versionId = useReader.getState().doc?.version.id ?? get().versionId;
      if (!versionId) return null;
      try {
        // Written to SQLite before we show it: the promise resolves only after the commit.
        const a = await api['annotations.create']({ versionId, ...input });
        replace(a);
        if (input.tags?.length) void refreshTags();
        push({
          undo: async () => drop((await api['annotations.delete']({ id: a.id })).id),
          redo: async () => replace(await api['annotations.restore']({ id: a.id })),
        });
        return a;
      } catch (e) {
        fail(e);
        return null;
      }
    },

    update: async (id, patch) => {
      const before = get().list.find((a) => a.id === id);
      if (!before) return;
      try {
        replace(await api['annotations.update']({ id, ...patch }));
        if (patch.tags) void refreshTags();
        const prev = { color: before.color as Color, note: before.note, tags: before.tags };
        push({
          undo: async () => replace(await api['annotations.update']({ id, ...prev })),
          redo: async () => replace(await api['annotations.update']({ id, ...patch })),
        });
      } catch (e) {
        fail(e);
      }
    },

    remove: async (id) => {
      try {
        await api['annotations.delete']({ id });
        drop(id);
        const entry: UndoEntry = {
          undo: async () => replace(await api['annotations.restore']({ id })),
          redo: async () => drop((await api['annotations.delete']({ id })).id),
        };
        push(entry);
        useUi.getState().toast('info', t.annotations.deleted, { label: t.undo, run: () => void get().undo() });
      } catch (e) {
        fail(e);
      }
    },

    undo: () =>
      serial(async () => {
        const entry = get().undoStack.at(-1);
        if (!entry) return;
        set({ undoStack: get().undoStack.slice(0, -1) });
        try {
          await entry.undo();
          set({ redoStack: [...get().redoStack, entry] });
        } catch (e) {
          fail(e);
        }
      }),

    redo: () =>
      serial(async () => {
        const entry = get().redoStack.at(-1);
        if (!entry) return;
        set({ redoStack: get().redoStack.slice(0, -1) });
        try {
          await entry.redo();
          set({ undoStack: [...get().undoStack, entry] });
        } catch (e) {
          fail(e);
        }
      }),

    select: (selectedId) => set({ selectedId }),
    editNote: (id) => set({ selectedId: id, noteFocusFor: id }),
    setFilters: (f) => set({ filters: { ...get().filters, ...f } }),
  };
});

/** Annotations passing the side panel's filters, in document order. */
export function filterAnnotations<T extends AnnotationListItem>(list: T[], filters: Filters, blockOrder: Map<string, number>): T[] {
  const text = filters.text.trim().toLowerCase();
  return list
    .filter(
      (a) =>
        (filters.colors.length === 0 || filters.colors.includes(a.color as Color)) &&
        (!filters.tag || a.tags.includes(filters.tag)) &&
        (!text ||
          a.note.toLowerCase().includes(text) ||
          a.targets.some((x) => x.exact.toLowerCase().includes(text)) ||
          a.tags.some((x) => x.toLowerCase().includes(text))),
    )
    .sort((a, b) => {
      const ta = a.targets[0];
      const tb = b.targets[0];
      return (blockOrder.get(ta?.blockId ?? '') ?? 0) - (blockOrder.get(tb?.blockId ?? '') ?? 0) || (ta?.start ?? 0) - (tb?.start ?? 0);
    });
}

// Opening a report starts loading its marks at once, beside the report text, not after it.
useReader.subscribe((s, prev) => {
  if (s.openingVersionId && s.openingVersionId !== prev.openingVersionId) {
    void useAnnotations
      .getState()
      .ensureLoaded(s.openingVersionId)
      .catch(() => {});
  }
});
