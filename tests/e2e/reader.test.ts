import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot } from '../helpers/browser';

describe('the app in Chromium on the bundled report', () => {
  const app = useAppInBrowser();

  it('shows the title and the paragraphs in order, with no console error and no request off the machine', async () => {
    const { page, requests, consoleErrors } = await openPage(app.browser, app.host.url);
    await page.waitForSelector('.block-title .block-text');
    expect(await page.textContent('.block-title .block-text')).toContain('政府工作报告');
    // The list is virtualised: scroll through it and collect every paragraph painted on the way.
    const shown: string[] = [];
    for (let i = 0; i < 200; i++) {
      const ids = await page.$$eval('[data-block-text]', (els) => els.map((e) => e.getAttribute('data-block-text')!));
      for (const id of ids) if (!shown.includes(id)) shown.push(id);
      const atEnd = await page.$eval('.reader-scroll', (el) => {
        el.scrollTop += el.clientHeight * 0.8;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      await page.waitForTimeout(30);
      if (atEnd && i > 0) {
        const last = await page.$$eval('[data-block-text]', (els) => els.map((e) => e.getAttribute('data-block-text')!));
        for (const id of last) if (!shown.includes(id)) shown.push(id);
        break;
      }
    }
    const doc = await app.host.call<{ blocks: { id: string; text: string }[] }>('reports.get', {
      versionId: (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId,
    });
    expect(shown.length).toBeGreaterThanOrEqual(50);
    expect(shown).toEqual(doc.blocks.map((b) => b.id));
    await page.$eval('.reader-scroll', (el) => (el.scrollTop = 0));
    await page.waitForTimeout(100);
    // report text is rendered as text
    expect(await page.locator('[data-block-text]').nth(2).textContent()).toBe(doc.blocks[2].text);
    const file = await screenshot(page, 'reader-bundled');
    expect(file).toMatch(/\.png$/);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(app.host.origin + '/'))).toEqual([]);
  });
});
