/**
 * A stand-in for the parts of Electron the main process uses (the real binary cannot run here).
 * Objects record what main did to them — listeners, handlers, options — so tests can fire the
 * events Electron would fire and check the outcome.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, PrintToPDFOptions } from 'electron';
import type { ApiError, Envelope } from '../../electron/api/contract';

export class StubEvent {
  defaultPrevented = false;
  constructor(public url?: string) {}
  preventDefault() {
    this.defaultPrevented = true;
  }
}

export interface StubFrame {
  url: string;
  parent: StubFrame | null;
  processId: number;
  routingId: number;
}

export class StubWebRequest {
  beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
  headersReceived?: (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    cb: (r: { responseHeaders?: Record<string, string | string[]> }) => void,
  ) => void;
  onBeforeRequest(listener: StubWebRequest['beforeRequest']) {
    this.beforeRequest = listener;
  }
  onHeadersReceived(listener: StubWebRequest['headersReceived']) {
    this.headersReceived = listener;
  }
  /** What Electron would do with a request to `url`: true when it is cancelled. */
  request(url: string): boolean {
    let cancelled: boolean | undefined;
    this.beforeRequest!({ url }, (r) => (cancelled = !!r.cancel));
    return cancelled!;
  }
  headers(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string | string[]> | undefined {
    let out: Record<string, string | string[]> | undefined;
    this.headersReceived!({ url, responseHeaders }, (r) => (out = r.responseHeaders));
    return out;
  }
}

export class StubSession {
  webRequest = new StubWebRequest();
  permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void;
  permissionCheck?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
  setPermissionRequestHandler(h: StubSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: StubSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  /** Ask for a permission the way a page would: resolves to the granted flag. */
  request(permission: string): boolean {
    let granted: boolean | undefined;
    this.permissionRequest!({}, permission, (g) => (granted = g), {});
    return granted!;
  }
}

export class StubWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };
  sent: { channel: string; args: unknown[] }[] = [];
  mainFrame: StubFrame;
  constructor(url = 'about:blank') {
    super();
    this.mainFrame = { url, parent: null, processId: 7, routingId: 1 };
  }
  setWindowOpenHandler(h: StubWebContents['windowOpenHandler']) {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  /** options of each printToPDF call; `pdf` is what it answers (a Promise rejection when it is an Error) */
  printed: PrintToPDFOptions[] = [];
  pdf: Uint8Array | Error = new TextEncoder().encode('%PDF-1.7\n% stub\n');
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.printed.push(options);
    return this.pdf instanceof Error ? Promise.reject(this.pdf) : Promise.resolve(this.pdf);
  }
  /** Fire will-navigate like Electron: returns true when the navigation was prevented. */
  navigate(url: string): boolean {
    const e = new StubEvent(url);
    this.emit('will-navigate', e, url);
    return e.defaultPrevented;
  }
  attachWebview(): boolean {
    const e = new StubEvent();
    this.emit('will-attach-webview', e, {}, {});
    return e.defaultPrevented;
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class StubBrowserWindow extends EventEmitter {
  static instances: StubBrowserWindow[] = [];
  webContents: StubWebContents;
  loadedFile?: string;
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: Bounds;
  constructor(public options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new StubWebContents();
    StubBrowserWindow.instances.push(this);
  }
  loadFile(file: string) {
    this.loadedFile = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** The user closes the window: 'close' (state is saved), then 'closed'. */
  close() {
    this.emit('close', new StubEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

export function stubScreen(workAreas: Bounds[] = [{ x: 0, y: 0, width: 1920, height: 1040 }]) {
  return { getAllDisplays: () => workAreas.map((workArea) => ({ workArea, bounds: workArea })) };
}

type IpcListener = (event: IpcMainInvokeEvent, args: unknown) => Promise<unknown>;

export class StubIpcMain {
  handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /**
   * Call like ipcRenderer.invoke from `frame`; a rejection is reported the way the renderer sees
   * it: "Error invoking remote method '<m>': Error: <message>".
   */
  async invoke(channel: string, frame: StubFrame | null, args: unknown): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    try {
      // main reads only the sending frame from the event
      return await h({ senderFrame: frame } as unknown as IpcMainInvokeEvent, args);
    } catch (e) {
      throw new Error(`Error invoking remote method '${channel}': ${String(e)}`);
    }
  }
  /** The result of an answered call (what the renderer's client resolves with); a refusal fails the test. */
  async result(channel: string, frame: StubFrame | null, args: unknown): Promise<unknown> {
    const answer = (await this.invoke(channel, frame, args)) as Envelope<unknown>;
    if (!answer.ok) throw new Error(`${channel} was refused: ${answer.error.code} ${answer.error.message}`);
    return answer.result;
  }
  /** The {code, message} of a refused call (what the renderer's client rejects with). */
  async refusal(channel: string, frame: StubFrame | null, args: unknown): Promise<ApiError> {
    const answer = (await this.invoke(channel, frame, args)) as Envelope<unknown>;
    if (answer.ok) throw new Error(`expected ${channel} to be refused`);
    return answer.error;
  }
}

export class StubApp extends EventEmitter {
  isPackaged = false;
  quitCalls = 0;
  exitCode?: number;
  paths: Record<string, string>;
  private readyResolve!: () => void;
  private ready = new Promise<void>((r) => (this.readyResolve = r));
  constructor(
    userData: string,
    public lockAvailable = true,
  ) {
    super();
    this.paths = { userData, documents: userData };
  }
  requestSingleInstanceLock() {
    return this.lockAvailable;
  }
  quit() {
    this.quitCalls++;
  }
  exit(code: number) {
    this.exitCode = code;
  }
  getPath(name: string) {
    return this.paths[name];
  }
  setPath(name: string, value: string) {
    this.paths[name] = value;
  }
  getVersion() {
    return '0.1.0-test';
  }
  whenReady() {
    return this.ready;
  }
  /** Electron finished starting. */
  fireReady() {
    this.readyResolve();
    return this.ready;
  }
}

export function stubShell() {
  const opened: string[] = [];
  return { opened, openExternal: (url: string) => (opened.push(url), Promise.resolve()) };
}

export function stubDialog() {
  const calls = { errorBoxes: [] as { title: string; content: string }[], messageBoxes: [] as unknown[] };
  return {
    calls,
    showErrorBox: (title: string, content: string) => calls.errorBoxes.push({ title, content }),
    showMessageBox: (...args: unknown[]) => (calls.messageBoxes.push(args), Promise.resolve({ response: 0, checkboxChecked: false })),
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
  };
}

/** The part of a menu template item the tests read and click (main builds it as Electron's MenuItemConstructorOptions). */
export interface StubMenuItem {
  label?: string;
  role?: string;
  type?: string;
  submenu?: StubMenuItem[];
  click?: () => void;
}

export function stubMenu() {
  const state: { template?: StubMenuItem[]; applied?: unknown } = {};
  return {
    state,
    buildFromTemplate: (template: StubMenuItem[]) => ((state.template = template), { template }),
    setApplicationMenu: (menu: unknown) => (state.applied = menu),
  };
}
