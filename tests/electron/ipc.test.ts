import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBackend, type Backend } from '../../electron/api/app';
import { methodNames } from '../../electron/api/contract';
import { createHandlers } from '../../electron/api/handlers';
import { dispatch } from '../../electron/api/dispatch';
import { INTERNAL_ERROR_MESSAGE } from '../../electron/core/common/errorCodes';
import { bindIpc, mainFrameCheck } from '../../electron/main/ipc';
import { nativeDialogHandlers } from '../../electron/main/dialogs';
import { suggestedFileName as safeFileName } from '../../electron/core/common/fileName';
import { StubBrowserWindow, StubIpcMain, stubDialog, type StubFrame } from './electron-stub';

const ROOT = resolve(import.meta.dirname, '..', '..');
const INDEX = join(ROOT, 'out', 'renderer', 'index.html');
const APP_URL = pathToFileURL(INDEX).href;

let dataDir: string;
let backend: Backend;
let ipc: StubIpcMain;
let win: StubBrowserWindow;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'reviewdesk-ipc-'));
  backend = startBackend({ dataDir, resourcesDir: join(ROOT, 'resources'), platform: 'electron', version: 'test' });
  win = new StubBrowserWindow({ width: 800, height: 600 });
  void win.loadFile(INDEX);
  ipc = new StubIpcMain();
  bindIpc(
    ipc,
    backend.handlers,
    mainFrameCheck(() => win as never, INDEX),
    () => undefined,
  );
});
afterAll(() => {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('IPC binding', () => {
  it('binds exactly one handler per contract method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...methodNames].sort());
  });

  it('calls from the app page in the main window reach the real back end', async () => {
    const frame = win.webContents.mainFrame;
    expect(await ipc.invoke('settings.set', frame, { key: 'reader.fontSize', value: '18' })).toEqual({
      ok: true,
      result: { key: 'reader.fontSize', value: '18' },
    });
    expect(await ipc.result('settings.get', frame, { key: 'reader.fontSize' })).toEqual({ key: 'reader.fontSize', value: '18' });
    const info = (await ipc.result('app.info', frame, {})) as { platform: string; dataDir: string; startVersionId: string | null };
    expect(info.platform).toBe('electron');
    expect(info.dataDir).toBe(dataDir);
    // the bundled report was seeded on first start
    expect(info.startVersionId).toBeTruthy();
  });

  it('refuses calls from an embedded frame', async () => {
    const child: StubFrame = { url: APP_URL, parent: win.webContents.mainFrame, processId: 7, routingId: 2 };
    // refused with an answer, not a rejection: the same envelope the browser host sends
    expect(await ipc.invoke('settings.set', child, { key: 'x', value: 'evil' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/拒绝/) },
    });
    const err = await ipc.refusal('settings.set', child, { key: 'x', value: 'evil' });
    expect(err.code).toBe('forbidden');
    expect(err.message).toMatch(/拒绝/);
    expect(backend.ctx.store.settings.get('x')).toBeNull();
  });

  it('refuses calls once the main frame shows anything but the app', async () => {
    const frame = win.webContents.mainFrame;
    const saved = frame.url;
    frame.url = 'https://example.com/';
    try {
      expect((await ipc.refusal('settings.all', frame, {})).code).toBe('forbidden');
    } finally {
      frame.url = saved;
    }
  });

  it('refuses calls from another window, from a frame that is gone, and when no window exists', async () => {
    const other = new StubBrowserWindow({ width: 800, height: 600 });
    await other.loadFile(INDEX);
    other.webContents.mainFrame.processId = 99;
    expect((await ipc.refusal('settings.all', other.webContents.mainFrame, {})).code).toBe('forbidden');
    expect((await ipc.refusal('settings.all', null, {})).code).toBe('forbidden');
    const lonely = new StubIpcMain();
    bindIpc(
      lonely,
      backend.handlers,
      mainFrameCheck(() => null, INDEX),
    );
    expect((await lonely.refusal('settings.all', win.webContents.mainFrame, {})).code).toBe('forbidden');
  });

  it('passes validation errors through as {code, message} in Chinese, never a stack', async () => {
    const err = await ipc.refusal('settings.set', win.webContents.mainFrame, { key: '', value: 1 });
    expect(err.code).toBe('invalid-argument');
    expect(err.message).toMatch(/参数无效/);
    expect(err.message).not.toMatch(/at .*\.ts/);
  });

  it('turns an unexpected failure into the generic internal error', async () => {
    const broken = new StubIpcMain();
    const handlers = {
      ...backend.handlers,
      'settings.all': () => {
        throw new TypeError('boom at secret/path.ts:1');
      },
    };
    bindIpc(
      broken,
      handlers,
      () => true,
      () => undefined,
    );
    const err = await broken.refusal('settings.all', null, {});
    expect(err).toEqual({ code: 'internal', message: INTERNAL_ERROR_MESSAGE });
    expect(err.message).not.toMatch(/boom|secret/);
  });
});

