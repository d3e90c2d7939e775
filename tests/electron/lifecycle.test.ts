import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runApp, type RunOptions } from '../../electron/main/lifecycle';
import { appPaths, explicitDataDir } from '../../electron/main/paths';
import { methodNames } from '../../electron/api/contract';
import { DATABASE_FILE } from '../../electron/api/app';
import { MENU_CHANNEL } from '../../electron/api/menu-commands';
import { StubApp, StubBrowserWindow, StubIpcMain, StubSession, stubDialog, stubMenu, stubScreen, stubShell } from './electron-stub';

const ROOT = resolve(import.meta.dirname, '..', '..');
let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'reviewdesk-life-'));
  StubBrowserWindow.instances = [];
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function electronStub(lockAvailable = true) {
  const app = new StubApp(join(tmp, 'userData'), lockAvailable);
  const session = new StubSession();
  return {
    app,
    ipcMain: new StubIpcMain(),
    session: { defaultSession: session },
    defaultSession: session,
    dialog: stubDialog(),
    Menu: stubMenu(),
    shell: stubShell(),
    screen: stubScreen(),
    BrowserWindow: StubBrowserWindow,
  };
}

function options(over: Partial<RunOptions> = {}): RunOptions {
  return {
    paths: appPaths(join(ROOT, 'out', 'main')),
    argv: ['electron', ROOT],
    env: {},
    platform: 'linux',
    arch: 'x64',
    // never matches native/electron/VERSION, so the Node build of better-sqlite3 is used here
    electronVersion: 'test',
    processResourcesPath: join(tmp, 'no-resources'),
    ...over,
  };
}

async function started(e = electronStub(), over: Partial<RunOptions> = {}) {
  const running = runApp(e as never, options({ argv: ['electron', ROOT, '--data', join(tmp, 'data')], ...over }));
  await e.app.fireReady();
  await running.ready;
  return { e, running, win: running.window() as unknown as StubBrowserWindow };
}

describe('single instance', () => {
  it('a second launch quits at once and opens no window', async () => {
    const e = electronStub(false);
    const running = runApp(e as never, options());
    expect(running.primary).toBe(false);
    expect(e.app.quitCalls).toBe(1);
    await e.app.fireReady();
    expect(StubBrowserWindow.instances).toHaveLength(0);
    expect(e.ipcMain.handlers.size).toBe(0);
  });

  it('the running instance brings its window to the front when launched again', async () => {
    const { e, win } = await started();
    win.minimized = true;
    e.app.emit('second-instance', {}, ['electron', ROOT], ROOT);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    expect(StubBrowserWindow.instances).toHaveLength(1);
    e.app.emit('will-quit');
  });
});

