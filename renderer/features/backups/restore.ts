/**
 * After a restore every cache in the renderer (report, marks, drafts, review results) describes
 * data that no longer exists. Reloading the window is the one refresh that cannot miss a slice;
 * the message is shown once the app is back.
 */
const NOTICE_KEY = 'reviewdesk.restoredNotice';

export function reloadAfterRestore(notice: string): void {
  sessionStorage.setItem(NOTICE_KEY, notice);
  window.location.reload();
}

export function takeRestoreNotice(): string | null {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  if (notice) sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}
