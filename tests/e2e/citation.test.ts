/**
 * 复制引文 in a real browser cites the passage as amendment lists do (FORMATS.md) — part, heading
 * and lead sentence, never a paragraph number — and names the report with region and year. The
 * margin label stays short; its tooltip gives the full position.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, revealBlock, selectText } from '../helpers/browser';

interface Block {
  id: string;
  kind: string;
  text: string;
  path: string;
  part: number | null;
  position: string;
}

describe('复制引文', () => {
  const app = useAppInBrowser();
  let page: Page;
  let doc: { blocks: Block[]; citationTitle: string };

  beforeAll(async () => {
    const versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    doc = await app.host.call('reports.get', { versionId });
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('[data-block-text]');
  });

  it('copies 《report》第X部分“小标题”中“段首语”一段：“quote” and shows the position as the label’s tooltip', async () => {
    const b = doc.blocks.filter((x) => x.kind === 'paragraph' && x.part !== null && x.text.length > 60)[1];
    expect(b.position).toMatch(/^第[一二三四五六七八九十]+部分.*“.+”一段$/u);
    expect(doc.citationTitle).toMatch(/\d{4}年政府工作报告$/u);

    await revealBlock(page, b.id);
    const label = page.locator(`[data-block-id="${b.id}"] .block-path`);
    expect(await label.textContent()).toBe(b.path);
    expect(await label.getAttribute('title')).toBe(b.position);

    await selectText(page, { blockId: b.id, offset: 20 }, { blockId: b.id, offset: 35 });
    await page.locator('.selection-toolbar button', { hasText: '复制引文' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`《${doc.citationTitle}》${b.position}：“${b.text.slice(20, 35)}”`);
    expect(copied).not.toMatch(/第\d+段/u);
  });
});