describe('start-up', () => {
  it('opens the back end in the chosen data folder, binds every API method and opens one window', async () => {
    const { e, running, win } = await started();
    expect(existsSync(join(tmp, 'data', DATABASE_FILE))).toBe(true);
    expect([...e.ipcMain.handlers.keys()].sort()).toEqual([...methodNames].sort());
    expect(StubBrowserWindow.instances).toHaveLength(1);
    expect(win.loadedFile).toBe(join(ROOT, 'out', 'renderer', 'index.html'));
    // the window's page can use the API; the bundled report is there on first start
    const info = (await e.ipcMain.result('app.info', win.webContents.mainFrame, {})) as { platform: string; startVersionId: string | null };
    expect(info.platform).toBe('electron');
    expect(info.startVersionId).toBeTruthy();
    expect(running.backend()).not.toBeNull();
    e.app.emit('will-quit');
    expect(running.backend()).toBeNull();
  });

  it('a chosen data folder gets its own browser profile (and so its own single-instance lock)', async () => {
    const { e } = await started();
    expect(e.app.getPath('userData')).toBe(join(tmp, 'data', 'electron-profile'));
    e.app.emit('will-quit');
  });

  it('locks down the session before the window opens: permissions denied, network cancelled', async () => {
    const { e } = await started();
    expect(e.defaultSession.request('media')).toBe(false);
    expect(e.defaultSession.webRequest.request('https://example.com/')).toBe(true);
    e.app.emit('will-quit');
  });

  it('web contents created later are secured too', async () => {
    const { e, win } = await started();
    e.app.emit('web-contents-created', {}, win.webContents);
    expect(win.webContents.navigate('https://example.com/')).toBe(true);
    e.app.emit('will-quit');
  });

  it('installs the Chinese menu, whose 文件 commands reach the page', async () => {
    const { e, win } = await started();
    const template = e.Menu.state.template!;
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    template[0].submenu!.find((i) => i.label === '导入报告…')!.click!();
    expect(win.webContents.sent).toEqual([{ channel: MENU_CHANNEL, args: ['report.import'] }]);
    template[3].submenu![0].click!();
    expect(e.dialog.calls.messageBoxes).toHaveLength(1);
    e.app.emit('will-quit');
  });

  it('native dialogs replace the web host’s {path: null} answers', async () => {
    const { e, win } = await started();
    e.dialog.showSaveDialog = async () => ({ canceled: false, filePath: '/home/u/a.docx' });
    expect(await e.ipcMain.result('dialog.saveFile', win.webContents.mainFrame, { defaultName: 'a.docx' })).toEqual({ path: '/home/u/a.docx' });
    e.app.emit('will-quit');
  });

  it('writes an export only to the path the save dialog just returned, and only once', async () => {
    const { e, win } = await started();
    const frame = win.webContents.mainFrame;
    const reports = (await e.ipcMain.result('reports.list', frame, {})) as { id: string }[];
    const chosen = join(tmp, '修改意见汇总表.csv');
    e.dialog.showSaveDialog = async () => ({ canceled: false, filePath: chosen });
    expect(await e.ipcMain.result('dialog.saveFile', frame, { defaultName: '修改意见汇总表.csv' })).toEqual({ path: chosen });
    const args = { what: 'amendments', reportId: reports[0].id };
    // a path the user never chose (say, a startup script) is refused and not created
    const elsewhere = join(tmp, 'autostart.csv');
    const refused = await e.ipcMain.refusal('export.csv', frame, { ...args, destination: elsewhere });
    expect(refused).toMatchObject({ code: 'destination/not-chosen' });
    expect(existsSync(elsewhere)).toBe(false);
    // the chosen one works once…
    expect(await e.ipcMain.result('export.csv', frame, { ...args, destination: chosen })).toMatchObject({ path: chosen });
    expect(existsSync(chosen)).toBe(true);
    // …and a replay of the same request is refused: the choice was used up
    const again = await e.ipcMain.refusal('export.csv', frame, { ...args, destination: chosen });
    expect(again).toMatchObject({ code: 'destination/not-chosen' });
    e.app.emit('will-quit');
  });

  it('shows a Chinese error and exits when the data folder cannot be opened', async () => {
    const blocked = join(tmp, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const e = electronStub();
    const running = runApp(e as never, options({ argv: ['electron', ROOT, '--data', blocked] }));
    await e.app.fireReady();
    await running.ready;
    expect(e.dialog.calls.errorBoxes).toHaveLength(1);
    expect(e.dialog.calls.errorBoxes[0].title).toBe('审议台无法启动');
    expect(e.app.exitCode).toBe(1);
    expect(StubBrowserWindow.instances).toHaveLength(0);
  });
});

describe('quitting', () => {
  it('closing the last window quits on Windows and Linux', async () => {
    const { e, win } = await started();
    win.close();
    e.app.emit('window-all-closed');
    expect(e.app.quitCalls).toBe(1);
    e.app.emit('will-quit');
  });

  it('on macOS the app stays, and the dock icon reopens the window', async () => {
    const { e, win, running } = await started(electronStub(), { platform: 'darwin' });
    win.close();
    e.app.emit('window-all-closed');
    expect(e.app.quitCalls).toBe(0);
    expect(running.window()).toBeNull();
    e.app.emit('activate');
    expect(StubBrowserWindow.instances).toHaveLength(2);
    expect(running.window()).toBe(StubBrowserWindow.instances[1]);
    e.app.emit('will-quit');
  });
});

describe('choosing the data folder', () => {
  it('--data wins over REVIEWDESK_DATA; neither means the default (userData)', () => {
    expect(explicitDataDir(['electron', '.', '--data', '/tmp/a'], { REVIEWDESK_DATA: '/tmp/b' })).toBe(resolve('/tmp/a'));
    expect(explicitDataDir(['electron', '.', '--data=/tmp/a'], {})).toBe(resolve('/tmp/a'));
    expect(explicitDataDir(['electron', '.'], { REVIEWDESK_DATA: '/tmp/b' })).toBe(resolve('/tmp/b'));
    expect(explicitDataDir(['electron', '.'], {})).toBeUndefined();
    expect(explicitDataDir(['electron', '.', '--data'], {})).toBeUndefined();
    expect(explicitDataDir(['electron', '.', '--data', '--inspect'], {})).toBeUndefined();
  });

  it('without a chosen folder the data lives in userData', async () => {
    const e = electronStub();
    const running = runApp(e as never, options());
    await e.app.fireReady();
    await running.ready;
    expect(existsSync(join(tmp, 'userData', DATABASE_FILE))).toBe(true);
    e.app.emit('will-quit');
  });
});

describe('the bundled entry point (out/main/index.cjs as esbuild builds it)', () => {
  it('starts the app through the real wiring with a stub Electron', async () => {
    const { build } = await import('esbuild');
    const { outputFiles } = await build({
      entryPoints: [join(ROOT, 'electron/main/index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron', 'better-sqlite3'],
      logLevel: 'silent',
    });
    const e = electronStub();
    const { createRequire } = await import('node:module');
    const realRequire = createRequire(join(ROOT, 'package.json'));
    const fakeRequire = (id: string) => (id === 'electron' ? e : realRequire(id));
    const saved = process.env.REVIEWDESK_DATA;
    process.env.REVIEWDESK_DATA = join(tmp, 'env-data');
    try {
      const mod = { exports: {} };
      new Function('module', 'exports', 'require', '__dirname', '__filename', outputFiles[0].text)(
        mod,
        mod.exports,
        fakeRequire,
        join(ROOT, 'out', 'main'),
        join(ROOT, 'out', 'main', 'index.cjs'),
      );
      await e.app.fireReady();
      await new Promise((r) => setTimeout(r, 0));
      expect(StubBrowserWindow.instances).toHaveLength(1);
      expect(StubBrowserWindow.instances[0].loadedFile).toBe(join(ROOT, 'out', 'renderer', 'index.html'));
      expect(StubBrowserWindow.instances[0].options.webPreferences?.preload).toBe(join(ROOT, 'out', 'preload', 'index.cjs'));
      expect(existsSync(join(tmp, 'env-data', DATABASE_FILE))).toBe(true);
      expect(e.ipcMain.handlers.size).toBe(methodNames.length);
    } finally {
      if (saved === undefined) delete process.env.REVIEWDESK_DATA;
      else process.env.REVIEWDESK_DATA = saved;
      e.app.emit('will-quit');
    }
  });
});
