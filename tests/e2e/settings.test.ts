import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, selectText } from '../helpers/browser';

describe('settings in Chromium', () => {
  const app = useAppInBrowser();

  it('renames a highlight colour and signs new annotations with the author name', async () => {
    const { page } = await openPage(app.browser, app.host.url);
    await page.waitForSelector('body[data-reader-ready]');
    await page.locator('.topbar nav button', { hasText: '设置' }).click();
    await page.getByLabel('署名（批注与意见稿的作者）').fill('王代表');
    await page.getByLabel('高亮颜色的含义：yellow').fill('关键数据');
    await page.locator('h2').click(); // blur → saved
    await expect.poll(async () => (await app.host.call<{ value: string | null }>('settings.get', { key: 'author.name' })).value).toBe('王代表');

    await page.locator('.topbar nav button', { hasText: '阅读' }).click();
    await page.waitForSelector('body[data-reader-ready]');
    const versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const { blocks } = await app.host.call<{ blocks: { id: string; text: string }[] }>('reports.get', { versionId });
    const b = blocks.find((x) => x.text.length > 80)!;
    await selectText(page, { blockId: b.id, offset: 5 }, { blockId: b.id, offset: 15 });
    await page.locator('.selection-toolbar button', { hasText: '关键数据' }).click();
    await expect
      .poll(async () => (await app.host.call<{ author: string; color: string }[]>('annotations.list', { versionId }))[0])
      .toMatchObject({ author: '王代表', color: 'yellow' });
    // the renamed meaning survives a reload (it lives in SQLite, not in the page)
    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    expect(await page.locator('.color-filter button', { hasText: '关键数据' }).count()).toBe(1);
  });
});
