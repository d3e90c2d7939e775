import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { applySecurity, isAppUrl, isSafeExternalUrl, secureSession, secureWebContents } from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_DIRECTIVES } from '../../electron/api/csp';
import { CONTENT_SECURITY_POLICY as HOST_CSP } from '../../electron/host/server';
import { StubApp, StubSession, StubWebContents, stubShell } from './electron-stub';

const ROOT = resolve(import.meta.dirname, '..', '..');
const INDEX = join(ROOT, 'out', 'renderer', 'index.html');
const APP_URL = pathToFileURL(INDEX).href;

function securedContents() {
  const shell = stubShell();
  const contents = new StubWebContents(APP_URL);
  secureWebContents(contents as unknown as WebContents, { indexFile: INDEX, shell });
  return { contents, shell };
}

describe('external links', () => {
  it('accepts plain https pages', () => {
    expect(isSafeExternalUrl('https://www.gov.cn/zhengce/2024-03/12/content_6939153.htm')).toBe(true);
    expect(isSafeExternalUrl('https://npc.gov.cn/')).toBe(true);
  });

  it('refuses every other scheme, credentials and garbage', () => {
    for (const url of [
      'http://www.gov.cn/',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com/x',
      'smb://server/share',
      'https://user:secret@example.com/',
      'https://user@example.com/',
      'https://',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('the app page', () => {
  it("recognises the app's own index.html, with any view in the hash or query", () => {
    expect(isAppUrl(APP_URL, INDEX)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/reader`, INDEX)).toBe(true);
    expect(isAppUrl(`${APP_URL}?v=1`, INDEX)).toBe(true);
  });

  it('does not take other local files, other hosts or look-alikes for the app', () => {
    expect(isAppUrl(pathToFileURL(join(ROOT, 'out', 'renderer', 'other.html')).href, INDEX)).toBe(false);
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, INDEX)).toBe(false);
    expect(isAppUrl(`file://evil.example${pathToFileURL(INDEX).pathname}`, INDEX)).toBe(false);
    expect(isAppUrl(`https://example.com${pathToFileURL(INDEX).pathname}`, INDEX)).toBe(false);
    expect(isAppUrl('about:blank', INDEX)).toBe(false);
    expect(isAppUrl('garbage', INDEX)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('keeps the window on the app: navigating elsewhere is prevented', () => {
    const { contents } = securedContents();
    expect(contents.navigate('https://example.com/')).toBe(true);
    expect(contents.navigate('http://127.0.0.1:8080/')).toBe(true);
    expect(contents.navigate(pathToFileURL('/etc/passwd').href)).toBe(true);
    expect(contents.navigate('javascript:alert(1)')).toBe(true);
  });

  it('lets the app reload itself (navigation to its own page is allowed)', () => {
    const { contents } = securedContents();
    expect(contents.navigate(APP_URL)).toBe(false);
    expect(contents.navigate(`${APP_URL}#/drafts`)).toBe(false);
  });

  it('a link to an https page opens in the system browser instead of the app window', () => {
    const { contents, shell } = securedContents();
    expect(contents.navigate('https://www.gov.cn/')).toBe(true);
    expect(shell.opened).toEqual(['https://www.gov.cn/']);
  });

  it('window.open is always denied; only safe https URLs go to the system browser', () => {
    const { contents, shell } = securedContents();
    const urls = ['https://www.gov.cn/', 'javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'https://a:b@example.com/', APP_URL];
    for (const url of urls) expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.gov.cn/']);
  });

  it('refuses to attach webviews', () => {
    const { contents } = securedContents();
    expect(contents.attachWebview()).toBe(true);
  });

  it('secures every web contents Electron creates, not only the main window', () => {
    const app = new StubApp('/tmp/unused');
    const shell = stubShell();
    applySecurity(app as never, new StubSession() as unknown as Session, { indexFile: INDEX, shell });
    const later = new StubWebContents(APP_URL);
    app.emit('web-contents-created', {}, later);
    expect(later.navigate('https://example.com/')).toBe(true);
    expect(later.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('session: permissions, network and CSP', () => {
  function secured() {
    const session = new StubSession();
    secureSession(session as unknown as Session);
    return session;
  }

  it('denies every permission request and check', () => {
    const session = secured();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(session.request(p), p).toBe(false);
      expect(session.permissionCheck!({}, p, 'file:///', {}), p).toBe(false);
    }
  });

  it('cancels every request that would leave the machine', () => {
    const session = secured();
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:5174/api/app.info', 'ws://localhost:1/', 'wss://example.com/', 'ftp://example.com/']) {
      expect(session.webRequest.request(url), url).toBe(true);
    }
  });

  it("lets the app's own files and devtools load", () => {
    const session = secured();
    for (const url of [
      APP_URL,
      pathToFileURL(join(ROOT, 'out', 'renderer', 'assets', 'index.js')).href,
      'devtools://devtools/bundled/inspector.html',
      'data:image/png;base64,iVBORw0KGgo=',
    ]) {
      expect(session.webRequest.request(url), url).toBe(false);
    }
  });

  it('sets the shared Content-Security-Policy on responses, replacing any other', () => {
    const session = secured();
    const headers = session.webRequest.headers(APP_URL, {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'Content-Type': ['text/html'],
    });
    expect(headers!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers!['content-security-policy']).toBeUndefined();
    expect(headers!['Content-Type']).toEqual(['text/html']);
  });

  it('the policy allows nothing remote and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });

  it('the browser host, the Electron session and the page meta tag use the same policy', () => {
    expect(HOST_CSP).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeTruthy();
    const directives = (p: string) =>
      p
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean);
    const expected = directives(CONTENT_SECURITY_POLICY).filter((d) => !HEADER_ONLY_DIRECTIVES.some((h) => d.startsWith(h)));
    expect(directives(meta!)).toEqual(expected);
  });
});
