/**
 * The desktop app's lifecycle, with Electron passed in (index.ts passes the real module, tests a
 * stub): one instance per data folder, security before any page exists, the back end and IPC
 * before the window loads, quit when the last window closes (except on macOS).
 */
import { join } from 'node:path';
import type * as Electron from 'electron';
import { startBackend, type Backend } from '../api/app';
import type { Handlers } from '../api/contract';
import { MENU_CHANNEL, type MenuCommand } from '../api/menu-commands';
import { isReviewDeskError } from '../core/errors';
import { nativeDialogHandlers } from './dialogs';
import { printPdfHandlers } from './printPdf';
import { dialogDestinations } from '../api/destinations';
import { createErrorLog } from '../api/errorLog';
import { describeFailure } from '../api/failures';
import { bindIpc, mainFrameCheck } from './ipc';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native';
import { explicitDataDir, resourcesDir, type AppPaths } from './paths';
import { secureSession, secureWebContents } from './security';
import { createMainWindow, focusWindow } from './window';

export type ElectronDeps = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'Menu' | 'dialog' | 'ipcMain' | 'screen' | 'session' | 'shell'>;

export interface RunOptions {
  paths: AppPaths;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  electronVersion: string;
  processResourcesPath: string;
}

export interface RunningApp {
  /** false when another instance already runs (this one quits) */
  primary: boolean;
  ready: Promise<void>;
  window(): Electron.BrowserWindow | null;
  backend(): Backend | null;
}

function startupHint(e: unknown, isPackaged: boolean): string {
  const raw = String((e as Error)?.message ?? e);
  const abi = /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(raw);
  // Everything else in Chinese: a read-only or missing data folder reads as such, never as a stack.
  const message = isReviewDeskError(e) ? e.message : describeFailure(e).error.message;
  if (abi && !isPackaged) return `${raw}\n\n数据库组件没有为 Electron 准备好。请用“npm start”启动（它会自动准备），或用“npm run web”在浏览器中使用。`;
  return message;
}

export function runApp(e: ElectronDeps, opts: RunOptions): RunningApp {
  const { app } = e;
  const dataDir = explicitDataDir(opts.argv, opts.env);
  // A chosen data folder gets its own profile, so the single-instance lock is per data folder.
  if (dataDir) app.setPath('userData', join(dataDir, 'electron-profile'));

  let win: Electron.BrowserWindow | null = null;
  let backend: Backend | null = null;
  const running: RunningApp = { primary: true, ready: Promise.resolve(), window: () => win, backend: () => backend };

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ...running, primary: false };
  }

  const security = { indexFile: opts.paths.indexFile, shell: e.shell };
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, security));
  app.on('second-instance', () => focusWindow(win));
  app.on('window-all-closed', () => {
    if (opts.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });

  const openWindow = () => {
    win = createMainWindow({ BrowserWindow: e.BrowserWindow, screen: e.screen, paths: opts.paths, userDataDir: app.getPath('userData') });
    win.on('closed', () => (win = null));
  };

  const start = () => {
    secureSession(e.session.defaultSession);
    const folder = dataDir ?? app.getPath('userData');
    const log = createErrorLog(folder);
    try {
      backend = startBackend({
        log,
        dataDir: folder,
        resourcesDir: resourcesDir(app.isPackaged, opts.paths.root, opts.processResourcesPath),
        platform: 'electron',
        version: app.getVersion(),
        nativeBinding: electronNativeBinding({
          isPackaged: app.isPackaged,
          root: opts.paths.root,
          electronVersion: opts.electronVersion,
          platform: opts.platform,
          arch: opts.arch,
        }),
      });
    } catch (err) {
      e.dialog.showErrorBox('审议台无法启动', startupHint(err, app.isPackaged));
      app.exit(1);
      return;
    }
    // Exports write only where the user just chose in the save dialog (once per choice).
    const destinations = dialogDestinations();
    backend.ctx.destinations = destinations;
    const handlers: Handlers = {
      ...backend.handlers,
      ...nativeDialogHandlers({ dialog: e.dialog, getWindow: () => win, documentsDir: app.getPath('documents'), destinations }),
      ...printPdfHandlers({ dialog: e.dialog, getWindow: () => win, documentsDir: app.getPath('documents') }),
    };
    bindIpc(
      e.ipcMain,
      handlers,
      mainFrameCheck(() => win, opts.paths.indexFile),
      log,
    );
    const send = (command: MenuCommand) => win?.webContents.send(MENU_CHANNEL, command);
    const showAbout = () => {
      const options = {
        type: 'info' as const,
        title: '关于审议台',
        message: `审议台 ReviewDesk ${app.getVersion()}`,
        detail: '离线审阅政府工作报告：批注、修改意见、代表建议与政协提案。\n所有内容只保存在本机。',
        buttons: ['确定'],
      };
      void (win ? e.dialog.showMessageBox(win, options) : e.dialog.showMessageBox(options));
    };
    e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(menuTemplate({ isMac: opts.platform === 'darwin', isDev: !app.isPackaged, send, showAbout })));
    openWindow();
    // macOS keeps the app alive without windows; clicking the dock icon opens one again.
    app.on('activate', () => {
      if (!win) openWindow();
    });
  };

  return { ...running, ready: app.whenReady().then(start) };
}
