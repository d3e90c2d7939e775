/**
 * Marks across versions: which other versions of the open report still hold annotations/drafts
 * (the 带过来 offer), carrying them into the version being read, the last carry's outcome, the
 * orphans of this version, and the 重新定位 mode (attach an orphan to text selected in the reader).
 */
import { create } from 'zustand';
import type { AnchorStatus, CarryResult, OrphanMark, VersionMarks } from '../../electron/api/contract';
import { api, errorMessage } from '../api/client';
import { targetsFromRange } from '../features/reader/selection';
import { t } from '../i18n/zh-CN';
import { useAnnotations } from './annotations';
import { useDrafts } from './drafts';
import { useReader } from './reader';
import { useUi } from './ui';

export interface CarrySummary {
  /** versions the marks came from */
  fromLabels: string[];
  total: number;
  counts: Record<AnchorStatus, number>;
  auto: boolean;
}

interface RevisionState {
  versionId: string | null;
  marks: VersionMarks[];
  orphans: OrphanMark[];
  carrying: boolean;
  summary: CarrySummary | null;
  /** versions whose 带过来 offer the user dismissed (this session) */
  dismissed: string[];
  reattaching: OrphanMark | null;
  refresh(versionId: string): Promise<void>;
  /** Carry the marks of every other version of the report into `toVersionId`. */
  carryInto(toVersionId: string, opts?: { auto?: boolean }): Promise<CarryResult[]>;
  dismissOffer(versionId: string): void;
  closeSummary(): void;
  startReattach(o: OrphanMark): void;
  cancelReattach(): void;
  /** Attach the orphan being re-positioned to the reader's current selection. */
  attachSelection(): Promise<boolean>;
  /** Re-read the open report's annotations and drafts (after marks moved between versions). */
  reloadMarks(versionId: string): Promise<void>;
}

const EMPTY_COUNTS: Record<AnchorStatus, number> = { unchanged: 0, moved: 0, edited: 0, orphaned: 0 };

function fail(e: unknown) {
  useUi.getState().toast('error', errorMessage(e));
}

/** Other versions holding marks, newest first (their marks are the most recent placement). */
export function sources(marks: VersionMarks[], versionId: string): VersionMarks[] {
  return marks.filter((m) => m.versionId !== versionId && m.annotations + m.drafts > 0).sort((a, b) => b.ord - a.ord);
}

/** Annotations and drafts of the open report, re-read after marks moved. */
async function reloadMarks(versionId: string) {
  const doc = useReader.getState().doc;
  await Promise.all([
    useAnnotations.getState().versionId === versionId ? useAnnotations.getState().load(versionId) : Promise.resolve(),
    doc ? useDrafts.getState().load(doc.report.id) : Promise.resolve(),
  ]);
}

export const useRevisions = create<RevisionState>()((set, get) => ({
  versionId: null,
  marks: [],
  orphans: [],
  carrying: false,
  summary: null,
  dismissed: [],
  reattaching: null,

  refresh: async (versionId) => {
    if (get().versionId !== versionId) set({ versionId, summary: null, reattaching: null, marks: [], orphans: [] });
    try {
      const [marks, orphans] = await Promise.all([api['versions.marks']({ versionId }), api['versions.orphans']({ versionId })]);
      if (get().versionId === versionId) set({ marks, orphans });
    } catch (e) {
      fail(e);
    }
  },

  carryInto: async (toVersionId, opts = {}) => {
    if (get().carrying) return [];
    const from = sources(get().marks, toVersionId);
    if (from.length === 0) return [];
    set({ carrying: true });
    const results: CarryResult[] = [];
    try {
      for (const v of from) results.push(await api['versions.carry']({ fromVersionId: v.versionId, toVersionId }));
      const counts = { ...EMPTY_COUNTS };
      for (const r of results) for (const k of Object.keys(counts) as AnchorStatus[]) counts[k] += r.counts[k];
      const total = results.reduce((n, r) => n + r.marks.length, 0);
      set({ summary: { fromLabels: from.map((v) => v.label), total, counts, auto: !!opts.auto } });
      await reloadMarks(toVersionId);
    } catch (e) {
      fail(e);
    } finally {
      set({ carrying: false });
      await get().refresh(toVersionId);
    }
    return results;
  },

  dismissOffer: (versionId) => set({ dismissed: [...get().dismissed, versionId] }),
  closeSummary: () => set({ summary: null }),

  startReattach: (o) => {
    set({ reattaching: o });
    useUi.getState().setView('reader');
    if (o.nearBlockId) useReader.getState().scrollTo(o.nearBlockId);
  },
  cancelReattach: () => set({ reattaching: null }),

  attachSelection: async () => {
    const o = get().reattaching;
    const doc = useReader.getState().doc;
    if (!o || !doc) return false;
    const sel = window.getSelection();
    const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
    const targets = range ? targetsFromRange(range, doc.blocks, new Map(doc.blocks.map((b) => [b.id, b.ord]))) : [];
    if (targets.length === 0) {
      useUi.getState().toast('info', t.revisions.selectFirst);
      return false;
    }
    try {
      if (o.kind === 'annotation') await api['annotations.reattach']({ id: o.id, targets });
      else await api['drafts.reattach']({ id: o.id, targets });
      sel?.removeAllRanges();
      // Let the reader notice the selection is gone (it hides its selection toolbar on mouseup).
      document.querySelector('.reader-scroll')?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      set({ reattaching: null, summary: null });
      await reloadMarks(doc.version.id);
      if (o.kind === 'annotation') useAnnotations.getState().select(o.id);
      useUi.getState().toast('info', t.revisions.attached);
      await get().refresh(doc.version.id);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  },

  reloadMarks,
}));
