/**
 * Locked files in a real browser: an exchange bundle exported with 设置口令 is unreadable on the
 * stick, and on a wiped machine it imports only after the passphrase prompt — a wrong passphrase
 * is refused with a plain message and the user tries again. Then a backup exported with a
 * passphrase and brought back with 从文件导入备份.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../helpers/host';
import { launch, openPage, screenshot } from '../helpers/browser';
import { isSealed } from '../../electron/core/seal/seal';

const dataDir = mkdtempSync(join(tmpdir(), 'rd-e2e-sealed-'));
const work = mkdtempSync(join(tmpdir(), 'rd-e2e-sealed-files-'));
let host: RunningHost;
let browser: Browser;

const NOTE = '内部：征求意见稿第二部分的就业目标尚未定稿';
const PASSPHRASE = '甲组口令2025';

type Doc = { version: { id: string }; blocks: { id: string; text: string }[] };

async function currentDoc(): Promise<Doc> {
  const info = await host.call<{ startVersionId: string }>('app.info');
  return host.call<Doc>('reports.get', { versionId: info.startVersionId });
}
async function notes(): Promise<string[]> {
  const doc = await currentDoc();
  return (await host.call<{ note: string }[]>('annotations.list', { versionId: doc.version.id })).map((a) => a.note).sort();
}
async function annotate(note: string) {
  const doc = await currentDoc();
  const b = doc.blocks.filter((x) => x.text.length > 30)[2];
  await host.call('annotations.create', {
    versionId: doc.version.id,
    color: 'red',
    note,
    tags: [],
    targets: [{ blockId: b.id, start: 0, end: 6, exact: b.text.slice(0, 6), prefix: '', suffix: '' }],
  });
}
async function restartWiped() {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  host = await startHost({ dataDir });
}
async function open(view: '报告库' | '备份与恢复'): Promise<{ page: Page; errors: string[] }> {
  const { page, consoleErrors } = await openPage(browser, host.url);
  await page.getByRole('button', { name: view, exact: true }).click();
  await page.waitForSelector(view === '报告库' ? '.report-card' : '.backups h2');
  return { page, errors: consoleErrors };
}
/** Clicks into a field and types like a user, key by key (a field that loses focus mid-word fails here). */
async function typeInto(page: Page, label: string, text: string, expected = text) {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
  expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(expected);
}
/** Console errors, less Chromium's own line for each refused call (a 422 is the expected answer here). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 422/.test(e));

beforeAll(async () => {
  host = await startHost({ dataDir });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('a bundle with a passphrase', () => {
  const bundleFile = join(work, 'locked.reviewdesk');

  it('is exported through 设置口令, and the file holds none of the note', async () => {
    await annotate(NOTE);
    const { page, errors } = await open('报告库');
    await page.getByRole('button', { name: '导出交换包…' }).click();
    const dialog = page.locator('[data-testid="bundle-export"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/口令不会保存在任何地方，忘记后无法找回/);
    const exportButton = dialog.locator('.modal-actions button', { hasText: '导出' });

    await typeInto(page, '设置口令（可选）', '甲组');
    expect(await dialog.locator('[role="alert"]').textContent()).toContain('口令至少需要 6 个字符');
    expect(await exportButton.isDisabled()).toBe(true);
    await typeInto(page, '设置口令（可选）', '口令2025', PASSPHRASE);
    await typeInto(page, '再次输入口令', '甲组口令2024');
    expect(await dialog.locator('[role="alert"]').textContent()).toContain('两次输入的口令不一致');
    expect(await exportButton.isDisabled()).toBe(true);
    await page.getByLabel('再次输入口令', { exact: true }).fill('');
    await typeInto(page, '再次输入口令', PASSPHRASE);
    expect(await dialog.locator('[role="alert"]').count()).toBe(0);
    await screenshot(page, 'sealed-bundle-export');

    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    await download.saveAs(bundleFile);
    await page.locator('.toast', { hasText: '已设置口令' }).waitFor();
    const bytes = readFileSync(bundleFile);
    expect(isSealed(bytes)).toBe(true);
    expect(bytes.includes(Buffer.from(NOTE, 'utf8'))).toBe(false);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('on a wiped machine asks for the passphrase, refuses a wrong one, and imports with the right one', async () => {
    await restartWiped();
    expect(await notes()).toEqual([]);
    const { page, errors } = await open('报告库');
    await page.setInputFiles('[data-testid="bundle-input"]', bundleFile);
    const prompt = page.locator('[data-testid="bundle-unlock"]');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('设置了口令');

    // the field has the focus: typing goes straight in
    await page.keyboard.type('甲组口令2024', { delay: 5 });
    await page.keyboard.press('Enter');
    const error = prompt.locator('[data-testid="passphrase-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^口令不正确，无法打开这个文件。/);
    expect(await notes()).toEqual([]);
    await screenshot(page, 'sealed-bundle-wrong-passphrase');

    await typeInto(page, '口令', PASSPHRASE);
    await prompt.getByRole('button', { name: '打开' }).click();
    const summary = page.locator('[data-testid="bundle-summary"]');
    await summary.waitFor();
    expect(await prompt.count()).toBe(0);
    expect(await summary.locator('tr[data-kind="批注"] td').nth(1).textContent()).toBe('1');
    await page.locator('.modal-actions button', { hasText: '关闭' }).click();
    expect(await notes()).toEqual([NOTE]);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });
});

describe('a backup with a passphrase', () => {
  it('is exported from 备份与恢复 and brought back with 从文件导入备份, then restored', async () => {
    const backup = await host.call<{ name: string }>('backups.create');
    const { page, errors } = await open('备份与恢复');
    const row = page.locator(`tr[data-backup="${backup.name}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: '导出备份…' }).click();
    await page.locator('[data-testid="backup-export"]').waitFor();
    await typeInto(page, '设置口令（可选）', PASSPHRASE);
    await typeInto(page, '再次输入口令', PASSPHRASE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="backup-export"] .modal-actions button', { hasText: '导出' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审议台备份-\d{8}-\d{6}\.rdbackup$/);
    const file = join(work, 'carried.rdbackup');
    await download.saveAs(file);
    expect(readFileSync(file).includes(Buffer.from(NOTE, 'utf8'))).toBe(false);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();

    await restartWiped();
    expect(await notes()).toEqual([]);
    const again = await open('备份与恢复');
    await again.page.setInputFiles('[data-testid="backup-file-input"]', file);
    const prompt = again.page.locator('[data-testid="backup-unlock"]');
    await prompt.waitFor();
    await again.page.keyboard.type(PASSPHRASE, { delay: 5 });
    await prompt.getByRole('button', { name: '打开' }).click();
    const imported = again.page.locator('[data-testid="backup-imported"]');
    await imported.waitFor();
    expect(await imported.textContent()).toMatch(/当前数据没有任何改动.*1 条批注/);
    expect(await notes()).toEqual([]); // nothing changed until the user restores
    await imported.getByRole('button', { name: '恢复到这份备份…' }).click();
    await again.page.locator('[data-testid="restore-confirm"]').waitFor();
    await Promise.all([again.page.waitForEvent('load'), again.page.locator('[data-testid="restore-confirm"] button.primary').click()]);
    await again.page.waitForSelector('.toast');
    expect(await notes()).toEqual([NOTE]);
    expect(unexpected(again.errors)).toEqual([]);
    await again.page.context().close();
  });
});
