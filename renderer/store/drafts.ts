import { create } from 'zustand';
import type { DraftKindInfo, DraftView, TargetPosition } from '../../electron/api/contract';
import { api, apiOnUnload, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';
import { useAnnotations, type UndoEntry } from './annotations';
import { useReader } from './reader';

import type { DraftKind, DraftStatus } from '../../electron/core/common/vocabulary';
export type { DraftKind, DraftStatus };
/** dirty: typed but not sent yet; saving: sent, not confirmed; saved: committed in SQLite. */
export type SaveState = 'dirty' | 'saving' | 'saved' | 'error';

interface DraftsState {
  reportId: string | null;
  list: DraftView[];
  kinds: DraftKindInfo[];
  openId: string | null;
  save: Record<string, SaveState>;
  load(reportId: string): Promise<void>;
  loadKinds(role?: 'deputy' | 'member'): Promise<void>;
  create(kind: DraftKind, versionId: string, targets: TargetPosition[], fields?: Record<string, string>): Promise<DraftView | null>;
  /**
   * Starts a draft on passages of the version being read and opens it in the 意见 panel: what the
   * selection toolbar, a highlight's card, a paragraph's menu and a proofreading finding call.
   */
  startFrom(kind: DraftKind, targets: TargetPosition[], fields?: Record<string, string>): Promise<DraftView | null>;
  open(id: string | null): void;
  /** The draft whose 关联其他段落 is on: the next selection's toolbar offers 关联到此稿. */
  linking: string | null;
  startLinking(id: string): void;
  cancelLinking(): void;
  /** Links passages of the text being read to the draft in `linking` (undoable); false when refused. */
  linkPassage(targets: TargetPosition[]): Promise<boolean>;
  /** Sets a draft's passages (a chip removed); the back end quotes new ones in the form's 背景. */
  setPassages(id: string, targets: TargetPosition[]): Promise<boolean>;
  /** Local edit: shown at once, saved after a short pause in typing (and on blur / page hide). */
  edit(id: string, fields: Record<string, string>): void;
  setStatus(id: string, status: DraftStatus): Promise<void>;
  /** 提出人 of one draft (saved at once). */
  setAuthor(id: string, author: string): Promise<void>;
  /** Sends unsaved edits now (one draft, or all). A flush also closes the current undo step. */
  flush(id?: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Pause in typing after which an edit is saved. */
export const AUTOSAVE_MS = 800;
const RETRY_MS = 3000;

/**
 * Edits not yet confirmed by the back end are also kept in localStorage, written synchronously
 * on every keystroke: if the page dies before the save request gets out (crash, killed window),
 * the next start sends them again. Cleared per draft once a save is confirmed.
 */
const JOURNAL_KEY = 'reviewdesk.draftJournal';
type Journal = Record<string, { fields: Record<string, string>; at: number }>;
const journal = {
  read(): Journal {
    try {
      return (JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}') as Journal) ?? {};
    } catch {
      return {};
    }
  },
  put(id: string, fields: Record<string, string>) {
    try {
      localStorage.setItem(JOURNAL_KEY, JSON.stringify({ ...journal.read(), [id]: { fields, at: Date.now() } }));
    } catch {
      // storage full or disabled: the normal save path still runs
    }
  },
  drop(id: string) {
    const j = journal.read();
    if (!(id in j)) return;
    delete j[id];
    try {
      localStorage.setItem(JOURNAL_KEY, JSON.stringify(j));
    } catch {}
  },
};

const dirty = new Set<string>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const inflight = new Map<string, Promise<void>>();
/** Fields as the back end last confirmed them, per draft: what an undo of the next save goes back to. */
const confirmed = new Map<string, Record<string, string>>();
/**
 * The undo step edits of a draft are gathered into: saves while typing in one field (several
 * autosaves) are one Ctrl+Z; a flush (leaving the field, closing the draft) starts the next step.
 */
let editStep: { id: string; before: Record<string, string>; after: Record<string, string>; entry: UndoEntry } | null = null;
let failureShown = false;
/** Per drafts.list request on its way: the ids created since it left (see load). */
const loadsTravelling = new Set<Set<string>>();

function fail(e: unknown) {
  useUi.getState().toast('error', errorMessage(e));
}

const plain = (view: DraftView) => view.fields as unknown as Record<string, string>;

export const useDrafts = create<DraftsState>()((set, get) => {
  const setSave = (id: string, s: SaveState) => set({ save: { ...get().save, [id]: s } });
  /** Puts the server's view in the list; fields typed since the request went out stay as typed. */
  const merge = (view: DraftView) => {
    if (view.reportId !== get().reportId) return; // an undo reaching a draft of a report no longer open
    const local = get().list.find((d) => d.id === view.id);
    const next = dirty.has(view.id) && local ? { ...view, fields: local.fields } : view;
    if (!dirty.has(view.id)) confirmed.set(view.id, plain(view));
    const list = local ? get().list.map((d) => (d.id === view.id ? next : d)) : [...get().list, next];
    set({ list });
  };
  const drop = (id: string) => {
    journal.drop(id);
    set({ list: get().list.filter((d) => d.id !== id), openId: get().openId === id ? null : get().openId });
  };
  const fieldsOf = (id: string) => get().list.find((d) => d.id === id)?.fields as unknown as Record<string, string> | undefined;
  /** Draft actions go on the same undo stack as annotations: one Ctrl+Z for whatever was done last. */
  const push = (entry: UndoEntry) => useAnnotations.getState().push(entry);
  const undoable = <T>(action: () => Promise<T>) => useAnnotations.getState().undoable(action);
  const isTop = (entry: UndoEntry) => useAnnotations.getState().undoStack.at(-1) === entry;

  /** Sets a draft's fields as an undo or redo does: what the server says replaces anything unsent. */
  async function applyFields(id: string, fields: Record<string, string>) {
    await inflight.get(id); // the save being undone lands first, never after the undo
    clearTimeout(timers.get(id));
    timers.delete(id);
    dirty.delete(id);
    journal.drop(id);
    merge(await api['drafts.update']({ id, fields: fields }));
    setSave(id, 'saved');
  }

  /**
   * A save is going out: its undo step goes back to the fields before it (gathered per field, see
   * editStep). Recorded as the request leaves, so a Ctrl+Z pressed while it travels undoes it.
   */
  function recordEdit(id: string, before: Record<string, string> | undefined, after: Record<string, string>) {
    if (!before || JSON.stringify(before) === JSON.stringify(after)) return;
    if (editStep && editStep.id === id && isTop(editStep.entry)) {
      editStep.after = after;
      return;
    }
    // a field the save added (absent before) goes back to empty, not to whatever it now holds
    const blank = Object.fromEntries(Object.keys(after).map((k) => [k, '']));
    const step = { id, before: { ...blank, ...before }, after } as NonNullable<typeof editStep>;
    step.entry = {
      undo: () => applyFields(step.id, step.before),
      redo: () => applyFields(step.id, step.after),
    };
    editStep = step;
    push(step.entry);
  }

  function schedule(id: string, ms = AUTOSAVE_MS) {
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => void send(id), ms),
    );
  }

  async function send(id: string, undoable = true): Promise<void> {
    clearTimeout(timers.get(id));
    timers.delete(id);
    // One request per draft at a time, so an older save never lands after a newer one.
    const running = inflight.get(id);
    if (running) {
      await running;
      return send(id, undoable);
    }
    const fields = fieldsOf(id);
    if (!dirty.has(id) || !fields) return;
    dirty.delete(id);
    setSave(id, 'saving');
    if (undoable) recordEdit(id, confirmed.get(id), { ...fields });
    const request = api['drafts.update']({ id, fields: fields })
      .then((view) => {
        merge(view);
        confirmed.set(id, { ...fields });
        if (!dirty.has(id)) {
          setSave(id, 'saved');
          journal.drop(id);
        }
        failureShown = false;
      })
      .catch((e) => {
        dirty.add(id);
        setSave(id, 'error');
        if (!failureShown) fail(e);
        failureShown = true;
        schedule(id, RETRY_MS);
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, request);
    return request;
  }

  return {
    reportId: null,
    list: [],
    kinds: [],
    openId: null,
    save: {},
    linking: null,

    load: async (reportId) => {
      if (get().reportId !== reportId) set({ list: [], openId: null, reportId });
      const createdMeanwhile = new Set<string>();
      loadsTravelling.add(createdMeanwhile);
      try {
        const fetched = await api['drafts.list']({ reportId });
        // A draft created while the list was on its way (the panel opening for a 修改意见 just
        // started from the toolbar) is not in it: keep it, and keep it open.
        const list = [...fetched, ...get().list.filter((d) => createdMeanwhile.has(d.id) && !fetched.some((x) => x.id === d.id))];
        set({ list });
        for (const d of list) if (!dirty.has(d.id)) confirmed.set(d.id, plain(d));
        // Replay edits a closed or crashed page could not save (not an undo step: nothing was done now).
        for (const [id, entry] of Object.entries(journal.read())) {
          if (!list.some((d) => d.id === id)) continue;
          set({ list: get().list.map((d) => (d.id === id ? { ...d, fields: { ...d.fields, ...entry.fields } } : d)) });
          dirty.add(id);
          void send(id, false);
        }
      } catch (e) {
        fail(e);
      } finally {
        loadsTravelling.delete(createdMeanwhile);
      }
    },

    loadKinds: async (role) => {
      try {
        set({ kinds: await api['drafts.kinds'](role ? { role } : {}) });
      } catch (e) {
        fail(e);
      }
    },

    create: (kind, versionId, targets, fields) =>
      undoable(async () => {
        try {
          // Committed to SQLite before it appears: the editor opens on a saved draft.
          // Positions (and the quote the user saw, which the back end checks against the text): it
          // takes the stored quote and its context from the report text.
          const view = await api['drafts.create']({
            versionId,
            kind,
            targets: targets.map(({ blockId, start, end, exact }) => ({ blockId, start, end, exact })),
            ...(fields ? { fields } : {}),
          });
          confirmed.set(view.id, plain(view));
          for (const created of loadsTravelling) created.add(view.id);
          set({ list: [...get().list, view], openId: view.id, save: { ...get().save, [view.id]: 'saved' } });
          push({
            undo: async () => {
              await send(view.id, false);
              await api['drafts.delete']({ id: view.id });
              drop(view.id);
            },
            redo: async () => merge(await api['drafts.restore']({ id: view.id })),
          });
          return view;
        } catch (e) {
          fail(e);
          return null;
        }
      }),

    startFrom: async (kind, targets, fields) => {
      const doc = useReader.getState().doc;
      if (!doc) return null;
      useUi.getState().setSideTab('drafts');
      if (get().reportId !== doc.report.id) set({ list: [], openId: null, reportId: doc.report.id });
      return get().create(kind, doc.version.id, targets, fields);
    },

    startLinking: (id) => set({ linking: id }),
    cancelLinking: () => set({ linking: null }),

    linkPassage: async (targets) => {
      const id = get().linking;
      const draft = get().list.find((d) => d.id === id);
      const doc = useReader.getState().doc;
      if (!id || !draft || !doc) return false;
      if (doc.version.id !== draft.versionId) {
        useUi.getState().toast('error', t.drafts.passages.otherVersion);
        return false;
      }
      // reading order, so the chips and the quotes in 背景 follow the report
      const ord = new Map(doc.blocks.map((b, i) => [b.id, i]));
      const key = (x: TargetPosition) => (ord.get(x.blockId) ?? 0) * 1e7 + x.start;
      const mine = draft.targets.map(({ blockId, start, end, exact }) => ({ blockId, start, end, exact }));
      const all = [...mine, ...targets.filter((n) => !mine.some((m) => m.blockId === n.blockId && m.start === n.start && m.end === n.end))];
      const ok = await get().setPassages(
        id,
        all.sort((a, b) => key(a) - key(b)),
      );
      if (ok) {
        set({ linking: null, openId: id });
        useUi.getState().setSideTab('drafts');
      }
      return ok;
    },

    setPassages: (id, targets) =>
      undoable(async () => {
        await send(id);
        const before = get().list.find((d) => d.id === id);
        if (!before) return false;
        const positions = (d: DraftView) => d.targets.map(({ blockId, start, end, exact }) => ({ blockId, start, end, exact }));
        const undoTo = { targets: positions(before), fields: plain(before) };
        try {
          const after = await api['drafts.update']({ id, targets });
          merge(after);
          push({
            // back to the passages and the 背景 as they were: the quotes the link added go too
            undo: async () => merge(await api['drafts.update']({ id, ...undoTo })),
            redo: async () => merge(await api['drafts.update']({ id, targets })),
          });
          return true;
        } catch (e) {
          fail(e);
          return false;
        }
      }),

    open: (openId) => {
      const prev = get().openId;
      if (prev && prev !== openId) void send(prev);
      editStep = null;
      // 关联其他段落 belongs to the draft it was started from: leaving that draft ends it
      set({ openId, linking: get().linking === openId ? get().linking : null });
    },

    edit: (id, changes) => {
      const d = get().list.find((x) => x.id === id);
      if (!d) return;
      const fields = { ...(d.fields as unknown as Record<string, string>), ...changes };
      set({ list: get().list.map((x) => (x.id === id ? { ...x, fields: fields as unknown as DraftView['fields'] } : x)) });
      dirty.add(id);
      journal.put(id, fields);
      setSave(id, 'dirty');
      schedule(id);
    },

    setStatus: (id, status) =>
      undoable(async () => {
        await send(id);
        const before = get().list.find((d) => d.id === id)?.status;
        if (!before || before === status) return;
        try {
          merge(await api['drafts.update']({ id, status }));
          push({
            undo: async () => merge(await api['drafts.update']({ id, status: before })),
            redo: async () => merge(await api['drafts.update']({ id, status })),
          });
        } catch (e) {
          fail(e);
        }
      }),

    setAuthor: (id, author) =>
      undoable(async () => {
        const name = author.trim();
        await send(id);
        const before = get().list.find((d) => d.id === id)?.author;
        if (before === undefined || before === name) return;
        try {
          merge(await api['drafts.update']({ id, author: name }));
          push({
            undo: async () => merge(await api['drafts.update']({ id, author: before })),
            redo: async () => merge(await api['drafts.update']({ id, author: name })),
          });
        } catch (e) {
          fail(e);
        }
      }),

    flush: async (id) => {
      const ids = id ? [id] : [...dirty];
      await Promise.all(ids.map((x) => send(x)));
      if (!id || editStep?.id === id) editStep = null;
    },

    remove: (id) =>
      undoable(async () => {
        await send(id);
        try {
          await api['drafts.delete']({ id });
          drop(id);
          const entry: UndoEntry = {
            undo: async () => merge(await api['drafts.restore']({ id })),
            redo: async () => {
              await api['drafts.delete']({ id });
              drop(id);
            },
          };
          push(entry);
          useUi.getState().toast('info', t.drafts.deleted, {
            label: t.undo,
            // the toast's 撤销 brings back this draft even if something else was done since
            run: () => void (isTop(entry) ? useAnnotations.getState().undo() : entry.undo().catch(fail)),
          });
        } catch (e) {
          fail(e);
        }
      }),
  };
});

/**
 * The page is going away (tab closed, window reloaded, app hidden on mobile): send every unsaved
 * edit now with a request that outlives the page. The journal covers the case where even this
 * cannot get out. Called by renderer/pageLifecycle.ts: a store registers no listeners of its own.
 */
export function sendPendingDraftsNow(): void {
  const { list } = useDrafts.getState();
  for (const id of [...dirty]) {
    const d = list.find((x) => x.id === id);
    if (!d) continue;
    clearTimeout(timers.get(id));
    timers.delete(id);
    dirty.delete(id);
    void apiOnUnload['drafts.update']({ id, fields: d.fields })
      .then((view) => {
        if (dirty.has(id)) return;
        journal.drop(id);
        const st = useDrafts.getState();
        useDrafts.setState({ list: st.list.map((x) => (x.id === id ? view : x)), save: { ...st.save, [id]: 'saved' } });
      })
      .catch(() => dirty.add(id));
  }
}
