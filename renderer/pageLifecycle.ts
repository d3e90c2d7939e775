/**
 * What must happen when the page goes away — a reload, the window closed, the app hidden: every
 * note and draft typed since its last save is sent at once, with requests that outlive the page
 * (the stores' journals cover what cannot get out). Installed by the app when it mounts, not by
 * the stores when they are imported, so importing a store has no side effects.
 */
import { sendPendingNotesNow } from './store/annotations';
import { sendPendingDraftsNow } from './store/drafts';

function sendEverythingNow(): void {
  sendPendingNotesNow();
  sendPendingDraftsNow();
}

function onVisibility(): void {
  if (document.visibilityState === 'hidden') sendEverythingNow();
}

/** Starts listening; the returned function stops. */
export function installPageLifecycle(): () => void {
  window.addEventListener('pagehide', sendEverythingNow);
  window.addEventListener('beforeunload', sendEverythingNow);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', sendEverythingNow);
    window.removeEventListener('beforeunload', sendEverythingNow);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
