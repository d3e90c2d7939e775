/**
 * Revisions in Chromium against the real host: annotate the bundled report, import a revised
 * text as its next version through the library (导入新版本), see the annotations carried with
 * their statuses, read the changes in 版本对照, and re-attach the orphan by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, revealBlock, screenshot, selectText } from '../helpers/browser';
import { EDITS, revisedReportText } from '../helpers/revised-report';

interface Block {
  id: string;
  text: string;
}
interface Annotation {
  id: string;
  anchorStatus: string;
  targets: { blockId: string; exact: string }[];
}

describe('revisions in the browser', () => {
  const app = useAppInBrowser();
  let page: Page;
  let consoleErrors: string[];
  let v1: string;
  let v2: string;
  let reportId: string;
  let blocks: Block[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    v1 = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const doc = await app.host.call<{ blocks: Block[]; report: { id: string } }>('reports.get', { versionId: v1 });
    blocks = doc.blocks;
    reportId = doc.report.id;
    ({ page, consoleErrors } = await openPage(app.browser, app.host.url));
    await page.waitForSelector('[data-block-text]');
  });

  const reveal = (blockId: string) => revealBlock(page, blockId);

  /** Selects `quote` in the reader with the mouse and highlights it (重点). */
  async function highlight(quote: string, within: Block[]) {
    const b = within.find((x) => x.text.includes(quote))!;
    const start = b.text.indexOf(quote);
    await reveal(b.id);
    await selectText(page, { blockId: b.id, offset: start }, { blockId: b.id, offset: start + quote.length });
    await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
    return b;
  }

  const list = (versionId: string) => app.host.call<Annotation[]>('annotations.list', { versionId });

  it('annotates the report in the reader', async () => {
    for (const [key, quote] of [
      ['edited', EDITS.number.old],
      ['moved', '新建5G基站500个'],
      ['orphaned', '公租房租赁补贴发放970户'],
      ['unchanged', '地区生产总值增长6%'],
    ] as const) {
      await highlight(quote, blocks);
      await expect.poll(async () => (await list(v1)).find((a) => a.targets[0].exact === quote)?.id).toBeTruthy();
      ids[key] = (await list(v1)).find((a) => a.targets[0].exact === quote)!.id;
    }
    // An amendment made on the number, for the adoption hint.
    const b = blocks.find((x) => x.text.includes(EDITS.number.old))!;
    const s = b.text.indexOf('620家');
    await app.host.call('drafts.create', {
      versionId: v1,
      kind: 'amendment',
      fields: { op: 'modify', original: '620家', proposed: '650家' },
      targets: [{ blockId: b.id, start: s, end: s + 4, exact: '620家', prefix: b.text.slice(Math.max(0, s - 32), s), suffix: b.text.slice(s + 4, s + 36) }],
    });
  });

  it('imports the revised text as a new version and carries the annotations into it without asking', async () => {
    await page.locator('.topbar nav button', { hasText: '报告库' }).click();
    const card = page.locator(`.report-card[data-report-id="${reportId}"]`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.locator('button', { hasText: '导入新版本' }).click()]);
    expect(await chooser.element().getAttribute('data-testid')).toBe('import-input');
    await chooser.setFiles({ name: '咸宁政府工作报告-修改稿.txt', mimeType: 'text/plain', buffer: Buffer.from(revisedReportText()) });
    // The version's name is chosen before anything is written (修改稿 is offered for a new version).
    await page.getByTestId('import-dialog').locator('button', { hasText: '导入' }).click();

    // The new version opens in the reader and the marks come along; the bar says how they fared.
    const bar = page.locator('.revision-bar.done');
    await bar.waitFor({ timeout: 20_000 });
    expect(await bar.textContent()).toContain('已把 5 条批注/意见从“大会印发稿”带到新导入的版本');
    const report = (await app.host.call<{ id: string; versions: { id: string }[] }[]>('reports.list')).find((r) => r.id === reportId)!;
    v2 = report.versions.at(-1)!.id;
    expect(v2).not.toBe(v1);
    const now = new Map((await list(v2)).map((a) => [a.id, a.anchorStatus]));
    expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, now.get(id)]))).toEqual({
      edited: 'edited',
      moved: 'moved',
      orphaned: 'orphaned',
      unchanged: 'unchanged',
    });
    expect(await list(v1)).toEqual([]);

    // The cards say it in words; the top bar names the version being read.
    const status = (id: string) => page.locator(`.card[data-annotation-id="${id}"] .anchor-status`);
    await expect.poll(() => status(ids.moved).textContent()).toBe('位置已移动');
    expect(await status(ids.edited).textContent()).toBe('原文有改动');
    expect(await status(ids.orphaned).textContent()).toBe('原文已找不到');
    expect(await status(ids.unchanged).count()).toBe(0);
    expect(await page.locator('.version-switch').inputValue()).toBe(v2);
    // The moved highlight is painted in the new text; the orphan's is not painted anywhere.
    const v2blocks = (await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: v2 })).blocks;
    const moved = v2blocks.find((b) => b.text.includes('新建5G基站500个'))!;
    await reveal(moved.id);
    await expect.poll(() => page.locator(`[data-block-text="${moved.id}"] [data-annotations*="${ids.moved}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`[data-annotations*="${ids.orphaned}"]`).count()).toBe(0);
    await page.locator('.revision-bar button', { hasText: '查看找不到原文的' }).click();
    await page.locator('.revision-bar .orphan').waitFor();
    await screenshot(page, 'revisions-carried');
  });

  it('shows the changes in 版本对照, with the punctuation-width change marked as 格式', async () => {
    await page.locator('.topbar nav button', { hasText: '版本对照' }).click();
    await page.locator('.cmp-row').first().waitFor();
    expect(await page.locator('.cmp-count').textContent()).toContain('共 3 处改动');
    const format = page.locator('.cmp-row[data-kind="format"]');
    expect(await format.count()).toBe(1);
    expect(await format.locator('.cmp-kind').first().textContent()).toBe('格式');
    expect(await format.locator('.d-ins, .d-del').count()).toBe(0); // form, not edits
    expect(await format.locator('.d-fmt').count()).toBeGreaterThan(0);
    expect(await page.locator('.cmp-row[data-kind="deleted"] .cmp-kind').textContent()).toBe('删除');

    const number = page.locator('.cmp-row', { hasText: '高新技术企业达' }).first();
    // A changed number is struck out and inserted whole.
    expect(await number.locator('.cmp-old .d-del').allTextContents()).toContain('620');
    expect(await number.locator('.cmp-new .d-ins').allTextContents()).toContain('650');
    expect(await number.locator('.cmp-hint').textContent()).toBe('可能已采纳（提示）');
    const inserted = page.locator('.cmp-row', { hasText: EDITS.inserted.sentence }).first();
    expect(await inserted.locator('.cmp-new .d-ins').textContent()).toBe(EDITS.inserted.sentence);

    // n / p walk the changes.
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.cmp-row.current').getAttribute('data-change')).toBe('0');
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.cmp-row.current').getAttribute('data-change')).toBe('1');
    await page.locator('.cmp-nav button', { hasText: '上一处' }).click();
    await expect.poll(() => page.locator('.cmp-row.current').getAttribute('data-change')).toBe('0');
    await page.evaluate(() => document.querySelector('.compare-main')!.scrollTo(0, 0));
    await screenshot(page, 'revisions-compare-side');

    await page.locator('.segmented button', { hasText: '合并' }).click();
    await page.locator('.cmp-inline').first().waitFor();
    expect(await page.locator('.cmp-row[data-kind="format"] .cmp-inline .d-fmt').count()).toBeGreaterThan(0);
    await screenshot(page, 'revisions-compare-inline');

    // Only the paragraphs the user marked.
    await page.locator('.cmp-check', { hasText: '只看有批注或意见的段落' }).locator('input').check();
    await expect.poll(() => page.locator('.cmp-row').count()).toBe(4);
    expect(await page.locator('.cmp-row .cmp-marks').count()).toBe(4);
    await page.locator('.cmp-check', { hasText: '只看有批注或意见的段落' }).locator('input').uncheck();
    await page.locator('.segmented button', { hasText: '并排' }).click();
  });

  it('re-attaches the orphan to text selected by hand', async () => {
    const orphan = page.locator(`.compare-side .orphan[data-orphan-id="${ids.orphaned}"]`);
    expect(await orphan.textContent()).toContain('公租房租赁补贴发放970户');
    await orphan.locator('button', { hasText: '重新定位' }).click();
    const bar = page.locator('.revision-bar.reattach');
    await bar.waitFor();
    expect(await bar.textContent()).toContain('公租房租赁补贴发放970户');

    const v2blocks = (await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: v2 })).blocks;
    const quote = '改造城镇老旧小区434个';
    const b = v2blocks.find((x) => x.text.includes(quote))!;
    const start = b.text.indexOf(quote);
    await reveal(b.id);
    await selectText(page, { blockId: b.id, offset: start }, { blockId: b.id, offset: start + quote.length });
    // The selection toolbar offers it too while re-positioning; either button attaches.
    const viaToolbar = page.locator('.selection-toolbar button', { hasText: '附着到所选文字' });
    await viaToolbar.waitFor();
    await viaToolbar.click();
    await expect.poll(() => page.locator('.selection-toolbar').count()).toBe(0);

    // Placed by hand, it reads as found: no 原文有改动 on its card.
    await expect.poll(async () => (await list(v2)).find((a) => a.id === ids.orphaned)?.anchorStatus).toBe('unchanged');
    expect((await list(v2)).find((a) => a.id === ids.orphaned)!.targets[0]).toMatchObject({ blockId: b.id, exact: quote });
    await expect.poll(() => page.locator(`[data-block-text="${b.id}"] [data-annotations*="${ids.orphaned}"]`).count()).toBeGreaterThan(0);
    await page.locator(`.card[data-annotation-id="${ids.orphaned}"]`).waitFor();
    await expect.poll(() => page.locator(`.card[data-annotation-id="${ids.orphaned}"] .anchor-status`).count()).toBe(0);
    expect(await page.locator('.revision-bar.reattach').count()).toBe(0);
    await screenshot(page, 'revisions-reattached');
  });

  it('switches the version being read from the top bar, and offers to carry marks back', async () => {
    await page.locator('.version-switch').selectOption(v1);
    const offer = page.locator('.revision-bar.offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('此报告有 5 条批注/意见在其他版本上，是否带到本版本？');
    await screenshot(page, 'revisions-offer');
    await offer.locator('button', { hasText: '暂不' }).click();
    expect(await offer.count()).toBe(0);
    await page.locator('.version-switch').selectOption(v2);
    await expect.poll(() => page.locator('.card').count()).toBe(4);
    expect(consoleErrors).toEqual([]);
  });
});
