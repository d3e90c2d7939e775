import { create } from 'zustand';
import type { AnnotationListItem, TargetPosition } from '../../electron/api/contract';
import { api, apiOnUnload, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';
import { useReader } from './reader';

import type { Color } from '../../electron/core/common/vocabulary';
export { COLORS, type Color } from '../../electron/core/common/vocabulary';

/** One step of the shared undo stack: a pair of API calls. Drafts push theirs here too (see push). */
export interface UndoEntry {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** A part or section of the report: its paragraphs are [from, to) in reading order. */
export interface SectionFilter {
  blockId: string;
  from: number;
  to: number;
}

export interface Filters {
  colors: Color[];
  tag: string | null;
  text: string;
  /** marks whose first paragraph lies in this part or section (orphans lie in none) */
  section?: SectionFilter | null;
  /** one person (personKey of the author); '' is marks nobody signed */
  author?: string | null;
}

/**
 * One key per person however the name was spaced or typed (张三 / 张 三 / 张　三), as 代表团汇总
 * counts people (core's authorKey; the renderer cannot import it).
 */
export function personKey(author: string): string {
  return author.normalize('NFKC').replace(/\s+/gu, '');
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
  create(input: { color: Color; note?: string; tags?: string[]; targets: TargetPosition[] }): Promise<AnnotationListItem | null>;
  update(id: string, patch: { color?: Color; note?: string; tags?: string[] }): Promise<void>;
  remove(id: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Puts another store's action (a draft created, edited, deleted) on this same stack, so Ctrl+Z covers it. */
  push(entry: UndoEntry): void;
  /**
   * Runs an action that will push an undo step when its request comes back. Undo and redo wait for
   * every such action still travelling, so a Ctrl+Z pressed right after 重点 undoes that mark, not
   * whatever was on top of the stack before its answer arrived.
   */
  undoable<T>(action: () => Promise<T>): Promise<T>;
  select(id: string | null): void;
  /** select an annotation and put the caret in its note (批注 in the selection toolbar) */
  editNote(id: string): void;
  /** A keystroke in a note: kept (and journaled) until `flushNote` or the page closing sends it. */
  typeNote(id: string, text: string): void;
  /** Sends a note typed since the last save, if any. */
  flushNote(id: string): Promise<void>;
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

/**
 * Notes typed and not yet sent, per annotation, with the note as it was before (to replay a
 * journaled edit only over the text it was typed on). Every keystroke is also journaled in
 * localStorage, synchronously: a page that dies before its save gets out sends it at the next
 * start. Cleared once the back end confirms.
 */
type PendingNote = { text: string; before: string };
const pendingNotes = new Map<string, PendingNote>();
/** saves sent and not yet answered, per annotation */
const notesInFlight = new Map<string, number>();
const NOTE_JOURNAL_KEY = 'reviewdesk.noteJournal';
const noteJournal = {
  read(): Record<string, PendingNote> {
    try {
      return (JSON.parse(localStorage.getItem(NOTE_JOURNAL_KEY) ?? '{}') as Record<string, PendingNote>) ?? {};
    } catch {
      return {};
    }
  },
  write(j: Record<string, PendingNote>) {
    try {
      if (Object.keys(j).length) localStorage.setItem(NOTE_JOURNAL_KEY, JSON.stringify(j));
      else localStorage.removeItem(NOTE_JOURNAL_KEY);
    } catch {
      // storage full or disabled: the normal save path still runs
    }
  },
  put(id: string, entry: PendingNote) {
    noteJournal.write({ ...noteJournal.read(), [id]: entry });
  },
  drop(id: string) {
    const j = noteJournal.read();
    if (!(id in j)) return;
    delete j[id];
    noteJournal.write(j);
  },
};

/** True while a note has typing not yet saved, or a save not yet answered: its card keeps what is typed. */
export function noteBusy(id: string): boolean {
  return pendingNotes.has(id) || (notesInFlight.get(id) ?? 0) > 0;
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
  const travelling = new Set<Promise<unknown>>();
  const undoable = <T>(action: () => Promise<T>): Promise<T> => {
    const p = action();
    travelling.add(p);
    const forget = () => void travelling.delete(p);
    p.then(forget, forget);
    return p;
  };
  const settled = () => Promise.allSettled([...travelling]);

  return {
    versionId: null,
    list: [],
    byBlock: new Map(),
    tags: [],
    filters: { colors: [], tag: null, text: '', section: null, author: null },
    selectedId: null,
    noteFocusFor: null,
    undoStack: [],
    redoStack: [],

    load: (versionId) => {
      const run = (async () => {
        const [list, tags] = await Promise.all([api['annotations.list']({ versionId }), api['annotations.tags']({})]);
        // a part of another version's outline means nothing here
        const filters = get().versionId === versionId ? get().filters : { ...get().filters, section: null };
        set({ versionId, list, byBlock: index(list), tags, filters, undoStack: [], redoStack: [], selectedId: null });
        await replayNoteJournal(list);
      })();
      inflight = { versionId, promise: run };
      return run;
    },

    ensureLoaded: (versionId) => {
      if (inflight?.versionId === versionId) return inflight.promise;
      return get().load(versionId);
    },

    create: (input) =>
      undoable(async () => {
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
      }),

    update: (id, patch) =>
      undoable(async () => {
        const before = get().list.find((a) => a.id === id);
        if (!before) return;
        try {
          replace(await api['annotations.update']({ id, ...patch }));
          if (patch.tags) void refreshTags();
          const prev = { color: before.color, note: before.note, tags: before.tags };
          push({
            undo: async () => replace(await api['annotations.update']({ id, ...prev })),
            redo: async () => replace(await api['annotations.update']({ id, ...patch })),
          });
        } catch (e) {
          fail(e);
        }
      }),

    remove: (id) =>
      undoable(async () => {
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
      }),

    undo: () =>
      serial(async () => {
        await settled();
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
        await settled();
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

    push,
    undoable,
    select: (selectedId) => set({ selectedId }),
    editNote: (id) => set({ selectedId: id, noteFocusFor: id }),

    typeNote: (id, text) => {
      const saved = get().list.find((a) => a.id === id)?.note ?? '';
      const before = pendingNotes.get(id)?.before ?? saved;
      if (text === saved && !notesInFlight.get(id)) {
        // typed back to what is saved: nothing to send
        pendingNotes.delete(id);
        noteJournal.drop(id);
        return;
      }
      pendingNotes.set(id, { text, before });
      noteJournal.put(id, { text, before });
    },

    flushNote: async (id) => {
      const pending = pendingNotes.get(id);
      if (!pending) return;
      pendingNotes.delete(id);
      notesInFlight.set(id, (notesInFlight.get(id) ?? 0) + 1);
      try {
        await get().update(id, { note: pending.text });
      } finally {
        notesInFlight.set(id, (notesInFlight.get(id) ?? 1) - 1);
      }
      // Confirmed (update reports its own failures): the journal entry has done its job.
      if (!pendingNotes.has(id) && get().list.find((a) => a.id === id)?.note === pending.text) noteJournal.drop(id);
    },
    setFilters: (f) => set({ filters: { ...get().filters, ...f } }),
  };
});

const inSection = (ord: number | undefined, s: SectionFilter) => ord !== undefined && ord >= s.from && ord < s.to;

/** Annotations passing the side panel's filters, in document order. */
export function filterAnnotations<T extends AnnotationListItem>(list: T[], filters: Filters, blockOrder: Map<string, number>): T[] {
  const text = filters.text.trim().toLowerCase();
  return list
    .filter(
      (a) =>
        (filters.colors.length === 0 || filters.colors.includes(a.color)) &&
        (!filters.tag || a.tags.includes(filters.tag)) &&
        (filters.author == null || personKey(a.author) === filters.author) &&
        (!filters.section || inSection(blockOrder.get(a.targets[0]?.blockId ?? ''), filters.section)) &&
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

/**
 * Journaled notes whose save never came back: sent again over the text they were typed on. One
 * that the back end already has is just forgotten; one whose note changed since (another window,
 * a bundle) is left as it is there.
 */
async function replayNoteJournal(list: AnnotationListItem[]) {
  const journal = noteJournal.read();
  for (const [id, entry] of Object.entries(journal)) {
    const a = list.find((x) => x.id === id);
    if (!a) continue; // another version's mark: replayed when that version is opened
    if (a.note === entry.before && entry.text !== entry.before) {
      try {
        const saved = await api['annotations.update']({ id, note: entry.text });
        const { list: now } = useAnnotations.getState();
        const next = now.map((x) => (x.id === id ? saved : x));
        useAnnotations.setState({ list: next, byBlock: index(next) });
      } catch {
        continue; // kept for the next start
      }
    }
    noteJournal.drop(id);
  }
}

/**
 * The page is going away (reload, window closed, app hidden): notes typed since the last save go
 * out now, with a request that outlives the page. The journal covers a request that cannot.
 * Called by renderer/pageLifecycle.ts: a store registers no listeners of its own.
 */
export function sendPendingNotesNow(): void {
  for (const [id, pending] of [...pendingNotes]) {
    pendingNotes.delete(id);
    notesInFlight.set(id, (notesInFlight.get(id) ?? 0) + 1);
    void apiOnUnload['annotations.update']({ id, note: pending.text })
      .then((saved) => {
        const { list } = useAnnotations.getState();
        const next = list.map((x) => (x.id === id ? saved : x));
        useAnnotations.setState({ list: next, byBlock: index(next) });
        if (!pendingNotes.has(id)) noteJournal.drop(id);
      })
      .catch(() => {
        // the journal still has it
      })
      .finally(() => notesInFlight.set(id, (notesInFlight.get(id) ?? 1) - 1));
  }
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
