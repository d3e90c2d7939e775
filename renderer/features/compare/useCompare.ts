import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AdoptionRow, CompareResult, CompareRow, OrphanMark, VersionInfo, VersionMarks } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { useRevisions } from '../../store/revisions';
import { useUi } from '../../store/ui';

/** The two versions compared: [older side, newer side]. */
export type Pair = [string, string];

interface Loaded {
  pair: Pair;
  data: CompareResult;
  hints: AdoptionRow[];
  orphans: OrphanMark[];
  marks: VersionMarks[];
}

/** Default pair: the version being read against the one before it (or after it, for the first). */
function defaultPair(versions: VersionInfo[], currentId: string | undefined): Pair | null {
  if (versions.length < 2) return null;
  const sorted = [...versions].sort((a, b) => a.ord - b.ord);
  const i = sorted.findIndex((v) => v.id === currentId);
  return i <= 0 ? [sorted[0].id, sorted[1].id] : [sorted[i - 1].id, sorted[i].id];
}

/** Which row each adoption hint belongs to (hints whose paragraphs are in no row are left out). */
function placeHints(hints: AdoptionRow[], rows: CompareRow[]) {
  const hintsByRow = new Map<number, AdoptionRow[]>();
  const rowOfHint = new Map<string, number>();
  for (const h of hints) {
    const i = rows.findIndex((r) => (h.oldBlockId !== null && r.oldIds.includes(h.oldBlockId)) || h.newBlockIds.some((id) => r.newIds.includes(id)));
    if (i < 0) continue;
    hintsByRow.set(i, [...(hintsByRow.get(i) ?? []), h]);
    rowOfHint.set(h.draftId, i);
  }
  return { hintsByRow, rowOfHint };
}

/**
 * What 版本对照 shows, fetched here so the view only renders: the versions of the open report,
 * the pair chosen, and for that pair the diff, the adoption hints, the newer version's orphans and
 * the marks each version holds. Failures are toasted; the diff is then cleared.
 */
export function useCompare() {
  const doc = useReader((s) => s.doc);
  const reports = useLibrary((s) => s.reports);
  const reportId = doc?.report.id;
  const versions = useMemo(() => reports.find((r) => r.id === reportId)?.versions ?? [], [reports, reportId]);
  const [pair, setPair] = useState<Pair | null>(null);
  /** What the server answered, and for which pair: shown only while that pair is the one chosen. */
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);

  // Pick a pair when the report changes (or the chosen versions no longer exist).
  useEffect(() => {
    const ids = new Set(versions.map((v) => v.id));
    if (!pair || !ids.has(pair[0]) || !ids.has(pair[1])) setPair(defaultPair(versions, doc?.version.id));
  }, [versions, doc?.version.id, pair]);

  // Only the newest request may fill the view: switching pairs while a diff is computed must
  // not let the earlier pair's answer, arriving later, show under the later pair's names.
  const latest = useRef(0);
  const load = useCallback(async (p: Pair) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const [c, a, o, m] = await Promise.all([
        api['versions.compare']({ oldVersionId: p[0], newVersionId: p[1] }),
        api['versions.adoption']({ fromVersionId: p[0], toVersionId: p[1] }),
        api['versions.orphans']({ versionId: p[1] }),
        api['versions.marks']({ versionId: p[1] }),
      ]);
      if (ticket !== latest.current) return;
      setLoaded({ pair: p, data: c, hints: a, orphans: o, marks: m });
    } catch (e) {
      if (ticket !== latest.current) return;
      setLoaded(null);
      useUi.getState().toast('error', errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (pair) void load(pair);
  }, [pair, load]);

  const current = loaded && pair && loaded.pair[0] === pair[0] && loaded.pair[1] === pair[1] ? loaded : null;
  const data = current?.data ?? null;
  const hints = useMemo(() => current?.hints ?? [], [current]);
  const orphans = current?.orphans ?? [];
  const marks = current?.marks ?? [];
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const { hintsByRow, rowOfHint } = useMemo(() => placeHints(hints, rows), [hints, rows]);

  /** 带到这里: the older version's marks into the newer one; the reader's revision state follows when it is open. */
  const carryHere = async () => {
    if (!pair) return;
    try {
      await api['versions.carry']({ fromVersionId: pair[0], toVersionId: pair[1] });
      const open = useReader.getState().doc?.version.id;
      if (open) await Promise.all([useRevisions.getState().refresh(open), useRevisions.getState().reloadMarks(open)]);
      await load(pair);
    } catch (e) {
      useUi.getState().toast('error', errorMessage(e));
    }
  };

  /** 重新定位 attaches to a selection in the reader, so the newer version must be the one open. */
  const relocate = async (o: OrphanMark) => {
    if (!pair) return;
    if (useReader.getState().doc?.version.id !== pair[1] && !(await useReader.getState().open(pair[1]))) return;
    useRevisions.getState().startReattach(o);
  };

  return { doc, versions, pair, setPair, data, loading, rows, hints, hintsByRow, rowOfHint, orphans, marks, carryHere, relocate };
}
