/**
 * The real desktop app under Electron, driven by Playwright. Runs only where the Electron binary
 * is installed (not on machines that installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); elsewhere it
 * is skipped with the reason printed. Needs network once to prepare better-sqlite3 for Electron.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { methodNames, type WireApi } from '../../electron/api/contract';
import { prepareElectronNative } from '../../scripts/electron-native.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

function electronBinary(): string | null {
  try {
    const p = requireFromRoot('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const electronPath = electronBinary();
if (!electronPath)
  console.warn(
    'tests/electron/app.e2e.test.ts skipped: the Electron binary is not installed (node_modules/electron has no dist/). Run `node node_modules/electron/install.js` (or `npm start` once) with network access to enable it.',
  );

describe.skipIf(!electronPath)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    expect(spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' }).status).toBe(0);
    const electronVersion = JSON.parse(readFileSync(requireFromRoot.resolve('electron/package.json'), 'utf8')).version as string;
    prepareElectronNative({ root: ROOT, electronVersion });
    dataDir = mkdtempSync(join(tmpdir(), 'reviewdesk-electron-'));
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RUN_AS_NODE'));
    // Chromium refuses to run as root with its sandbox (containers, CI).
    const rootUser = process.getuid?.() === 0;
    app = await _electron.launch({ executablePath: electronPath!, args: [...(rootUser ? ['--no-sandbox'] : []), ROOT, '--data', dataDir], cwd: ROOT, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens one window titled 审议台 showing the app', async () => {
    expect(await page.title()).toBe('审议台');
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^file:.*\/out\/renderer\/index\.html/);
  });

  it('gives the page window.api with every method, and no Node', async () => {
    const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort());
    expect(keys).toEqual([...methodNames].sort());
    expect(
      await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>;
        return [typeof g.require, typeof g.process, typeof g.ipcRenderer];
      }),
    ).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('answers API calls over IPC, from the data folder given on the command line', async () => {
    const answer = await page.evaluate(() => (globalThis as unknown as { api: WireApi }).api['app.info']({}));
    expect(answer.ok).toBe(true);
    const info = answer.ok ? answer.result : undefined;
    expect(info?.platform).toBe('electron');
    expect(info?.dataDir).toBe(dataDir);
    expect(info?.startVersionId).toBeTruthy();
  });

  it('answers errors with the same envelope as the browser host: {ok: false, error: {code, message}}', async () => {
    // no value, and an empty key: an ill-typed argument on purpose, to see it refused
    const answer = await page.evaluate(() => (globalThis as unknown as { api: WireApi }).api['settings.set']({ key: '' } as never));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/参数无效/) } });
  });

  it('blocks the network and new windows', async () => {
    expect(
      await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'reached',
          () => 'blocked',
        ),
      ),
    ).toBe('blocked');
    expect(await page.evaluate(() => globalThis.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('stays on the app when the page tries to navigate away, and has no <webview>', async () => {
    const before = page.url();
    await page.evaluate(() => void (globalThis.location.href = 'https://example.com/'));
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => typeof globalThis.customElements.get('webview'))).toBe('undefined');
  });
});
