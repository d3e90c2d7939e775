import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Api, Block, ReviewFinding, RuleMeta, Severity } from '../../electron/api/contract';
import { api, errorMessage } from '../api/client';
import { useReader } from './reader';
import { useReviewMarks } from './reviewMarks';
import { useUi } from './ui';

export type { ReviewFinding };
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export interface ReviewFilters {
  /** one rule id, or null for all rules */
  rule: string | null;
  severities: Record<Severity, boolean>;
  showDismissed: boolean;
}

export interface FindingGroup {
  key: string;
  /** 第二部分（一）, or 报告开头 for the lines before the first part */
  label: string;
  /** the section's (or part's) heading, when the blocks are at hand */
  title: string | null;
  findings: ReviewFinding[];
}

/** Findings the panel lists under the current filters (dismissed ones only on request). */
export function visibleFindings(findings: readonly ReviewFinding[], f: ReviewFilters): ReviewFinding[] {
  return findings.filter((x) => (f.showDismissed || !x.dismissed) && f.severities[x.severity] && (f.rule === null || x.rule === f.rule));
}

/** What the reader underlines: the filtered findings minus the dismissed ones, whatever the toggle. */
export function findingMarks(findings: readonly ReviewFinding[], f: ReviewFilters) {
  return visibleFindings(findings, { ...f, showDismissed: false }).map((x) => ({
    id: x.id,
    blockId: x.blockId,
    start: x.start,
    end: x.end,
    severity: x.severity,
    message: x.message,
  }));
}

const SECTION_OF_PATH = /^(第[一二三四五六七八九十百零]+部分)?(（[一二三四五六七八九十]+）)?/;

/** The heading text of a part or section block, without its number. */
function headingOf(b: Block | undefined): string | null {
  if (!b) return null;
  const text = b.kind === 'section' ? b.text.slice(0, b.headingEnd || b.text.length) : b.text;
  return (
    text
      .replace(/^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/, '')
      .replace(/[。；;]$/, '')
      .trim() || null
  );
}

/**
 * Findings grouped by the part/section they fall in, in reading order. The label comes from the
 * citation path (第二部分（一）); with the version's blocks the heading text is added.
 */
export function groupFindings(findings: readonly ReviewFinding[], blocks: readonly Block[] = []): FindingGroup[] {
  const ord = new Map(blocks.map((b) => [b.id, b.ord]));
  const heading = new Map<string, Block>();
  for (const b of blocks) {
    if (b.kind === 'part' && b.part !== null) heading.set(`${b.part}|`, b);
    if (b.kind === 'section' && b.part !== null && b.section !== null) heading.set(`${b.part}|${b.section}`, b);
  }
  const sorted = [...findings].sort((a, b) => (ord.get(a.blockId) ?? 0) - (ord.get(b.blockId) ?? 0) || a.start - b.start);
  const groups = new Map<string, FindingGroup>();
  for (const f of sorted) {
    const key = `${f.part ?? ''}|${f.section ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const m = SECTION_OF_PATH.exec(f.path);
      const label = (m?.[1] ?? '') + (m?.[2] ?? '') || (f.part === null ? '报告开头' : f.path);
      g = { key, label, title: headingOf(heading.get(key)), findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()];
}

type ReviewApi = Pick<Api, 'review.check' | 'review.dismiss' | 'review.undismiss'>;

export interface ReviewState extends ReviewFilters {
  versionId: string | null;
  findings: ReviewFinding[];
  rules: readonly RuleMeta[];
  loading: boolean;
  error: string | null;
  /** checks the version (cached in the back end: instant after the first time) */
  load(versionId: string, force?: boolean): Promise<void>;
  dismiss(findingId: string): Promise<void>;
  undismiss(findingId: string): Promise<void>;
  setRule(rule: string | null): void;
  toggleSeverity(s: Severity): void;
  setShowDismissed(v: boolean): void;
}

/** The review slice over any API object (the real one, or a fake in tests). */
export function createReviewStore(client: ReviewApi, onError: (message: string) => void = () => {}): UseBoundStore<StoreApi<ReviewState>> {
  return create<ReviewState>()((set, get) => {
    /** Flips one finding's dismissed flag locally, then in the database; undone if that fails. */
    const setDismissed = async (findingId: string, dismissed: boolean) => {
      const versionId = get().versionId;
      if (!versionId) return;
      const flip = (v: boolean) => set({ findings: get().findings.map((f) => (f.id === findingId ? { ...f, dismissed: v } : f)) });
      flip(dismissed);
      try {
        await client[dismissed ? 'review.dismiss' : 'review.undismiss']({ versionId, findingId });
      } catch (e) {
        if (get().versionId === versionId) flip(!dismissed);
        onError(errorMessage(e));
      }
    };
    return {
      versionId: null,
      findings: [],
      rules: [],
      loading: false,
      error: null,
      rule: null,
      severities: { error: true, warning: true, info: true },
      showDismissed: false,
      load: async (versionId, force = false) => {
        const s = get();
        if (!force && s.versionId === versionId && (s.loading || s.findings.length || s.rules.length)) return;
        if (s.versionId !== versionId) set({ findings: [], rules: [], rule: null });
        set({ versionId, loading: true, error: null });
        try {
          const r = await client['review.check']({ versionId });
          if (get().versionId === versionId) set({ findings: r.findings, rules: r.rules, loading: false });
        } catch (e) {
          if (get().versionId === versionId) set({ loading: false, error: errorMessage(e) });
        }
      },
      dismiss: (id) => setDismissed(id, true),
      undismiss: (id) => setDismissed(id, false),
      setRule: (rule) => set({ rule }),
      toggleSeverity: (sev) => set({ severities: { ...get().severities, [sev]: !get().severities[sev] } }),
      setShowDismissed: (showDismissed) => set({ showDismissed }),
    };
  });
}

export const useReview = createReviewStore(api, (m) => useUi.getState().toast('error', m));

// The reader underlines findings without the panel being open: check each report as it opens
// (in the background), and keep the underlines in step with the findings and the filters.
useReview.subscribe((s, prev) => {
  if (s.findings !== prev.findings || s.rule !== prev.rule || s.severities !== prev.severities) useReviewMarks.getState().set(findingMarks(s.findings, s));
});
function checkOpenReport() {
  const doc = useReader.getState().doc;
  if (doc) void useReview.getState().load(doc.version.id);
}
useReader.subscribe((s, prev) => {
  if (s.doc !== prev.doc) checkOpenReport();
});
checkOpenReport();
