/**
 * Hardening of the one window, after Electron's security checklist: the renderer is treated as
 * untrusted content. It cannot navigate away, open windows, attach webviews, get permissions or
 * reach the network; links to https pages open in the user's browser instead.
 */
import { fileURLToPath } from 'node:url';
import { normalize } from 'node:path';
import type { App, Session, Shell, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/csp';

/** Only well-formed https URLs without embedded credentials go to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

function comparablePath(file: string): string {
  const p = normalize(file);
  // Windows paths compare case-insensitively (C:\ vs c:\ from different APIs).
  return process.platform === 'win32' ? p.toLowerCase() : p;
}

/** The app's own page: file:// URL of renderer/index.html (any #view or ?query allowed). */
export function isAppUrl(url: string, indexFile: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  try {
    return comparablePath(fileURLToPath(parsed)) === comparablePath(indexFile);
  } catch {
    return false;
  }
}

/** URLs the renderer may load: its own files, devtools, and in-memory data; nothing remote. */
export function isLocalRequestUrl(url: string): boolean {
  return /^(file|devtools|data|blob):/i.test(url);
}

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export interface SecurityDeps {
  /** absolute path of out/renderer/index.html */
  indexFile: string;
  shell: Pick<Shell, 'openExternal'>;
}

function openExternally(url: string, shell: SecurityDeps['shell']): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url).catch(() => undefined);
}

/** Per web contents: no navigation away from the app, no new windows, no webviews. */
export function secureWebContents(contents: WebContents, deps: SecurityDeps): void {
  contents.on('will-navigate', (event, url) => {
    const target = (event as { url?: string }).url ?? url;
    if (isAppUrl(target, deps.indexFile)) return;
    event.preventDefault();
    openExternally(target, deps.shell);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, deps.shell);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Per session: deny every permission, set the CSP, and cancel every request that would leave the machine. */
export function secureSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequestUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) return callback({});
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** Wire everything: the default session now, and every web contents as it is created. */
export function applySecurity(app: Pick<App, 'on'>, session: Session, deps: SecurityDeps): void {
  secureSession(session);
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, deps));
}
