import { useEffect, useState } from 'react';
import type { ExportResult, ReviewIndicatorsResult } from '../../../electron/api/contract';
import { api, errorMessage, isDesktop } from '../../api/client';
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

function download(r: ExportResult) {
  const bin = atob(r.dataBase64 ?? '');
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: r.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

type SaveDialog = (a: { defaultName: string; filters?: { name: string; extensions: string[] }[] }) => Promise<{ path: string | null }>;

/** CSV of every indicator statement: a save dialog on the desktop, a download in the browser. */
export async function exportIndicatorsCsv(versionId: string): Promise<void> {
  const toast = useUi.getState().toast;
  try {
    const inline = await api['review.indicatorsCsv']({ versionId });
    // dialog.saveFile belongs to the desktop shell; looked up at run time (the web host has no dialog).
    const saveFile = isDesktop ? ((api as unknown as Record<string, SaveDialog | undefined>)['dialog.saveFile'] ?? null) : null;
    if (saveFile) {
      const { path } = await saveFile({ defaultName: inline.fileName, filters: [{ name: 'CSV 表格', extensions: ['csv'] }] });
      if (!path) return;
      const written = await api['review.indicatorsCsv']({ versionId, destination: path });
      toast('info', t.indicators.exported(written.path ?? written.fileName));
      return;
    }
    download(inline);
    toast('info', t.indicators.exported(inline.fileName));
  } catch (e) {
    toast('error', errorMessage(e));
  }
}
