import { beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { methodNames, type DesktopBridge, type WireApi } from '../../electron/api/contract';
import { MENU_CHANNEL } from '../../electron/api/menu-commands';
import { contractNamesPlugin } from '../../scripts/contract-names-plugin.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A fake of what a sandboxed preload may require: only 'electron'. */
function fakeElectron() {
  // filled in by the preload through exposeInMainWorld
  const exposed = {} as { api: WireApi; reviewdesk: DesktopBridge };
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const ipcRenderer = {
    // main/ipc.ts answers every call with an envelope
    invoke: vi.fn(async (channel: string, args: unknown): Promise<unknown> => ({ ok: true, result: { channel, args } })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn((channel: string, l: (...a: unknown[]) => void) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l)),
    removeListener: vi.fn((channel: string, l: (...a: unknown[]) => void) => void listeners.get(channel)?.delete(l)),
  };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: ipcRenderer }, ...args));
  return {
    exposed,
    ipcRenderer,
    emit,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => ((exposed as Record<string, unknown>)[key] = value) },
  };
}

const electron = fakeElectron();
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

beforeAll(async () => {
  await import('../../electron/preload/index');
});

describe('preload: window.api', () => {
  it('exposes exactly one function per contract method', () => {
    const api = electron.exposed.api;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const m of methodNames) expect(typeof api[m], m).toBe('function');
  });

  it('each function invokes its own channel with the argument, nothing more', async () => {
    expect(await electron.exposed.api['settings.get']({ key: 'k' })).toEqual({ ok: true, result: { channel: 'settings.get', args: { key: 'k' } } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('settings.get', { key: 'k' });
  });

  it('hands a refusal to the page as the envelope main sent, unchanged and not thrown', async () => {
    const refused = { ok: false, error: { code: 'draft/unknown-field', message: '这种文稿没有这一栏。' } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(refused);
    expect(await electron.exposed.api['drafts.update']({ id: 'd1' })).toEqual(refused);
  });

  it('exposes only api and reviewdesk, never ipcRenderer or a generic send', () => {
    expect(Object.keys(electron.exposed).sort()).toEqual(['api', 'reviewdesk']);
    const values = [...Object.values(electron.exposed), ...Object.values(electron.exposed.api), ...Object.values(electron.exposed.reviewdesk)];
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.send);
    expect(Object.keys(electron.exposed.reviewdesk)).toEqual(['onMenuCommand']);
  });
});

describe('preload: menu commands', () => {
  it('delivers known menu commands (the command name only) and can unsubscribe', () => {
    const got: unknown[][] = [];
    const off = electron.exposed.reviewdesk.onMenuCommand((...args: unknown[]) => got.push(args));
    electron.emit(MENU_CHANNEL, 'report.import');
    electron.emit(MENU_CHANNEL, 'bundle.export');
    expect(got).toEqual([['report.import'], ['bundle.export']]);
    off();
    electron.emit(MENU_CHANNEL, 'report.import');
    expect(got).toHaveLength(2);
  });

  it('drops anything that is not a known command', () => {
    const got: unknown[] = [];
    const off = electron.exposed.reviewdesk.onMenuCommand((c: unknown) => got.push(c));
    electron.emit(MENU_CHANNEL, 'shell.exec');
    electron.emit(MENU_CHANNEL, { toString: () => 'report.import' });
    off();
    expect(got).toEqual([]);
  });
});

describe('preload bundle as built', () => {
  it('is small, requires nothing but electron, and still lists every method', async () => {
    const { outputFiles } = await build({
      entryPoints: [resolve(ROOT, 'electron/preload/index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      plugins: [contractNamesPlugin],
      logLevel: 'silent',
      absWorkingDir: ROOT,
    });
    const code = outputFiles[0].text;
    expect(code.length).toBeLessThan(10_000);
    const fake = fakeElectron();
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer };
    };
    const mod = { exports: {} };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, sandboxRequire);
    expect(required.every((r) => r === 'electron')).toBe(true);
    expect(Object.keys(fake.exposed.api).sort()).toEqual([...methodNames].sort());
  });
});
