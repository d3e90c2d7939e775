import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage } from '../helpers/browser';

/** Report text is data: markup in it must appear as characters, never run or load anything. */
const HOSTILE = [
  '政府工作报告',
  '一、2024年工作回顾',
  '过去一年，我们推进<script>window.__pwned = 1; fetch("https://evil.example/x")</script>各项工作。',
  '加快建设<img src="https://evil.example/pixel.png" onerror="window.__pwned = 2">数字政府，提升服务水平。',
  '完善<a href="javascript:window.__pwned=3">政务服务</a>体系，<iframe src="https://evil.example"></iframe>优化营商环境。',
  '二、2025年工作安排',
  '坚持稳中求进工作总基调，<style>body{display:none}</style>扎实推动高质量发展。',
].join('\n');

describe('hostile report text in Chromium', () => {
  const app = useAppInBrowser();

  it('shows markup as text, runs nothing and requests nothing outside 127.0.0.1', async () => {
    const imported = await app.host.call<{ versionId: string }>('reports.import', {
      fileName: '恶意样本.txt',
      dataBase64: Buffer.from(HOSTILE, 'utf8').toString('base64'),
    });
    await app.host.call('settings.set', { key: 'reader.lastVersionId', value: imported.versionId });
    const { page, requests, consoleErrors } = await openPage(app.browser, app.host.url);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.waitForSelector('body[data-reader-ready]');
    const text = await page.locator('.page').innerText();
    expect(text).toContain('<script>window.__pwned = 1;');
    expect(text).toContain('<img src="https://evil.example/pixel.png"');
    expect(text).toContain('<iframe src="https://evil.example"></iframe>');
    expect(await page.locator('.page script, .page img, .page iframe, .page a, .page style').count()).toBe(0);
    // click on the would-be link text and select across it: still nothing runs
    await page.locator('.page', { hasText: '政务服务' }).first().click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    expect(requests.filter((u) => !u.startsWith(app.host.origin + '/'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows hostile note text as text too', async () => {
    const versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const { blocks } = await app.host.call<{ blocks: { id: string; text: string }[] }>('reports.get', { versionId });
    const b = blocks.find((x) => x.text.length > 20)!;
    await app.host.call('annotations.create', {
      versionId,
      color: 'red',
      note: '<img src=x onerror="window.__pwned=4"><b>粗体</b>',
      tags: ['<script>t</script>'],
      targets: [{ blockId: b.id, start: 0, end: 4, exact: b.text.slice(0, 4), prefix: '', suffix: b.text.slice(4, 36) }],
    });
    const { page, requests } = await openPage(app.browser, app.host.url);
    await page.waitForSelector('.card');
    expect(await page.locator('.card').innerText()).toContain('<img src=x onerror="window.__pwned=4"><b>粗体</b>');
    expect(await page.locator('.card img, .card b, .card script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.filter((u) => !u.startsWith(app.host.origin + '/'))).toEqual([]);
  });
});
