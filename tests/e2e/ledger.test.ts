/**
 * 承诺台账 in Chromium against the real host, with real mouse events: open 指标 → 承诺台账, filter
 * by a unit, jump to a sentence in the reader, mark a row 关注 with a note (kept after a reload),
 * and export .xlsx through the browser's download, read back with typed number cells.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LedgerListResult, LedgerRow } from '../../electron/api/contract';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot } from '../helpers/browser';
import { readXlsx } from '../helpers/xlsx';

describe('承诺台账 in Chromium', () => {
  const app = useAppInBrowser();
  let page: Page;
  let consoleErrors: string[];
  let versionId: string;
  let entries: LedgerRow[];

  const openLedger = async () => {
    await page.locator('.topbar nav button', { hasText: '指标' }).click();
    await page.getByRole('tab', { name: '承诺台账' }).click();
    await page.locator('.ledger-table tbody tr').first().waitFor();
  };
  const count = () => page.locator('.ledger-count').textContent();

  beforeAll(async () => {
    versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    entries = (await app.host.call<LedgerListResult>('ledger.list', { versionId })).entries;
    ({ page, consoleErrors } = await openPage(app.browser, app.host.url));
    await page.waitForSelector('[data-block-text]');
  });

  it('lists every entry grouped by part and section, and filters by unit and type', async () => {
    await openLedger();
    expect(await page.locator('.ledger-table tbody tr').count()).toBe(entries.length);
    expect(await count()).toBe(`共 ${entries.length} 条`);
    const labels = await page.locator('.ledger-group-label').allTextContents();
    expect(labels.some((l) => /^第[一二三四五六七八九十]+部分（[一二三四五六七八九十]+）$/.test(l))).toBe(true);

    const percent = entries.filter((e) => e.unit === '%');
    await page.getByRole('combobox', { name: '单位' }).selectOption('%');
    expect(await count()).toBe(`显示 ${percent.length} 条，共 ${entries.length} 条`);
    const values = await page.locator('.ledger-table td.num').allTextContents();
    expect(values.every((v) => v.endsWith('%'))).toBe(true);

    const growth = percent.filter((e) => e.type === 'growth');
    await page.getByRole('combobox', { name: '类型' }).selectOption({ label: '增速' });
    expect(await page.locator('.ledger-table tbody tr').count()).toBe(growth.length);
    expect(growth.length).toBeGreaterThan(0);
    await screenshot(page, 'ledger-filtered');
  });

  it('opens the reader at the sentence of a row', async () => {
    const row = page.locator('.ledger-table tbody tr').first();
    const id = await row.getAttribute('data-ledger');
    const entry = entries.find((e) => e.id === id)!;
    await row.getByRole('button', { name: '在正文中查看' }).click();
    expect(await page.locator('.topbar nav button.on').textContent()).toBe('阅读');
    await expect.poll(() => page.locator(`[data-block-id="${entry.blockId}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[data-block-text="${entry.blockId}"]`).textContent()).toContain(entry.text);
  });

  it('marks a row 关注 with a note, kept after a reload, and exports the ledger as .xlsx', async () => {
    await openLedger(); // the tab is remembered; the filters start again
    expect(await count()).toBe(`共 ${entries.length} 条`);
    const entry = entries.find((e) => e.type === 'share' && e.kind === 'target') ?? entries[3];
    const row = page.locator(`tr[data-ledger="${entry.id}"]`);
    await row.getByRole('button', { name: '关注' }).click();
    expect(await row.getByRole('button', { name: '关注' }).getAttribute('aria-pressed')).toBe('true');
    await row.getByRole('textbox').click();
    await page.keyboard.type('与上年口径是否一致？');
    await page.locator('.ledger-head p').click(); // blur saves at once
    await expect
      .poll(async () => (await app.host.call<LedgerListResult>('ledger.list', { versionId })).entries.find((e) => e.id === entry.id))
      .toMatchObject({ flag: '关注', note: '与上年口径是否一致？' });
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'ledger-marked');

    await page.reload();
    await page.waitForSelector('[data-block-text]');
    await openLedger();
    const again = page.locator(`tr[data-ledger="${entry.id}"]`);
    expect(await again.getByRole('button', { name: '关注' }).getAttribute('aria-pressed')).toBe('true');
    expect(await again.getByRole('textbox').inputValue()).toBe('与上年口径是否一致？');
    await page.getByRole('combobox', { name: '标记' }).selectOption({ label: '已标记' });
    expect(await page.locator('.ledger-table tbody tr').count()).toBe(1);
    await page.getByRole('combobox', { name: '标记' }).selectOption({ label: '全部条目' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^承诺台账-.*\.xlsx$/);
    const { rows } = readXlsx(readFileSync(await download.path()));
    expect(rows[0].slice(0, 4).map((c) => c?.value)).toEqual(['部分', '位置', '指标', '数值']);
    expect(rows.length).toBe(entries.length + 1);
    const marked = rows.find((r) => r.some((c) => c?.value === '与上年口径是否一致？'))!;
    expect(marked.map((c) => c?.value)).toContain('关注');
    expect(marked[3]).toEqual({ kind: 'number', value: entry.number });
    expect(rows.slice(1).every((r) => r[3]?.kind === 'number')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
