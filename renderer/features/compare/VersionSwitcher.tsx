import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import { VersionSelect } from '../../components/VersionSelect';

/** The open report's title as the library has it now (a rename shows at once, not at the next opening). */
export function OpenReportTitle() {
  const doc = useReader((s) => s.doc);
  const title = useLibrary((s) => s.reports.find((r) => r.id === doc?.report.id)?.title);
  return <>{title ?? doc?.report.title ?? ''}</>;
}

/** Which version of the open report is being read; next to the title in the top bar. */
export function VersionSwitcher() {
  const doc = useReader((s) => s.doc);
  const reports = useLibrary((s) => s.reports);
  if (!doc) return null;
  const versions = reports.find((r) => r.id === doc.report.id)?.versions ?? [doc.version];
  if (versions.length < 2) return <span className="version-label">{versions[0]?.label ?? doc.version.label}</span>;
  return (
    <VersionSelect
      className="version-switch"
      aria-label={t.revisions.switchVersion}
      title={t.revisions.switchVersion}
      versions={[...versions].reverse()}
      value={doc.version.id}
      onChange={(id) => void useReader.getState().open(id)}
    />
  );
}
