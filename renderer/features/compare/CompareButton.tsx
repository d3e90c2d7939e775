import type { Report } from '../../../electron/api/contract';
import { useReader } from '../../store/reader';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';

async function openCompare(report: Report) {
  const newest = [...report.versions].sort((a, b) => b.ord - a.ord)[0];
  if (useReader.getState().doc?.report.id !== report.id && !(await useReader.getState().open(newest.id))) return;
  useUi.getState().setView('compare');
}

/** 版本对照 for a report with several versions (library view): opens its newest version against the one before. */
export function CompareButton({ report }: { report: Report }) {
  if (report.versions.length < 2) return null;
  return <button onClick={() => void openCompare(report)}>{t.revisions.compare}</button>;
}
