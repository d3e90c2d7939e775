import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMainWindow, focusWindow, WINDOW_TITLE } from '../../electron/main/window';
import { appPaths } from '../../electron/main/paths';
import { DEFAULT_SIZE, WINDOW_STATE_FILE, fitToDisplays } from '../../electron/main/window-state';
import { StubBrowserWindow, stubScreen, type Bounds } from './electron-stub';

const ROOT = resolve(import.meta.dirname, '..', '..');
const paths = appPaths(join(ROOT, 'out', 'main'));
let userData: string;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'reviewdesk-window-'));
  StubBrowserWindow.instances = [];
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

function open(workAreas?: Bounds[]): StubBrowserWindow {
  return createMainWindow({
    BrowserWindow: StubBrowserWindow as never,
    screen: stubScreen(workAreas) as never,
    paths,
    userDataDir: userData,
  }) as unknown as StubBrowserWindow;
}

describe('the main window', () => {
  it('runs the page locked down: isolated, sandboxed, no Node, no webviews', () => {
    const win = open();
    expect(win.options.webPreferences).toEqual({
      preload: join(ROOT, 'out', 'preload', 'index.cjs'),
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
    });
  });

  it('is titled 审议台, loads the built renderer from disk, and appears only when ready to show', () => {
    const win = open();
    expect(win.options.title).toBe('审议台');
    expect(WINDOW_TITLE).toBe('审议台');
    expect(win.loadedFile).toBe(join(ROOT, 'out', 'renderer', 'index.html'));
    expect(win.options.show).toBe(false);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('uses the bundled icon', () => {
    expect(open().options.icon).toBe(join(ROOT, 'resources', 'icons', 'icon.png'));
  });
});

describe('window size and position are remembered', () => {
  it('first start: default size, centred by the system', () => {
    const win = open();
    expect(win.options).toMatchObject(DEFAULT_SIZE);
    expect(win.options.x).toBeUndefined();
    expect(win.options.y).toBeUndefined();
  });

  it('saves the bounds on close and reopens the window there', () => {
    const first = open();
    first.bounds = { x: 200, y: 120, width: 1100, height: 700 };
    first.close();
    expect(JSON.parse(readFileSync(join(userData, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 200, y: 120, width: 1100, height: 700, maximized: false });
    const second = open();
    expect(second.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 700 });
  });

  it('a window closed maximised comes back maximised', () => {
    const first = open();
    first.maximize();
    first.close();
    const second = open();
    expect(second.maximized).toBe(false);
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it('ignores a corrupt or hand-edited state file and starts with the default', () => {
    for (const content of [
      '{not json',
      '',
      'null',
      '[]',
      '{"x":"left","y":0,"width":900,"height":600}',
      '{"width":-5,"height":600}',
      '{"width":1e9,"height":600}',
    ]) {
      writeFileSync(join(userData, WINDOW_STATE_FILE), content);
      const win = open();
      expect(win.options, content).toMatchObject(DEFAULT_SIZE);
      expect(win.options.x, content).toBeUndefined();
    }
  });

  it('drops a position on a monitor that is no longer attached (the window stays visible)', () => {
    writeFileSync(join(userData, WINDOW_STATE_FILE), JSON.stringify({ x: 2500, y: 100, width: 1000, height: 700, maximized: false }));
    // Saved on the second monitor; today only the laptop screen is there.
    const win = open([{ x: 0, y: 0, width: 1366, height: 728 }]);
    expect(win.options.x).toBeUndefined();
    expect(win.options.y).toBeUndefined();
    expect(win.options.width).toBe(1000);
  });

  it('keeps a position on a second monitor that is still attached', () => {
    writeFileSync(join(userData, WINDOW_STATE_FILE), JSON.stringify({ x: 2500, y: 100, width: 1000, height: 700 }));
    const win = open([
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 1920, height: 1040 },
    ]);
    expect(win.options).toMatchObject({ x: 2500, y: 100 });
  });

  it('shrinks a window larger than the screen to fit it', () => {
    expect(fitToDisplays({ width: 3000, height: 2000, maximized: false, x: 0, y: 0 }, [{ x: 0, y: 0, width: 1366, height: 728 }])).toMatchObject({
      width: 1366,
      height: 728,
      x: 0,
      y: 0,
    });
  });

  it('never puts the title bar above the top of the screen', () => {
    expect(fitToDisplays({ x: 100, y: -300, width: 1000, height: 700, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1040 }]).y).toBeUndefined();
  });

  it('writes the state atomically (no temporary file left behind)', () => {
    const win = open();
    win.close();
    expect(existsSync(join(userData, WINDOW_STATE_FILE))).toBe(true);
    expect(existsSync(join(userData, `${WINDOW_STATE_FILE}.tmp`))).toBe(false);
  });
});

describe('focusing the existing window (second launch)', () => {
  it('restores a minimised window and brings it to the front', () => {
    const win = open();
    win.minimized = true;
    focusWindow(win as never);
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
  });

  it('does nothing when there is no window (yet) or it is gone', () => {
    expect(() => focusWindow(null)).not.toThrow();
    const win = open();
    win.close();
    focusWindow(win as never);
    expect(win.focused).toBe(false);
  });
});
