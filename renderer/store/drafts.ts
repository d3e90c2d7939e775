import { create } from 'zustand';
import type { Args, DraftKindInfo, DraftView, TargetPosition } from '../../electron/api/contract';
import { api, apiOnUnload, errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useUi } from './ui';
import type { DraftKindName } from './draftActions';

export type DraftStatus = 'draft' | 'final' | 'submitted';
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
  create(kind: DraftKindName, versionId: string, targets: TargetPosition[], fields?: Record<string, string>): Promise<DraftView | null>;
  open(id: string | null): void;
  /** Local edit: shown at once, saved after a short pause in typing (and on blur / page hide). */
  edit(id: string, fields: Record<string, string>): void;
  setStatus(id: string, status: DraftStatus): Promise<void>;
  /** Sends unsaved edits now (one draft, or all). */
  flush(id?: string): Promise<void>;
  remove(id: string): Promise<void>;
}

type FieldsArg = NonNullable<Args<'drafts.update'>['fields']>;

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
let failureShown = false;

function fail(e: unknown) {
  useUi.getState().toast('error', errorMessage(e));
}

export const useDrafts = create<DraftsState>()((set, get) => {
  const setSave = (id: string, s: SaveState) => set({ save: { ...get().save, [id]: s } });
  /** Puts the server's view in the list; fields typed since the request went out stay as typed. */
  const merge = (view: DraftView) => {
    const local = get().list.find((d) => d.id === view.id);
    const next = dirty.has(view.id) && local ? { ...view, fields: local.fields } : view;
    const list = local ? get().list.map((d) => (d.id === view.id ? next : d)) : [...get().list, next];
    set({ list });
  };
  const fieldsOf = (id: string) => get().list.find((d) => d.id === id)?.fields as unknown as Record<string, string> | undefined;

  function schedule(id: string, ms = AUTOSAVE_MS) {
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => void send(id), ms),
    );
  }

  async function send(id: string): Promise<void> {
    clearTimeout(timers.get(id));
    timers.delete(id);
    // One request per draft at a time, so an older save never lands after a newer one.
    const running = inflight.get(id);
    if (running) {
      await running;
      return send(id);
    }
    const fields = fieldsOf(id);
    if (!dirty.has(id) || !fields) return;
    dirty.delete(id);
    setSave(id, 'saving');
    const request = api['drafts.update']({ id, fields: fields as FieldsArg })
      .then((view) => {
        merge(view);
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

    load: async (reportId) => {
      if (get().reportId !== reportId) set({ list: [], openId: null, reportId });
      try {
        const list = await api['drafts.list']({ reportId });
        set({ list });
        // Replay edits a closed or crashed page could not save.
        for (const [id, entry] of Object.entries(journal.read())) {
          if (!list.some((d) => d.id === id)) continue;
          set({ list: get().list.map((d) => (d.id === id ? { ...d, fields: { ...d.fields, ...entry.fields } as DraftView['fields'] } : d)) });
          dirty.add(id);
          void send(id);
        }
      } catch (e) {
        fail(e);
      }
    },

    loadKinds: async (role) => {
      try {
        set({ kinds: await api['drafts.kinds'](role ? { role } : {}) });
      } catch (e) {
        fail(e);
      }
    },

    create: async (kind, versionId, targets, fields) => {
      try {
        // Committed to SQLite before it appears: the editor opens on a saved draft.
        // Positions are enough: the back end takes the quote and its context from the report text.
        const selectors = targets.map(({ blockId, start, end, exact }) => ({ blockId, start, end, exact, prefix: '', suffix: '' }));
        const view = await api['drafts.create']({ versionId, kind, targets: selectors, ...(fields ? { fields: fields as FieldsArg } : {}) });
        set({ list: [...get().list, view], openId: view.id, save: { ...get().save, [view.id]: 'saved' } });
        return view;
      } catch (e) {
        fail(e);
        return null;
      }
    },

    open: (openId) => {
      const prev = get().openId;
      if (prev && prev !== openId) void send(prev);
      set({ openId });
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

    setStatus: async (id, status) => {
      await send(id);
      try {
        merge(await api['drafts.update']({ id, status }));
      } catch (e) {
        fail(e);
      }
    },

    flush: async (id) => {
      const ids = id ? [id] : [...dirty];
      await Promise.all(ids.map((x) => send(x)));
    },

    remove: async (id) => {
      await send(id);
      try {
        await api['drafts.delete']({ id });
        journal.drop(id);
        set({ list: get().list.filter((d) => d.id !== id), openId: get().openId === id ? null : get().openId });
        useUi.getState().toast('info', t.drafts.deleted, {
          label: t.undo,
          run: () =>
            void api['drafts.restore']({ id })
              .then((view) => merge(view))
              .catch(fail),
        });
      } catch (e) {
        fail(e);
      }
    },
  };
});

/**
 * The page is going away (tab closed, window reloaded, app hidden on mobile): send every unsaved
 * edit now with a request that outlives the page. The journal covers the case where even this
 * cannot get out.
 */
function flushOnHide() {
  const { list } = useDrafts.getState();
  for (const id of [...dirty]) {
    const d = list.find((x) => x.id === id);
    if (!d) continue;
    clearTimeout(timers.get(id));
    timers.delete(id);
    dirty.delete(id);
    void apiOnUnload['drafts.update']({ id, fields: d.fields as unknown as FieldsArg })
      .then((view) => {
        if (dirty.has(id)) return;
        journal.drop(id);
        const st = useDrafts.getState();
        useDrafts.setState({ list: st.list.map((x) => (x.id === id ? view : x)), save: { ...st.save, [id]: 'saved' } });
      })
      .catch(() => dirty.add(id));
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushOnHide);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushOnHide();
  });
}
