/**
 * 备份与恢复 in a real browser: each backup says what made it, and no two show the same time — a
 * manual backup and the safety backup of a restore made moments later differ by their seconds.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot } from '../helpers/browser';

describe('backup labels', () => {
  const app = useAppInBrowser();

  async function openBackups(page?: Page): Promise<Page> {
    const p = page ?? (await openPage(app.browser, app.host.url)).page;
    await p.getByRole('button', { name: '备份与恢复', exact: true }).click();
    await p.waitForSelector('.backups h2');
    return p;
  }
  const rows = (page: Page) =>
    page.locator('.backup-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute('data-backup')!,
        kind: tr.querySelector('.backup-kind')!.textContent.trim(),
        time: tr.querySelector('.backup-time')!.childNodes[0].textContent!.trim(),
      })),
    );

  it('shows 手动 for 立即备份 and 恢复前 for the backup a restore takes, with distinct times', async () => {
    const page = await openBackups();
    await page.getByRole('button', { name: '立即备份', exact: true }).click();
    await page.locator('tr[data-kind="manual"]').waitFor();
    const manual = (await rows(page)).find((r) => r.kind === '手动')!;
    expect(manual).toBeTruthy();

    await page.locator(`tr[data-backup="${manual.name}"]`).getByRole('button', { name: '恢复', exact: true }).click();
    await page.locator('[data-testid="restore-confirm"]').waitFor();
    await Promise.all([page.waitForEvent('load'), page.locator('[data-testid="restore-confirm"] button.primary').click()]);
    await openBackups(page);
    await page.locator('tr[data-kind="safety"]').waitFor();

    const after = await rows(page);
    await screenshot(page, 'backup-labels');
    expect(after.find((r) => r.name === manual.name)?.kind).toBe('手动');
    expect(after.filter((r) => r.kind === '恢复前')).toHaveLength(1);
    expect(after.every((r) => ['自动', '手动', '恢复前', '导入'].includes(r.kind))).toBe(true);
    const times = after.map((r) => r.time);
    expect(new Set(times).size).toBe(times.length);
    // backups made in the same minute (the name holds the local time) show their seconds
    const minuteOf = (name: string) => name.slice('reviewdesk-'.length, 'reviewdesk-'.length + 13);
    for (const r of after) {
      if (after.some((o) => o !== r && minuteOf(o.name) === minuteOf(r.name))) expect(r.time).toMatch(/\d{2}:\d{2}:\d{2}/);
    }
  });
});