describe('file dialogs', () => {
  it('the web host has no native dialogs and answers {path: null}', async () => {
    const handlers = createHandlers(backend.ctx);
    expect(await dispatch(handlers, 'dialog.saveFile', { defaultName: '修改意见.docx' })).toEqual({ path: null });
    expect(await dispatch(handlers, 'dialog.openFile', {})).toEqual({ path: null });
  });

  it('save: starts in Documents with the suggested name, returns the chosen path or null on cancel', async () => {
    const dialog = stubDialog();
    const seen: unknown[] = [];
    dialog.showSaveDialog = async (...args: unknown[]) => (seen.push(args.at(-1)), { canceled: false, filePath: '/home/u/文档/修改意见.docx' });
    const h = nativeDialogHandlers({ dialog: dialog, getWindow: () => win as never, documentsDir: '/home/u/文档' });
    expect(await h['dialog.saveFile']({ defaultName: '修改意见.docx', filters: [{ name: 'Word 文档', extensions: ['docx'] }] })).toEqual({
      path: '/home/u/文档/修改意见.docx',
    });
    expect(seen[0]).toMatchObject({ defaultPath: join('/home/u/文档', '修改意见.docx'), filters: [{ name: 'Word 文档', extensions: ['docx'] }] });
    dialog.showSaveDialog = async () => ({ canceled: true, filePath: '' });
    expect(await h['dialog.saveFile']({ defaultName: 'a.md' })).toEqual({ path: null });
  });

  it('a suggested name cannot steer the save dialog out of Documents', () => {
    expect(safeFileName('../../.ssh/authorized_keys')).toBe('authorized_keys');
    expect(safeFileName('..\\..\\Windows\\evil.dll')).toBe('evil.dll');
    expect(safeFileName('a<b>:c?.txt')).toBe('a_b__c_.txt');
    expect(safeFileName('..')).toBe('未命名');
  });

  it('open: returns the chosen report with its bytes, or null on cancel', async () => {
    const file = join(ROOT, 'tests', 'fixtures', 'xianning-2024-gov-work-report.txt');
    const dialog = stubDialog();
    const h = nativeDialogHandlers({ dialog: dialog, getWindow: () => null, documentsDir: '/tmp' });
    expect(await h['dialog.openFile']({})).toEqual({ path: null });
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [file] });
    const opened = await h['dialog.openFile']({ filters: [{ name: '报告', extensions: ['txt', 'docx', 'md'] }] });
    expect(opened.path).toBe(file);
    expect(opened.name).toBe('xianning-2024-gov-work-report.txt');
    expect(Buffer.from(opened.dataBase64!, 'base64').equals(readFileSync(file))).toBe(true);
  });

  it('open: refuses a file over 20 MB with a Chinese message', async () => {
    const big = join(dataDir, 'huge.txt');
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
    const dialog = stubDialog();
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [big] });
    const h = nativeDialogHandlers({ dialog: dialog, getWindow: () => null, documentsDir: '/tmp' });
    await expect(h['dialog.openFile']({})).rejects.toMatchObject({ code: 'file-too-large', message: expect.stringMatching(/20 MB/) });
  });

  it('dialog arguments are validated like every other method', async () => {
    const err = await ipc.refusal('dialog.saveFile', win.webContents.mainFrame, { defaultName: 'x', filters: [{ name: 'bad', extensions: ['../x'] }] });
    expect(err.code).toBe('invalid-argument');
  });
});
