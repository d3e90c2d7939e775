/// <reference lib="dom" />
/**
 * Drafting in Chromium against the real host: select text with the mouse, start a 修改意见, type,
 * close the page before the idle autosave fires, and find the text saved; then export the
 * 修改意见汇总表 through the browser's download and read the .docx back.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../helpers/host';
import { launch, screenshot, selectText } from '../helpers/browser';
import { docxTableRows, readDocx } from '../unit/draft/helpers';

interface DraftLite {
  id: string;
  kind: string;
  fields: Record<string, string>;
  targets: { blockId: string; path: string }[];
  wording: string;
  /** where the passage is, by heading and lead sentence (FORMATS.md) */
  position: string;
}

describe('drafting a 修改意见 in the browser', () => {
  let host: RunningHost;
  let browser: Browser;
  let context: BrowserContext;
  let reportId: string;
  let blocks: { id: string; kind: string; text: string; path: string }[];
  const consoleErrors: string[] = [];

  const openApp = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(host.url);
    await page.waitForSelector('[data-block-text]');
    // Layers painted after the text (review findings…) re-render paragraphs; a drag-selection
    // made during that re-render loses its anchor. Select once everything has arrived.
    await page.waitForLoadState('networkidle');
    // The bundled report has proofreading findings; wait until they are painted (if that layer is on).
    await page.waitForFunction(() => document.querySelector('.finding'), null, { timeout: 5000 }).catch(() => {});
    return page;
  };
  const drafts = async () => host.call<DraftLite[]>('drafts.list', { reportId });

  beforeAll(async () => {
    host = await startHost();
    browser = await launch();
    // One context for both pages, like one browser profile: the second page is a reopened tab.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await host.call('settings.set', { key: 'author.name', value: '张明' });
    await host.call('settings.set', { key: 'author.delegation', value: '咸宁代表团' });
    const info = await host.call<{ startVersionId: string }>('app.info');
    const doc = await host.call<{ report: { id: string }; blocks: typeof blocks }>('reports.get', { versionId: info.startVersionId });
    reportId = doc.report.id;
    blocks = doc.blocks;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.stop();
  });

  it('keeps text typed just before the page closes, and exports it in the 修改意见汇总表', async () => {
    const page = await openApp();
    const shown = await page.$$eval('[data-block-text]', (els) => els.map((e) => e.getAttribute('data-block-text')!));
    const block = blocks.find((b) => shown.includes(b.id) && b.text.includes('地区生产总值'))!;
    expect(block).toBeDefined();
    const at = block.text.indexOf('地区生产总值');
    await selectText(page, { blockId: block.id, offset: at }, { blockId: block.id, offset: at + 6 });
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('地区生产总值');
    await page.locator('.selection-toolbar').getByRole('button', { name: '起草' }).click();
    await page.locator('.selection-toolbar').getByRole('menuitem', { name: '修改意见：修改这段文字' }).click();

    // The editor opens on a saved draft with the quote as 原文, the cursor in 修改为.
    await page.waitForSelector('.draft-editor');
    expect(await page.inputValue('[data-field="original"]')).toBe('地区生产总值');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('proposed');
    expect(await page.textContent('.draft-editor .save-state')).toBe('已保存');
    const [created] = await drafts();
    // the chip is short; its name (and tooltip) cites the passage in full
    expect(await page.getAttribute('.passage-chip .chip-go', 'aria-label')).toBe(`在正文中定位：${created.position}`);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('全市生产总值', { delay: 15 });
    await page.click('[data-field="reason"]');
    await page.keyboard.type('与统计公报口径一致', { delay: 15 });
    // Not saved yet (the idle autosave has not fired) — and the user closes the tab now.
    // dirty = typed, no request sent yet
    expect(await page.getAttribute('.draft-editor .save-state', 'class')).toContain('save-dirty');
    expect(await page.textContent('.draft-editor .save-state')).toBe('正在保存…');
    await page.close();

    // The save went out as the page closed (fetch keepalive on pagehide), not on the next start.
    await vi.waitFor(
      async () => {
        const [d] = await drafts();
        expect(d.fields).toMatchObject({ op: 'modify', original: '地区生产总值', proposed: '全市生产总值', reason: '与统计公报口径一致' });
      },
      { timeout: 10_000, interval: 200 },
    );

    const again = await openApp();
    await again.getByRole('tab', { name: '意见' }).click();
    const item = again.locator('.draft-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('将“地区生产总值”修改为“全市生产总值”');
    expect(await item.textContent()).toContain('草稿');
    await screenshot(again, 'drafts-panel-list');
    await item.click();
    expect(await again.inputValue('[data-field="proposed"]')).toBe('全市生产总值');
    expect(await again.inputValue('[data-field="reason"]')).toBe('与统计公报口径一致');
    const [saved] = await drafts();
    expect(await again.textContent('.draft-wording')).toContain(saved.wording);
    expect(await again.textContent('.md-preview')).toContain('将“地区生产总值”修改为“全市生产总值”');
    await screenshot(again, 'drafts-editor');

    // Export the 修改意见汇总表 the way a browser user does: a download.
    await again
      .locator('.draft-exports')
      .getByRole('button', { name: /汇总导出/ })
      .click();
    const [download] = await Promise.all([again.waitForEvent('download'), again.getByRole('menuitem', { name: '修改意见汇总表（.docx）' }).click()]);
    expect(download.suggestedFilename()).toBe('修改意见汇总表-咸宁市2024年政府工作报告.docx');
    const { xml, text } = readDocx(readFileSync(await download.path()));
    expect(text).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
    const rows = docxTableRows(xml);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe(`1|${saved.position}|地区生产总值|将“地区生产总值”修改为“全市生产总值”|与统计公报口径一致|张明\n（咸宁代表团）`);
    await again.close();
  });

  it('starts a 审议意见 on a whole paragraph from its margin menu, and deletes it with undo', async () => {
    const page = await openApp();
    const shown = await page.$$eval('[data-block-text]', (els) => els.map((e) => e.getAttribute('data-block-text')!));
    const block = blocks.find((b) => shown.includes(b.id) && b.kind !== 'title' && b.text.length > 100)!;
    await page.hover(`[data-block-id="${block.id}"]`);
    await page.click(`[data-block-id="${block.id}"] .para-menu-btn`);
    await page.getByRole('menuitem', { name: '审议意见', exact: true }).click();
    await page.waitForSelector('.draft-editor');
    expect(await page.textContent('.draft-editor-head')).toContain('审议意见');
    expect(await page.inputValue('[data-field="delegation"]')).toBe('咸宁代表团');
    // a fresh form is not red; a required field left empty says so next to it, in Chinese
    expect(await page.locator('.field-content .issue-error').count()).toBe(0);
    await page.click('[data-field="delegation"]');
    await page.click('[data-field="content"]');
    await page.click('[data-field="delegation"]');
    await expect.poll(() => page.textContent('.field-content .issue-error')).toBe('请填写意见内容');
    await page.fill('[data-field="content"]', '建议补充与全省平均水平的对比。');
    await page.locator('[data-field="content"]').blur();
    await expect.poll(() => page.textContent('.draft-editor .save-state')).toBe('已保存');
    expect(await page.locator('.field-content .issue-error').count()).toBe(0);
    const opinion = (await drafts()).find((d) => d.kind === 'opinion')!;
    expect(opinion.fields.content).toBe('建议补充与全省平均水平的对比。');
    expect(opinion.targets[0].blockId).toBe(block.id);

    await page.getByRole('button', { name: '删除' }).click();
    // it holds the user's words: the deletion is confirmed first
    await page.locator('[data-testid="confirm-delete-draft"]').getByRole('button', { name: '删除' }).click();
    await expect.poll(async () => (await drafts()).some((d) => d.kind === 'opinion')).toBe(false);
    await page.locator('.toast').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await drafts()).some((d) => d.kind === 'opinion')).toBe(true);
    await expect.poll(() => page.locator('.draft-item').count()).toBe(2);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});
