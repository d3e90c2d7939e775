/**
 * 导出 PDF in the desktop app: main asks where (the native save dialog, in Documents, .pdf only),
 * prints the page with Chromium's PDF printer (A4, backgrounds so the highlights show) and writes
 * the file there. The path never travels through the API (the browser host's refusal is
 * checked in tests/e2e/print.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runApp } from '../../electron/main/lifecycle';
import { appPaths } from '../../electron/main/paths';
import { StubApp, StubBrowserWindow, StubIpcMain, StubSession, stubDialog, stubMenu, stubScreen, stubShell } from './electron-stub';

const ROOT = resolve(import.meta.dirname, '..', '..');
let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'reviewdesk-print-'));
  StubBrowserWindow.instances = [];
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function desktop() {
  const app = new StubApp(join(tmp, 'userData'));
  app.paths.documents = join(tmp, 'Documents');
  const e = {
    app,
    ipcMain: new StubIpcMain(),
    session: { defaultSession: new StubSession() },
    dialog: stubDialog(),
    Menu: stubMenu(),
    shell: stubShell(),
    screen: stubScreen(),
    BrowserWindow: StubBrowserWindow,
  };
  const running = runApp(e as never, {
    paths: appPaths(join(ROOT, 'out', 'main')),
    argv: ['electron', ROOT, '--data', join(tmp, 'data')],
    env: {},
    platform: 'linux',
    arch: 'x64',
    electronVersion: 'test',
    processResourcesPath: join(tmp, 'no-resources'),
  });
  await app.fireReady();
  await running.ready;
  const win = running.window() as unknown as StubBrowserWindow;
  const asked: { defaultPath?: string; filters?: unknown }[] = [];
  const answer = (filePath: string | null) => {
    e.dialog.showSaveDialog = async (...args: unknown[]) => {
      asked.push(args.at(-1) as { defaultPath?: string });
      return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
    };
  };
  const savePdf = (defaultName: string) => e.ipcMain.invoke('print.savePdf', win.webContents.mainFrame, { defaultName });
  return { e, win, asked, answer, savePdf, quit: () => e.app.emit('will-quit') };
}

describe('导出 PDF in the desktop app', () => {
  it('prints the window to an A4 PDF with backgrounds and writes it where the user chose', async () => {
    const d = await desktop();
    const chosen = join(tmp, '咸宁市2024年政府工作报告（大会印发稿）标注稿.pdf');
    d.answer(chosen);
    expect(await d.savePdf('咸宁市2024年政府工作报告（大会印发稿）标注稿.pdf')).toEqual({ ok: true, result: { path: chosen } });
    expect(d.asked[0]).toMatchObject({
      defaultPath: join(tmp, 'Documents', '咸宁市2024年政府工作报告（大会印发稿）标注稿.pdf'),
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    });
    expect(d.win.webContents.printed).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })]);
    expect(readFileSync(chosen, 'latin1')).toMatch(/^%PDF-/);
    d.quit();
  });

  it('adds .pdf when the dialog returns a name without it; a cancelled dialog prints nothing', async () => {
    const d = await desktop();
    d.answer(join(tmp, '标注稿'));
    expect(await d.savePdf('标注稿.pdf')).toEqual({ ok: true, result: { path: join(tmp, '标注稿.pdf') } });
    expect(existsSync(join(tmp, '标注稿.pdf'))).toBe(true);
    d.answer(null);
    expect(await d.savePdf('标注稿.pdf')).toEqual({ ok: true, result: { path: null } });
    expect(d.win.webContents.printed).toHaveLength(1);
    d.quit();
  });

  it('a suggested name is a name, never a path: it cannot point the dialog elsewhere', async () => {
    const d = await desktop();
    d.answer(null);
    await d.savePdf('../../etc/报告.pdf');
    expect(d.asked[0].defaultPath).toBe(join(tmp, 'Documents', '报告.pdf'));
    d.quit();
  });

  it('says in Chinese when the PDF cannot be made or written, and leaves no half-written file', async () => {
    const d = await desktop();
    d.answer(join(tmp, 'a.pdf'));
    d.win.webContents.pdf = new Error('printing failed');
    expect(await d.savePdf('a.pdf')).toEqual({ ok: false, error: { code: 'print/failed', message: expect.stringContaining('生成 PDF 时出错') } });
    expect(existsSync(join(tmp, 'a.pdf'))).toBe(false);
    d.win.webContents.pdf = new TextEncoder().encode('%PDF-1.7');
    d.answer(join(tmp, 'no-such-folder', 'a.pdf'));
    expect(await d.savePdf('a.pdf')).toEqual({ ok: false, error: { code: 'export/write-failed', message: expect.stringContaining('文件夹不存在') } });
    d.quit();
  });

  it('only the main window may ask: another frame is refused before any dialog opens', async () => {
    const d = await desktop();
    d.answer(join(tmp, 'a.pdf'));
    const iframe = { ...d.win.webContents.mainFrame, parent: d.win.webContents.mainFrame, routingId: 9 };
    expect(await d.e.ipcMain.invoke('print.savePdf', iframe, { defaultName: 'a.pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(d.asked).toHaveLength(0);
    d.quit();
  });
});
