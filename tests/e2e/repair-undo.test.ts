/**
 * A deputy reading the newspaper print finds that a page-break repair joined what should stay
 * apart. In 报告库 → 导入整理记录 she clicks 撤销 on that one repair: the reader shows the two
 * paragraphs as the file has them, her highlight on the joined text is still there (on both
 * sides of the break), and 恢复 makes the repair again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, revealBlock, screenshot, selectText } from '../helpers/browser';

interface Block {
  id: string;
  ord: number;
  text: string;
}
interface Mark {
  id: string;
  anchorStatus: string;
  targets: { blockId: string; exact: string }[];
}

const JOINT = '编制村庄规划795个';

describe('undoing one import repair in 报告库', () => {
  const app = useAppInBrowser();
  let page: Page;
  const readerVersion = () => page.evaluate(() => document.body.dataset.readerReady ?? '');

  beforeAll(async () => {
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('body[data-reader-ready]');
  });

  it('splits the joined paragraph back, keeps the highlight across the break, and 恢复 joins it again', async () => {
    const start = await readerVersion();
    const { blocks } = await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: start });
    const joined = blocks.find((b) => b.text.includes(JOINT))!;
    const at = joined.text.indexOf(JOINT);

    // a highlight with the mouse, across the joint the repair made
    await revealBlock(page, joined.id);
    await selectText(page, { blockId: joined.id, offset: at }, { blockId: joined.id, offset: at + JOINT.length });
    await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
    const marksOn = (versionId: string) => app.host.call<Mark[]>('annotations.list', { versionId });
    await expect.poll(async () => (await marksOn(start)).length).toBe(1);

    await page.locator('.topbar nav button', { hasText: '报告库' }).click();
    await page.locator('button', { hasText: /导入时整理 \d+ 处/ }).click();
    const item = page.locator('li[data-repair-key="join:19"]');
    expect(await item.textContent()).toContain('被分页截断');
    await item.locator('button', { hasText: '撤销' }).click();
    await expect.poll(() => page.locator('.toast').first().textContent()).toContain('已撤销这处整理，1 条批注和意见已随段落移过去');
    await expect.poll(() => page.locator('li[data-repair-key="join:19"].repair-declined').count()).toBe(1);
    await screenshot(page, 'library-repair-undone');

    // the reader follows to the version as it is now: two paragraphs, the highlight on both
    const shownOther = (than: string) => async () => {
      const v = await readerVersion();
      return v !== '' && v !== than;
    };
    await page.locator('.topbar nav button', { hasText: '阅读' }).click();
    await expect.poll(shownOther(start)).toBe(true);
    const now = await readerVersion();
    const after = (await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: now })).blocks;
    expect(after).toHaveLength(blocks.length + 1);
    const [mark] = await marksOn(now);
    expect(mark.targets.map((t) => t.exact)).toEqual(['编制村庄规划795', '个']);
    expect(mark.anchorStatus).toBe('unchanged');
    const first = after.find((b) => b.text.endsWith('编制村庄规划795'))!;
    await revealBlock(page, first.id);
    const painted = (id: string) => () => page.$$eval(`[data-block-text="${id}"] .hl`, (els) => els.map((e) => e.textContent).join(''));
    await expect.poll(painted(first.id)).toBe('编制村庄规划795');
    await expect.poll(painted(after[first.ord + 1].id)).toBe('个');
    await screenshot(page, 'reader-repair-undone');

    // 恢复: one paragraph again, one highlight on it
    await page.locator('.topbar nav button', { hasText: '报告库' }).click();
    const again = page.locator('li[data-repair-key="join:19"]');
    if (!(await again.isVisible())) await page.locator('button', { hasText: /导入时整理 \d+ 处/ }).click();
    await again.locator('button', { hasText: '恢复' }).click();
    await expect.poll(() => page.locator('.toast').first().textContent()).toContain('已恢复这处整理');
    await page.locator('.topbar nav button', { hasText: '阅读' }).click();
    await expect.poll(shownOther(now)).toBe(true);
    const back = await readerVersion();
    expect((await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: back })).blocks.map((b) => b.text)).toEqual(blocks.map((b) => b.text));
    const [restored] = await marksOn(back);
    expect(restored.targets.map((t) => t.exact)).toEqual([JOINT]);
  });
});
