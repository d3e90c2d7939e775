import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot } from '../helpers/browser';
import { FIXTURES } from '../helpers/tempdb';

describe('importing reports in the app', () => {
  const app = useAppInBrowser();
  let page: Page;
  const reportCount = async () => (await app.host.call<unknown[]>('reports.list')).length;

  beforeAll(async () => {
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('body[data-reader-ready]');
  });

  it('imports a plain-text report from the library and opens it with its outline', async () => {
    await page.locator('.topbar nav button', { hasText: '报告库' }).click();
    await page.locator('[data-testid="import-input"]').setInputFiles(join(FIXTURES, 'state-council-2024-gov-work-report.txt'));
    await page.getByTestId('import-dialog').locator('button', { hasText: '导入' }).click(); // the version's name: 征求意见稿
    await expect.poll(reportCount).toBe(2);
    await page.waitForSelector('.toast');
    expect(await page.locator('.toast').first().textContent()).toContain('已导入');
    await page.waitForSelector('body[data-reader-ready]');
    expect(await page.locator('.outline-l1').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.doc-title').textContent()).toContain('政府工作报告');
  });

  it('imports a .docx dropped on the window', async () => {
    const bytes = readFileSync(join(FIXTURES, 'beijing-2025-gov-work-report.docx')).toString('base64');
    await page.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const file = new File([bin], '北京市2025年政府工作报告.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      const dt = new DataTransfer();
      dt.items.add(file);
      const target = document.querySelector('.app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByTestId('import-dialog').locator('button', { hasText: '导入' }).click();
    await expect.poll(reportCount).toBe(3);
    await expect.poll(() => page.locator('.doc-title').textContent()).toContain('北京');
    await screenshot(page, 'import-docx');
  });

  it('refuses an image with a clear Chinese message and changes nothing', async () => {
    await page.locator('.topbar nav button', { hasText: '报告库' }).click();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await page.locator('[data-testid="import-input"]').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
    await page.getByTestId('import-dialog').locator('button', { hasText: '导入' }).click();
    await expect.poll(() => page.locator('.toast-error').count()).toBeGreaterThan(0);
    const msg = await page.locator('.toast-error').first().textContent();
    expect(msg).toMatch(/[\u4e00-\u9fa5]/);
    expect(msg).not.toMatch(/at \w+ \(|Error:/);
    expect(await reportCount()).toBe(3);
  });
});
