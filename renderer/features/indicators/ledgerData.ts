/**
 * The open version's 承诺台账 and the deputy's marks on it. A flag is saved at once; a note is
 * saved ~0.6 s after the last keystroke and on blur (like other settings), each failure a
 * Chinese toast. The list in memory is updated first, so typing never waits for SQLite.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LedgerRow } from '../../../electron/api/contract';
import type { LedgerFlag } from '../../../electron/core/common/vocabulary';
import { api, errorMessage } from '../../api/client';
import { exportAs } from '../drafts/exportFile';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';

const NOTE_DELAY = 600;

interface PendingMark {
  versionId: string;
  key: string;
  flag: LedgerFlag | null;
  note: string;
  timer: ReturnType<typeof setTimeout>;
}

function send({ versionId, key, flag, note }: Omit<PendingMark, 'timer'>): void {
  api['ledger.mark']({ versionId, key, flag, note }).catch((e: unknown) => useUi.getState().toast('error', t.ledger.saveFailed(errorMessage(e))));
}

export function useLedger(versionId: string | undefined) {
  const [state, setState] = useState<{ versionId: string; rows: LedgerRow[] | null; error: string | null } | null>(null);
  /** notes typed but not yet sent, by entry key */
  const pending = useRef(new Map<string, PendingMark>());

  useEffect(() => {
    if (!versionId) return;
    let live = true;
    api['ledger.list']({ versionId }).then(
      (r) => live && setState({ versionId, rows: r.entries, error: null }),
      (e) => live && setState({ versionId, rows: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [versionId]);

  // A note still waiting is sent when the view closes or the version changes, never dropped.
  useEffect(() => {
    const waiting = pending.current;
    return () => {
      for (const p of waiting.values()) {
        clearTimeout(p.timer);
        send(p);
      }
      waiting.clear();
    };
  }, [versionId]);

  const current = state?.versionId === versionId ? state : null;
  const rows = current?.rows ?? null;

  const rowOf = useCallback((key: string) => rows?.find((r) => r.id === key), [rows]);

  const patch = useCallback((key: string, change: Partial<Pick<LedgerRow, 'flag' | 'note'>>) => {
    setState((s) => s && s.rows && { ...s, rows: s.rows.map((r) => (r.id === key ? { ...r, ...change } : r)) });
  }, []);

  /** Sends a row's mark now, with what is typed in its note. */
  const sendNow = useCallback(
    (key: string, mark: { flag: LedgerFlag | null; note: string }) => {
      if (!versionId) return;
      const p = pending.current.get(key);
      if (p) clearTimeout(p.timer);
      pending.current.delete(key);
      send({ versionId, key, ...mark });
    },
    [versionId],
  );

  const setFlag = useCallback(
    (key: string, flag: LedgerFlag | null) => {
      const row = rowOf(key);
      if (!row) return;
      patch(key, { flag });
      sendNow(key, { flag, note: pending.current.get(key)?.note ?? row.note });
    },
    [rowOf, patch, sendNow],
  );

  const setNote = useCallback(
    (key: string, note: string) => {
      const row = rowOf(key);
      if (!row || !versionId) return;
      patch(key, { note });
      const before = pending.current.get(key);
      if (before) clearTimeout(before.timer);
      const timer = setTimeout(() => sendNow(key, { flag: row.flag, note }), NOTE_DELAY);
      pending.current.set(key, { versionId, key, flag: row.flag, note, timer });
    },
    [rowOf, patch, sendNow, versionId],
  );

  /** On blur: the note goes now rather than after the delay. */
  const flushNote = useCallback(
    (key: string) => {
      const p = pending.current.get(key);
      if (p) sendNow(key, p);
    },
    [sendNow],
  );

  return { rows, error: current?.error ?? null, loading: !!versionId && !current, setFlag, setNote, flushNote };
}

export const exportLedger = (format: 'xlsx' | 'csv', reportId: string, versionId: string) => exportAs(format, { what: 'ledger', reportId, versionId });
