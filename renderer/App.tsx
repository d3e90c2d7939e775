import { useEffect, useState } from 'react';
import { api, errorMessage } from './api/client';
import { useUi, type View } from './store/ui';
import { useReader } from './store/reader';
import { useLibrary } from './store/library';
import { useSettings } from './store/settings';
import { useAnnotations } from './store/annotations';
import { Outline } from './features/outline/Outline';
import { Reader } from './features/reader/Reader';
import { ViewControls } from './features/reader/ViewControls';
import { ShortcutsHelp } from './features/reader/ShortcutsHelp';
import { PrintDialog } from './features/print/PrintDialog';
import { PrintView } from './features/print/PrintView';
import { focusReadingPlace } from './features/reader/readingPlace';
import { SidePanel } from './features/SidePanel';
import { LibraryView } from './features/library/LibraryView';
import { SettingsView } from './features/settings/SettingsView';
import { extraViews } from './features/views';
import { Toasts } from './components/Toasts';
import { ErrorBoundary } from './components/ErrorBoundary';
import { RevisionBar } from './features/compare/RevisionBar';
import { OpenReportTitle, VersionSwitcher } from './features/compare/VersionSwitcher';
import { ImportDialog } from './features/library/ImportDialog';
import { RecoveryPrompt } from './features/backups/RecoveryPrompt';
import { IdentityPrompt } from './features/identity/IdentityPrompt';
import { onGlobalKey } from './keyboard';
import { subscribeMenuCommands } from './menuCommands';
import { installPageLifecycle } from './pageLifecycle';
import { t } from './i18n/zh-CN';

const NAV: { id: View; label: string }[] = [
  { id: 'library', label: t.menu.library },
  { id: 'reader', label: t.menu.reader },
  { id: 'compare', label: t.menu.compare },
  { id: 'indicators', label: t.indicators.nav },
  { id: 'delegation', label: t.delegation.nav },
  { id: 'backups', label: t.backups.nav },
  { id: 'settings', label: t.menu.settings },
];

export function App() {
  const view = useUi((s) => s.view);
  const doc = useReader((s) => s.doc);
  const theme = useReader((s) => s.theme);
  const largePrint = useReader((s) => s.largePrint);
  const [fatal, setFatal] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    (async () => {
      // Everything the first screen needs is asked for at once: the report and its marks
      // travel side by side, not one after the other.
      const [info] = await Promise.all([api['app.info']({}), useSettings.getState().load(), useLibrary.getState().load()]);
      // A start version that cannot be opened is toasted by open(); the library is the way on.
      const opened = info.startVersionId
        ? (await Promise.all([useReader.getState().open(info.startVersionId), useAnnotations.getState().ensureLoaded(info.startVersionId)]))[0]
        : false;
      if (!opened) useUi.getState().setView('library');
    })().catch((e) => setFatal(errorMessage(e)));
  }, []);

  useEffect(() => {
    if (doc)
      void useAnnotations
        .getState()
        .ensureLoaded(doc.version.id)
        .catch((e) => useUi.getState().toast('error', errorMessage(e)));
  }, [doc]);

  useEffect(() => {
    window.addEventListener('keydown', onGlobalKey);
    const unsubscribe = subscribeMenuCommands();
    const uninstall = installPageLifecycle();
    return () => {
      window.removeEventListener('keydown', onGlobalKey);
      unsubscribe();
      uninstall();
    };
  }, []);

  // Dropping a report file anywhere on the window imports it.
  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const versionId = await useLibrary.getState().importFile(file);
    if (versionId && (await useReader.getState().open(versionId))) useUi.getState().setView('reader');
  };

  const Extra = extraViews[view];
  return (
    <div
      className={`app theme-${theme}${largePrint ? ' large-print' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <header className="topbar">
        {/* First in the Tab order: past the header and the outline straight to the text. */}
        <a
          className="skip-link"
          href="#report-text"
          onClick={(e) => {
            e.preventDefault();
            if (!focusReadingPlace()) document.querySelector<HTMLElement>('main.view')?.focus();
          }}
        >
          {t.reader.skipToText}
        </a>
        <span className="brand">{t.appName}</span>
        <nav>
          {NAV.map((n) => (
            <button
              key={n.id}
              className={view === n.id ? 'on' : undefined}
              aria-current={view === n.id ? 'page' : undefined}
              onClick={() => useUi.getState().setView(n.id)}
            >
              {n.label}
            </button>
          ))}
        </nav>
        {doc && (
          <span className="doc-title" title={doc.version.sourceName}>
            <span className="doc-name">
              <OpenReportTitle />
            </span>{' '}
            · <VersionSwitcher />
          </span>
        )}
        {view === 'reader' && <ViewControls />}
      </header>
      {fatal && <div className="fatal">{fatal}</div>}
      <ErrorBoundary part={t.boundary.parts.identity}>
        <IdentityPrompt />
      </ErrorBoundary>
      <main className={`view view-${view}`} tabIndex={-1}>
        {view === 'reader' && (
          <div className="three-panes">
            <ErrorBoundary part={t.boundary.parts.outline} resetKey={doc}>
              <Outline />
            </ErrorBoundary>
            <div className="reader-column">
              <ErrorBoundary part={t.boundary.parts.revision} resetKey={doc}>
                <RevisionBar />
              </ErrorBoundary>
              <ErrorBoundary part={t.boundary.parts.reader} resetKey={doc}>
                {doc ? <Reader /> : <div className="loading">{t.loading}</div>}
              </ErrorBoundary>
            </div>
            <ErrorBoundary part={t.boundary.parts.side} resetKey={doc}>
              <SidePanel />
            </ErrorBoundary>
          </div>
        )}
        {view === 'library' && (
          <ErrorBoundary part={t.boundary.parts.library}>
            <LibraryView />
          </ErrorBoundary>
        )}
        {view === 'settings' && (
          <ErrorBoundary part={t.boundary.parts.settings}>
            <SettingsView />
          </ErrorBoundary>
        )}
        {Extra && (
          <ErrorBoundary part={t.boundary.parts.view} resetKey={view}>
            <Extra />
          </ErrorBoundary>
        )}
      </main>
      {dragging && <div className="drop-overlay">{t.library.dropHere}</div>}
      <ErrorBoundary part={t.boundary.parts.recovery}>
        <RecoveryPrompt />
      </ErrorBoundary>
      <ErrorBoundary part={t.boundary.parts.library}>
        <ImportDialog />
      </ErrorBoundary>
      <ShortcutsHelp />
      <PrintDialog />
      <Toasts />
      {/* Hidden on screen; under @media print the only thing shown. */}
      <PrintView />
    </div>
  );
}
