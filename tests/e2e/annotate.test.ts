import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot, selectText } from '../helpers/browser';

interface Block {
  id: string;
  text: string;
  path: string;
}
interface Annotation {
  id: string;
  color: string;
  note: string;
  tags: string[];
  targets: { blockId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[];
}

describe('reading and annotating in Chromium', () => {
  const app = useAppInBrowser();
  let page: Page;
  let versionId: string;
  let blocks: Block[];
  const list = () => app.host.call<Annotation[]>('annotations.list', { versionId });

  beforeAll(async () => {
    versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    blocks = (await app.host.call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('[data-block-text]');
  });

  // The first long paragraphs, painted at the top of the reader.
  const para = (n: number) => blocks.filter((b) => b.text.length > 80)[n];

  it('highlights a mouse selection, takes a note and a tag, and keeps them across a reload', async () => {
    const b = para(0);
    await selectText(page, { blockId: b.id, offset: 30 }, { blockId: b.id, offset: 45 });
    await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
    await expect.poll(async () => (await list()).length).toBe(1);
    const [a] = await list();
    expect(a.color).toBe('yellow');
    expect(a.targets[0]).toMatchObject({ blockId: b.id, start: 30, end: 45, exact: b.text.slice(30, 45) });
    // the stored W3C selectors, as other tools receive them: position and quote with ~32 characters of context
    const { report } = await app.host.call<{ report: { id: string } }>('reports.get', { versionId });
    const exported = await app.host.call<{ dataBase64: string }>('export.webAnnotation', { what: 'annotations', reportId: report.id });
    const doc = JSON.stringify(JSON.parse(Buffer.from(exported.dataBase64, 'base64').toString('utf8')));
    expect(doc).toContain(
      JSON.stringify({ type: 'TextQuoteSelector', exact: b.text.slice(30, 45), prefix: b.text.slice(0, 30), suffix: b.text.slice(45, 77) }),
    );
    expect(doc).toContain(JSON.stringify({ type: 'TextPositionSelector', start: 30, end: 45 }));
    await expect.poll(() => page.locator(`[data-block-text="${b.id}"] .hl`).count()).toBeGreaterThan(0);

    const note = page.locator(`[data-note-for="${a.id}"]`);
    await note.fill('数据需要核实：\n与统计公报对照');
    await page.locator('.tag-input input').fill('就业');
    await page.keyboard.press('Enter');
    await note.click();
    await page.locator('.filters input[type="search"]').click(); // blur the note → saved
    await expect.poll(async () => (await list())[0]).toMatchObject({ note: '数据需要核实：\n与统计公报对照', tags: ['就业'] });

    await page.reload();
    await page.waitForSelector(`[data-block-text="${b.id}"] .hl`);
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    expect(await page.locator('.card .card-note').textContent()).toBe('数据需要核实：\n与统计公报对照');
    expect(await page.locator('.card .tag').textContent()).toContain('就业');
  });

  it('keeps overlapping highlights both visible and clickable', async () => {
    const b = para(0);
    await selectText(page, { blockId: b.id, offset: 40 }, { blockId: b.id, offset: 60 });
    await page.locator('.selection-toolbar button', { hasText: '疑问' }).click();
    await expect.poll(async () => (await list()).length).toBe(2);
    const both = page.locator(`[data-block-text="${b.id}"] span[data-annotations*=" "]`);
    await expect.poll(() => both.count()).toBeGreaterThan(0);
    const style = await both.first().getAttribute('style');
    expect(style).toContain('--hl-yellow');
    expect(style).toContain('--hl-blue');
    await both.first().click();
    await expect.poll(() => page.locator('.popover .chooser-item').count()).toBe(2);
    await page.locator('.popover .chooser-item').nth(1).click();
    await expect.poll(() => page.locator('.card.selected').count()).toBe(1);
    await screenshot(page, 'annotate-overlap');
  });

  it('makes one annotation across two paragraphs', async () => {
    // the end of the first long paragraph and the start of the next one: both on the first screen
    const a = para(0);
    const b = blocks[blocks.indexOf(a) + 1];
    await selectText(page, { blockId: a.id, offset: a.text.length - 10 }, { blockId: b.id, offset: 8 });
    await page.locator('.selection-toolbar button', { hasText: '肯定' }).click();
    await expect.poll(async () => (await list()).length).toBe(3);
    const cross = (await list()).find((x) => x.color === 'green')!;
    expect(cross.targets.map((t) => t.blockId)).toEqual(blocks.slice(blocks.indexOf(a), blocks.indexOf(b) + 1).map((x) => x.id));
    expect(cross.targets[0].exact).toBe(a.text.slice(a.text.length - 10).trim());
    expect(cross.targets.at(-1)!.exact).toBe(b.text.slice(0, 8).trim());
    await expect.poll(() => page.locator(`[data-block-text="${b.id}"] .hl`).count()).toBeGreaterThan(0);
  });

  it('filters the side panel by text and colour', async () => {
    await page.locator('.filters input[type="search"]').fill('统计公报');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.locator('.filters input[type="search"]').fill('');
    await expect.poll(() => page.locator('.card').count()).toBe(3);
    await page.locator('.color-filter button', { hasText: '肯定' }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.locator('.color-filter button', { hasText: '肯定' }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(3);
  });

  it('finds a note by a two-character word', async () => {
    await page.locator('.tabs button', { hasText: '搜索' }).click();
    await page.locator('.search-panel input').fill('公报');
    await expect.poll(() => page.locator('.search-hit[data-kind="note"]').count()).toBe(1);
    expect(await page.locator('.search-hit[data-kind="note"] mark').first().textContent()).toBe('公报');
    await screenshot(page, 'search-two-chars');
    await page.locator('.tabs button', { hasText: '批注' }).click();
  });

  it('deletes, then Ctrl+Z restores the annotation in the database, and Ctrl+Shift+Z deletes it again', async () => {
    const before = await list();
    const target = before.find((x) => x.color === 'blue')!;
    await page.locator(`[data-annotation-id="${target.id}"] .card-quote`).click();
    await page.locator(`[data-annotation-id="${target.id}"] button.danger`).click();
    await expect.poll(async () => (await list()).map((x) => x.id)).not.toContain(target.id);
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await list()).map((x) => x.id)).toContain(target.id);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await list()).map((x) => x.id)).not.toContain(target.id);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await list()).length).toBe(before.length);
  });
});
