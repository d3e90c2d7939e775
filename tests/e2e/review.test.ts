/**
 * Review aids in Chromium against the real host: proofreading underlines in the reader, the 审校
 * panel (转为修改意见, 忽略 remembered across a reload) and the 指标 view with its chart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot } from '../helpers/browser';

interface Finding {
  id: string;
  blockId: string;
  excerpt: string;
  dismissed: boolean;
  severity: string;
}
interface Indicator {
  metric: string;
  kind: string;
  year: number | null;
  blockId: string;
}
interface Draft {
  kind: string;
  fields: Record<string, string>;
  targets: { blockId: string; exact: string; start: number; end: number }[];
}

const NINE = [
  '地区生产总值',
  '规上工业增加值',
  '固定资产投资',
  '地方一般公共预算收入',
  '社会消费品零售总额',
  '进出口总额',
  '城镇新增就业',
  '城镇登记失业率',
  '居民消费价格指数',
];

describe('review aids in Chromium', () => {
  const app = useAppInBrowser();
  let page: Page;
  let consoleErrors: string[];
  let versionId: string;
  let slip: Finding;

  const card = () => page.locator('.review-card', { hasText: '把握把握' });
  const underline = () => page.locator(`[data-block-text="${slip.blockId}"] .finding-error`);
  const sideTab = (label: string) => page.locator('.side .tabs button', { hasText: label });

  beforeAll(async () => {
    versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    slip = (await app.host.call<{ findings: Finding[] }>('review.check', { versionId })).findings.find((f) => f.excerpt === '把握把握')!;
    ({ page, consoleErrors } = await openPage(app.browser, app.host.url));
    await page.waitForSelector('[data-block-text]');
  });

  it('underlines 把握把握 with a red wavy line as soon as the report opens, panel closed', async () => {
    expect(await sideTab('批注').getAttribute('aria-selected')).toBe('true');
    // Part two's first paragraph: reach it through the outline, as a reader would.
    await page.locator('.outline button', { hasText: '2024年工作安排' }).first().click();
    await expect.poll(() => underline().count()).toBeGreaterThan(0);
    expect(await underline().first().textContent()).toBe('把握把握');
    const deco = await underline()
      .first()
      .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).textDecorationStyle);
    expect(deco).toBe('wavy');
    expect(await underline().first().getAttribute('title')).toContain('重复');
    // the 审校标注 switch hides and shows them
    const toggle = page.locator('.view-controls label', { hasText: '审校标注' }).locator('input');
    await toggle.uncheck();
    await expect.poll(() => underline().count()).toBe(0);
    await toggle.check();
    await expect.poll(() => underline().count()).toBeGreaterThan(0);
  });

  it('lists the slip in the 审校 panel under its section, with severity, message and fix', async () => {
    await sideTab('审校').click();
    await card().waitFor();
    expect(await card().locator('.sev-badge').textContent()).toBe('错误');
    expect(await card().locator('.finding-mark').textContent()).toBe('把握把握');
    expect(await card().textContent()).toContain('建议改为');
    const group = page.locator('.review-group', { has: card() });
    expect(await group.locator('h4').textContent()).toContain('第二部分');
    // one summarised punctuation finding, not hundreds
    expect(await page.locator('.review-card', { hasText: '半角标点' }).count()).toBe(1);
    // filter by severity: warnings only → the slip (an error) leaves the list
    await page.locator('.sev-chip', { hasText: '错误' }).click();
    await expect.poll(() => card().count()).toBe(0);
    await page.locator('.sev-chip', { hasText: '错误' }).click();
    await card().waitFor();
    // clicking the excerpt brings the passage into view
    await card().locator('.review-excerpt').click();
    await expect.poll(() => underline().first().isVisible()).toBe(true);
    await screenshot(page, 'review-panel');
    expect(consoleErrors).toEqual([]);
  });

  it('turns the finding into an amendment draft', async () => {
    await card().getByRole('button', { name: '转为修改意见' }).click();
    await expect.poll(() => sideTab('意见').getAttribute('aria-selected')).toBe('true');
    await expect.poll(async () => (await app.host.call<Draft[]>('drafts.list', { versionId })).length).toBe(1);
    const [d] = await app.host.call<Draft[]>('drafts.list', { versionId });
    expect(d.kind).toBe('amendment');
    expect(d.fields).toMatchObject({ op: 'modify', original: '把握把握', proposed: '把握' });
    expect(d.fields.reason).toContain('重复');
    expect(d.targets[0]).toMatchObject({ blockId: slip.blockId, exact: '把握把握' });
  });

  it('忽略 hides the finding and its underline, and it stays hidden after a reload', async () => {
    await sideTab('审校').click();
    await card().getByRole('button', { name: '忽略' }).click();
    await expect.poll(() => card().count()).toBe(0);
    await expect.poll(() => underline().count()).toBe(0);
    await expect
      .poll(async () => (await app.host.call<{ findings: Finding[] }>('review.check', { versionId })).findings.find((f) => f.id === slip.id)?.dismissed)
      .toBe(true);

    await page.reload();
    await page.waitForSelector('[data-block-text]');
    await sideTab('审校').click();
    await page.locator('.review-card').first().waitFor();
    expect(await card().count()).toBe(0);
    // 显示已忽略 brings it back into the list, with 恢复
    await page.locator('.review-panel label', { hasText: '显示已忽略' }).locator('input').check();
    await card().waitFor();
    expect(await card().getAttribute('class')).toContain('dismissed');
    await card().getByRole('button', { name: '恢复' }).click();
    await expect
      .poll(async () => (await app.host.call<{ findings: Finding[] }>('review.check', { versionId })).findings.find((f) => f.id === slip.id)?.dismissed)
      .toBe(false);
  });

  it('shows the nine 2024 targets and a chart in the 指标 view; a row leads to its passage', async () => {
    await page.locator('.topbar nav button', { hasText: '指标' }).click();
    const rows = page.locator('.pairs-table tbody tr');
    await rows.first().waitFor();
    const metrics = await rows.locator('td.metric').allTextContents();
    for (const m of NINE) expect(metrics).toContain(m);
    const gdp = rows.filter({ hasText: '地区生产总值' });
    expect(await gdp.locator('td.target').textContent()).toBe('6');
    const box = await page.locator('.indicators-chart canvas').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
    // 完成情况 only
    await page.locator('.indicator-filters select').selectOption('result');
    expect(await page.locator('.statements-table .kind-badge').allTextContents()).toEqual(expect.arrayContaining(['完成情况']));
    expect(await page.locator('.statements-table .kind-badge', { hasText: '预期目标' }).count()).toBe(0);
    await page.locator('.indicator-filters select').selectOption('all');
    await screenshot(page, 'indicators-view');

    const indicators = (await app.host.call<{ indicators: Indicator[] }>('review.indicators', { versionId })).indicators;
    const target = indicators.find((i) => i.metric === '城镇登记失业率' && i.kind === 'target')!;
    await rows.filter({ hasText: '城镇登记失业率' }).click();
    await page.waitForSelector(`[data-block-id="${target.blockId}"]`);
    expect(await page.locator('.topbar nav button.on').textContent()).toBe('阅读');
    await expect.poll(() => page.locator(`[data-block-id="${target.blockId}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[data-block-text="${target.blockId}"]`).textContent()).toContain('城镇登记失业率');
    expect(consoleErrors).toEqual([]);
  });
});
