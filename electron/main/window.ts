/**
 * The one application window: locked-down web preferences, the remembered size and position,
 * shown only when the first paint is ready (no white flash).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Screen } from 'electron';
import { secureWebPreferences } from './security';
import { MIN_SIZE, WINDOW_STATE_FILE, readWindowState, writeWindowState } from './window-state';
import type { AppPaths } from './paths';

export const WINDOW_TITLE = '审议台';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: Pick<Screen, 'getAllDisplays'>;
  paths: AppPaths;
  userDataDir: string;
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const stateFile = join(deps.userDataDir, WINDOW_STATE_FILE);
  const state = readWindowState(
    stateFile,
    deps.screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new deps.BrowserWindow({
    title: WINDOW_TITLE,
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    ...(existsSync(deps.paths.icon) ? { icon: deps.paths.icon } : {}),
    webPreferences: secureWebPreferences(deps.paths.preload),
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  // Normal bounds, so a maximised window comes back maximised over its previous normal size.
  win.on('close', () => writeWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
  void win.loadFile(deps.paths.indexFile).catch(() => undefined);
  return win;
}

/** A second launch brings the existing window to the front instead of opening another. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
