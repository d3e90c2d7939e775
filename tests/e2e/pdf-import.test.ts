/**
 * A PDF as deputies receive it (the assembly print, page numbers in the footer), imported in the
 * browser: it goes through the job worker and pdfjs, its outline shows the parts and sections, and
 * a highlight made with the mouse on its text is still there after a reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot, selectText } from '../helpers/browser';
import { FIXTURES } from '../helpers/tempdb';

interface Block {
  id: string;
  kind: string;
  text: string;
}

describe('importing a PDF in the app', () => {
  const app = useAppInBrowser();
  let page: Page;
  const reports = () => app.host.call<unknown[]>('reports.list');

  beforeAll(async () => {
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('body[data-reader-ready]');
  });

  it('imports the assembly print, shows its outline, and keeps a highlight made on it across a reload', async () => {
    const before = (await reports()).length;
    await page.locator('.topbar nav button', { hasText: '报告库' }).click();
    expect(await page.locator('.library').textContent()).toContain('.pdf（可复制文字的，不含扫描件）');
    await screenshot(page, 'library-import-hint');
    await page.locator('[data-testid="import-input"]').setInputFiles(join(FIXTURES, 'pdf', 'assembly-a4.pdf'));
    await page.getByTestId('import-dialog').locator('button', { hasText: '导入' }).click();
    await expect.poll(async () => (await reports()).length).toBe(before + 1);
    await expect.poll(() => page.locator('.toast').first().textContent()).toContain('已导入');
    // The reader opens the PDF's version (body[data-reader-ready] names the version on screen).
    const start = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const readerVersion = () => page.evaluate(() => document.body.dataset.readerReady ?? '');
    await expect.poll(readerVersion).not.toBe(start);
    const current = await readerVersion();
    expect(current).not.toBe('');
    const { blocks } = await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: current });
    // no page number left in any paragraph
    expect(blocks.some((b) => /^[—-]\s*\d+\s*[—-]$/.test(b.text) || /— \d+ —/.test(b.text))).toBe(false);
    const parts = blocks.filter((b) => b.kind === 'part');
    const sections = blocks.filter((b) => b.kind === 'section');
    expect(parts.length + sections.length).toBeGreaterThan(2);
    await expect.poll(() => page.locator('.outline-l1').count()).toBeGreaterThanOrEqual(Math.max(parts.length, 1));
    const outline = await page.locator('.outline').textContent();
    for (const h of [...parts, ...sections].slice(0, 3)) expect(outline).toContain(h.text.slice(0, 8));

    // A highlight made with the mouse on the PDF's text…
    const shown = await page.$$eval('[data-block-text]', (els) => els.map((e) => e.getAttribute('data-block-text')!));
    const b = blocks.find((x) => shown.includes(x.id) && (x.kind === 'paragraph' || x.kind === 'item') && x.text.length > 40)!;
    expect(b).toBeDefined();
    await selectText(page, { blockId: b.id, offset: 10 }, { blockId: b.id, offset: 30 });
    await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
    const marks = () => app.host.call<{ targets: { blockId: string; exact: string }[] }[]>('annotations.list', { versionId: current });
    await expect.poll(async () => (await marks()).length).toBe(1);
    expect((await marks())[0].targets[0]).toMatchObject({ blockId: b.id, exact: b.text.slice(10, 30) });
    // …is there after a reload, painted on the same words.
    await page.reload(); // at once: the app must still reopen the PDF's version, not the start one
    await expect.poll(readerVersion).toBe(current);
    const painted = () => page.$$eval(`[data-block-text="${b.id}"] .hl`, (els) => els.map((e) => e.textContent).join(''));
    await expect.poll(painted).toBe(b.text.slice(10, 30));
    await screenshot(page, 'import-pdf');
  });
});
