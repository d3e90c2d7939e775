import { useEffect, useState } from 'react';
import type { ReviewIndicatorsResult } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { saveProducedFile } from '../../api/saveFile';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';

/** The open version's indicators (extracted once per version in the back end). */
export function useIndicators(versionId: string | undefined) {
  const [state, setState] = useState<{ versionId: string; data: ReviewIndicatorsResult | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!versionId) return;
    let live = true;
    api['review.indicators']({ versionId }).then(
      (data) => live && setState({ versionId, data, error: null }),
      (e) => live && setState({ versionId, data: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [versionId]);
  const current = state?.versionId === versionId ? state : null;
  return { data: current?.data ?? null, error: current?.error ?? null, loading: !!versionId && !current };
}

/** Shows the passage behind an indicator in the reader. */
export function jumpTo(blockId: string) {
  useUi.getState().setView('reader');
  useReader.getState().scrollTo(blockId);
}

/** CSV of every indicator statement: a save dialog on the desktop, a download in the browser. */
export async function exportIndicatorsCsv(versionId: string): Promise<void> {
  const toast = useUi.getState().toast;
  try {
    const saved = await saveProducedFile((destination) => api['review.indicatorsCsv']({ versionId, destination }), { name: 'CSV 表格', extensions: ['csv'] });
    if (saved) toast('info', t.indicators.exported(saved.path ?? saved.fileName));
  } catch (e) {
    toast('error', errorMessage(e));
  }
}
