/**
 * The whole Electron path of one call: renderer client → preload (window.api) → ipcMain handler →
 * dispatch → handler, and the answer back. What a caller in the renderer sees must be what it sees
 * over HTTP: the result, or an ApiCallError with the handler's code and Chinese message.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, Handlers } from '../../electron/api/contract';
import { ReviewDeskError } from '../../electron/core/errors';
import { INTERNAL_ERROR_MESSAGE } from '../../electron/core/common/errorCodes';
import { bindIpc } from '../../electron/main/ipc';
import { StubIpcMain, type StubFrame } from './electron-stub';

const APP_FRAME: StubFrame = { url: 'file:///app/out/renderer/index.html', parent: null, processId: 1, routingId: 1 };

/** What the current test's handler does; every method runs it (dispatch validates the argument first). */
let handle: () => unknown = () => null;
let trusted = true;
let transportDown = false;
const logged: unknown[] = [];

const ipcMain = new StubIpcMain();
bindIpc(
  ipcMain,
  new Proxy({}, { get: () => () => handle() }) as Handlers,
  () => trusted,
  (e) => logged.push(e),
);

// The real preload, over an ipcRenderer that reaches the stub ipcMain from the app's frame.
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) =>
      transportDown ? Promise.reject(new Error(`Error invoking remote method '${channel}': gone`)) : ipcMain.invoke(channel, APP_FRAME, args),
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

let client: typeof import('../../renderer/api/client');

beforeAll(async () => {
  await import('../../electron/preload/index');
  vi.stubGlobal('window', { api: exposed.api });
  client = await import('../../renderer/api/client');
  return () => vi.unstubAllGlobals();
});

beforeEach(() => {
  handle = () => null;
  trusted = true;
  transportDown = false;
  logged.length = 0;
});

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => e,
  );
  expect(e).toBeInstanceOf(client.ApiCallError);
  return e as InstanceType<typeof client.ApiCallError>;
}

describe('an IPC call as the renderer makes it', () => {
  it('uses window.api from the preload', () => {
    expect(client.isDesktop).toBe(true);
  });

  it('resolves with the handler’s result', async () => {
    handle = () => ({ 'reader.fontSize': '18' });
    await expect(client.api['settings.all']({})).resolves.toEqual({ 'reader.fontSize': '18' });
  });

  it('rejects with ApiCallError carrying the handler’s code and Chinese message, unchanged', async () => {
    handle = () => {
      throw new ReviewDeskError('draft/unknown-field', '修改意见没有这些项：附件');
    };
    const e = await failure(client.api['settings.all']({}));
    expect(e.code).toBe('draft/unknown-field');
    expect(e.message).toBe('修改意见没有这些项：附件');
    expect(client.errorMessage(e)).toBe('修改意见没有这些项：附件');
  });

  it('rejects an invalid argument with invalid-argument, in Chinese', async () => {
    const e = await failure(client.api['settings.set']({ key: '', value: 1 as unknown as string }));
    expect(e.code).toBe('invalid-argument');
    expect(e.message).toMatch(/参数无效/);
  });

  it('shows an unexpected failure as the generic internal error, never its text', async () => {
    handle = () => {
      throw new TypeError('boom at secret/path.ts:1');
    };
    const e = await failure(client.api['settings.all']({}));
    expect(e.code).toBe('internal');
    expect(e.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(logged).toHaveLength(1);
  });

  it('rejects a call from a frame that is not the app with forbidden', async () => {
    trusted = false;
    const e = await failure(client.api['settings.all']({}));
    expect(e.code).toBe('forbidden');
    expect(e.message).toMatch(/拒绝/);
  });

  it('treats a failed invoke (no answer at all) as an internal error', async () => {
    transportDown = true;
    const e = await failure(client.api['settings.all']({}));
    expect(e.code).toBe('internal');
    expect(e.message).toBe(INTERNAL_ERROR_MESSAGE);
  });
});

describe('unwrap: one reading of the envelope for both transports', () => {
  it('gives the result of an answered call and throws the error of a refused one', () => {
    expect(client.unwrap({ ok: true, result: 42 })).toBe(42);
    const refused: Envelope<number> = { ok: false, error: { code: 'versions/same', message: '请选择两个不同的版本。' } };
    expect(() => client.unwrap(refused)).toThrow(client.ApiCallError);
    expect(() => client.unwrap(refused)).toThrow(expect.objectContaining({ code: 'versions/same', message: '请选择两个不同的版本。' }));
  });

  it('refuses anything that is not an envelope as bad-response', () => {
    for (const junk of [null, undefined, {}, { ok: false }, { result: 1 }] as unknown as Envelope<unknown>[]) {
      expect(() => client.unwrap(junk)).toThrow(expect.objectContaining({ code: 'bad-response' }));
    }
  });
});
