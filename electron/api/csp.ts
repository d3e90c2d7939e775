/**
 * The one Content-Security-Policy for the renderer, shared by the browser host (HTTP header) and
 * the Electron window (response header + renderer/index.html's meta tag, which is what applies to
 * file:// pages). Nothing but the app's own files; no inline script; no network.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Directives a <meta> CSP cannot carry (browsers ignore them there), so the meta tag omits them. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'] as const;
