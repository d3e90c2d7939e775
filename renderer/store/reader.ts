import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ReaderVersion } from '../../electron/api/contract';
import { api, apiOnUnload, errorMessage } from '../api/client';
import { useUi } from './ui';

export type Theme = 'light' | 'sepia' | 'dark' | 'contrast';

interface ViewPrefs {
  fontSize: number;
  lineHeight: number;
  theme: Theme;
  largePrint: boolean;
  showFindings: boolean;
}

/** Where the reader was: the paragraph at the top of the text and how far into it (0–1 of its height). */
export interface ReadingPlace {
  blockId: string;
  fraction: number;
}

/** Reading places are kept for this many versions (the most recently read ones). */
const PLACES_KEPT = 30;

interface ReaderState extends ViewPrefs {
  doc: ReaderVersion | null;
  loading: boolean;
  /** the version being opened (set before its text arrives, so its marks can load alongside) */
  openingVersionId: string | null;
  /** block to scroll to (set by outline, search, side panel); `nonce` re-triggers the same block */
  scrollTarget: { blockId: string; nonce: number; flash: boolean } | null;
  /** the block at the top of the viewport, for outline tracking and section navigation */
  currentBlockId: string | null;
  /** per version id: where reading stopped, so a reload or a return to the version lands there */
  places: Record<string, ReadingPlace>;
  /**
   * Opens a version: true once it is the one shown. Never rejects: a failure is toasted in
   * Chinese and answers false, and so does an open overtaken by a later one (its text, arriving
   * late, must not replace the version asked for last).
   */
  open(versionId: string): Promise<boolean>;
  scrollTo(blockId: string, flash?: boolean): void;
  setCurrent(blockId: string | null): void;
  setPrefs(p: Partial<ViewPrefs>): void;
  setPlace(versionId: string, place: ReadingPlace): void;
  /** The page is going away: the version just opened is remembered now, not after its delay. */
  rememberNow(): void;
}

let nonce = 0;
/** Counts open() calls: only the newest may set the document. */
let opening = 0;
/** The version to remember as last read, while its delayed save waits. */
let remember: { versionId: string; timer: ReturnType<typeof setTimeout> } | null = null;
const LAST_VERSION = 'reader.lastVersionId';

export const useReader = create<ReaderState>()(
  persist(
    (set) => ({
      fontSize: 18,
      lineHeight: 1.9,
      theme: 'light',
      largePrint: false,
      showFindings: true,
      doc: null,
      loading: false,
      openingVersionId: null,
      scrollTarget: null,
      currentBlockId: null,
      places: {},
      open: async (versionId) => {
        const ticket = ++opening;
        set({ loading: true, openingVersionId: versionId });
        try {
          const doc = await api['reports.get']({ versionId });
          if (ticket !== opening) return false;
          set({ doc, currentBlockId: doc.blocks[0]?.id ?? null, scrollTarget: null });
          // Remembered for the next start; not urgent, so it does not queue ahead of the marks
          // (a reload or close before then sends it at once: rememberNow).
          if (remember) clearTimeout(remember.timer);
          const timer = setTimeout(() => {
            remember = null;
            void api['settings.set']({ key: LAST_VERSION, value: versionId });
          }, 1000);
          remember = { versionId, timer };
          return true;
        } catch (e) {
          if (ticket === opening) useUi.getState().toast('error', errorMessage(e));
          return false;
        } finally {
          if (ticket === opening) set({ loading: false });
        }
      },
      rememberNow: () => {
        if (!remember) return;
        clearTimeout(remember.timer);
        void apiOnUnload['settings.set']({ key: LAST_VERSION, value: remember.versionId }).catch(() => undefined);
        remember = null;
      },
      scrollTo: (blockId, flash = true) => set({ scrollTarget: { blockId, nonce: ++nonce, flash } }),
      setCurrent: (currentBlockId) => set({ currentBlockId }),
      setPrefs: (p) => set(p),
      setPlace: (versionId, place) =>
        set((s) => {
          const old = s.places[versionId];
          if (old && old.blockId === place.blockId && Math.abs(old.fraction - place.fraction) < 0.001) return s;
          // The most recent last, so the oldest are the ones dropped.
          const rest = Object.entries(s.places).filter(([id]) => id !== versionId);
          return { places: Object.fromEntries([...rest.slice(-(PLACES_KEPT - 1)), [versionId, place]]) };
        }),
    }),
    {
      name: 'reviewdesk.reader',
      // Only view preferences (and where reading stopped) persist in the renderer; documents and
      // marks live in SQLite.
      partialize: (s) => ({
        fontSize: s.fontSize,
        lineHeight: s.lineHeight,
        theme: s.theme,
        largePrint: s.largePrint,
        showFindings: s.showFindings,
        places: s.places,
      }),
    },
  ),
);
