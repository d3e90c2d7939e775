import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage } from '../helpers/browser';

describe('keyboard use of the reader', () => {
  const app = useAppInBrowser();

  it('selects a sentence with Enter, extends it with Shift+→, highlights it from the toolbar; a note typed and left unblurred is saved', async () => {
    const { page } = await openPage(app.browser, app.host.url);
    const versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const { blocks } = await app.host.call<{ blocks: { id: string; text: string; sentenceEnds: number[] }[] }>('reports.get', { versionId });
    const b = blocks.find((x) => x.text.length > 80)!;
    await page.waitForSelector('body[data-reader-ready]');
    await page.locator(`[data-block-text="${b.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForSelector('.selection-toolbar');
    await page.locator('.selection-toolbar button', { hasText: '批注' }).click();
    await expect.poll(async () => (await app.host.call<unknown[]>('annotations.list', { versionId })).length).toBe(1);
    const [a] = await app.host.call<{ id: string; targets: { start: number; end: number; exact: string }[] }[]>('annotations.list', { versionId });
    expect(a.targets[0]).toMatchObject({ start: 0, end: b.sentenceEnds[0] + 2, exact: b.text.slice(0, b.sentenceEnds[0] + 2) });
    // the note box takes the focus; type and close the page without leaving the box
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-note-for'))).toBe(a.id);
    await page.keyboard.type('会上提出');
    await page.waitForTimeout(1200);
    await page.close();
    await expect.poll(async () => (await app.host.call<{ note: string }[]>('annotations.list', { versionId }))[0].note).toBe('会上提出');
  });

  it('moves between sections with Alt+↓ and opens find with Ctrl+F', async () => {
    const { page } = await openPage(app.browser, app.host.url);
    await page.waitForSelector('[data-block-text]');
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    const before = await page.$eval('.reader-scroll', (el) => el.scrollTop);
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.$eval('.reader-scroll', (el) => el.scrollTop)).toBeGreaterThan(before);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('营商环境');
    await expect.poll(() => page.locator('.find-hits li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.find-hit.current').count()).toBeGreaterThan(0);
  });
});
