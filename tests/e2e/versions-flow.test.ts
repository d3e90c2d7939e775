/**
 * The daily flow with versions, as a deputy goes through it in Chromium against the real host:
 * choosing the version's name at import; a different report (another province's) offered as a new
 * version is questioned; the same report again in another encoding points at the copy already
 * there; a carried highlight keeps all of a rewritten number and its edit time, the notice about
 * the carry sits above the text (not over the side panel's tabs), is said once, and stays readable
 * in 报告库 → 版本记录; a re-attached mark reads as found; the inline compare shows numbers whole;
 * reports and versions are renamed, deleted to the trash and restored; the top bar and 代表团汇总
 * name the same version.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, revealBlock, screenshot, selectText } from '../helpers/browser';
import { BUNDLED_REPORT, EDITS, revisedReportText } from '../helpers/revised-report';
import { FIXTURES } from '../helpers/tempdb';

interface Block {
  id: string;
  text: string;
}
interface Annotation {
  id: string;
  anchorStatus: string;
  updatedAt: string;
  targets: { blockId: string; exact: string }[];
}
interface Report {
  id: string;
  title: string;
  versions: { id: string; label: string }[];
}

const NUMBER_MARK = '完成投资54453.23%';
const NUMBER_NOW = '完成投资544.53亿元';
const ORPHAN_MARK = '公租房租赁补贴发放970户';
const SMALL = { width: 1280, height: 720 };
/** Polls wait for writes on a shared, busy machine: longer than vitest's default second. */
const SLOW = { timeout: 10_000 };
const LARGE = { width: 1920, height: 1080 };

describe('versions in the daily flow', () => {
  const app = useAppInBrowser();
  let page: Page;
  let consoleErrors: string[];
  let reportId: string;
  let v1: string;
  let v2: string;
  let blocks: Block[];
  const ids: Record<string, string> = {};

  const reports = () => app.host.call<Report[]>('reports.list');
  const xianning = async () => (await reports()).find((r) => r.id === reportId)!;
  const list = (versionId: string) => app.host.call<Annotation[]>('annotations.list', { versionId });

  beforeAll(async () => {
    v1 = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    const doc = await app.host.call<{ blocks: Block[]; report: { id: string } }>('reports.get', { versionId: v1 });
    blocks = doc.blocks;
    reportId = doc.report.id;
    // The first-start 署名 band is another flow's subject: answered, so it does not shift this one's layout.
    await app.host.call('settings.set', { key: 'identity.asked', value: 'skipped' });
    ({ page, consoleErrors } = await openPage(app.browser, app.host.url, SMALL));
    await page.waitForSelector('[data-block-text]');
  });

  /** The screen at both window sizes the app is made for; the test goes on at the small one. */
  async function shoot(name: string) {
    await page.setViewportSize(LARGE);
    await page.waitForTimeout(250);
    await screenshot(page, `versions-flow-${name}-1920`);
    await page.setViewportSize(SMALL);
    await page.waitForTimeout(250);
    await screenshot(page, `versions-flow-${name}-1280`);
  }

  const nav = (label: string) => page.locator('.topbar nav button', { hasText: label }).click();

  /** 导入新版本 on the report's card (or 导入报告… in the header) and a file chosen in the dialog. */
  async function chooseFile(file: { name: string; mimeType: string; buffer: Buffer }, forReport?: string) {
    await nav('报告库');
    const button = forReport
      ? page.locator(`.report-card[data-report-id="${forReport}"]`).locator('button', { hasText: '导入新版本' })
      : page.locator('.library header button', { hasText: '导入报告' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(file);
    await page.getByTestId('import-dialog').waitFor();
  }

  const docx = (name: string, as: string) => ({
    name: as,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: readFileSync(join(FIXTURES, name)),
  });

  const reveal = (blockId: string) => revealBlock(page, blockId);

  async function highlight(quote: string, within: Block[]) {
    const b = within.find((x) => x.text.includes(quote))!;
    const start = b.text.indexOf(quote);
    await reveal(b.id);
    await selectText(page, { blockId: b.id, offset: start }, { blockId: b.id, offset: start + quote.length });
    await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
    return b;
  }

  /** The text a highlight covers where the reader paints it. */
  const paintedText = (blockId: string, annotationId: string) =>
    page.evaluate(
      ({ blockId, annotationId }) =>
        [...document.querySelectorAll(`[data-block-text="${blockId}"] [data-annotations]`)]
          .filter((el) => (el.getAttribute('data-annotations') ?? '').split(/[\s,]+/).includes(annotationId))
          .map((el) => el.textContent)
          .join(''),
      { blockId, annotationId },
    );

  it('asks for the version’s name at import, and questions another province’s report offered as a new version', async () => {
    // Cancelled: nothing is written.
    await chooseFile(docx('hubei-2025-gov-work-report.docx', '湖北省2025年政府工作报告.docx'), reportId);
    const dialog = page.getByTestId('import-dialog');
    expect(await dialog.textContent()).toContain('作为《');
    expect(await dialog.getByLabel('修改稿').isChecked()).toBe(true); // a new version defaults to 修改稿
    await shoot('import-label');
    await dialog.locator('button', { hasText: '导入' }).click();
    const question = page.getByTestId('import-question');
    await question.waitFor({ timeout: 20_000 });
    const text = (await question.textContent())!;
    expect(text).toContain('这看起来是另一份报告');
    expect(text).toMatch(/只有约 \d+% 的内容能逐段对上/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|p-\d/); // no internal ids
    await shoot('import-different');
    await question.locator('button', { hasText: '取消' }).click();
    await expect.poll(() => question.count(), SLOW).toBe(0);
    expect((await xianning()).versions).toHaveLength(1);
    expect(await reports()).toHaveLength(1);

    // 作为新报告导入: a report of its own, under the name chosen.
    await chooseFile(docx('hubei-2025-gov-work-report.docx', '湖北省2025年政府工作报告.docx'), reportId);
    await dialog.getByLabel('大会印发稿').check();
    await dialog.locator('button', { hasText: '导入' }).click();
    await question.locator('button', { hasText: '作为新报告导入' }).click();
    await expect.poll(async () => (await reports()).length, SLOW).toBe(2);
    const hubei = (await reports()).find((r) => r.id !== reportId)!;
    expect(hubei.versions.map((v) => v.label)).toEqual(['大会印发稿']);
    expect((await xianning()).versions).toHaveLength(1);
    await expect.poll(() => page.locator('.doc-title').textContent(), SLOW).toContain('大会印发稿');

    // 仍作为新版本导入: the user knows best; the name is their own text.
    await chooseFile(docx('beijing-2025-gov-work-report.docx', '北京市2025年政府工作报告.docx'), reportId);
    await dialog.locator('.vf-own input[type="text"]').fill('误导入的北京稿');
    await dialog.locator('button', { hasText: '导入' }).click();
    await question.locator('button', { hasText: '仍作为新版本导入' }).click();
    await expect.poll(async () => (await xianning()).versions.map((v) => v.label), SLOW).toEqual(['大会印发稿', '误导入的北京稿']);
    ids.beijing = (await xianning()).versions[1].id;
  });

  it('deletes the wrong version to the trash; 撤销 brings it back, and so does 恢复 in the trash', async () => {
    await nav('报告库');
    const row = page.locator(`tr[data-version-id="${ids.beijing}"]`);
    await row.locator('button', { hasText: '删除' }).click();
    await expect.poll(async () => (await xianning()).versions, SLOW).toHaveLength(1);
    await expect.poll(() => row.count(), SLOW).toBe(0);
    await page.locator('.toast button', { hasText: '撤销' }).click();
    await expect.poll(async () => (await xianning()).versions, SLOW).toHaveLength(2);
    await row.waitFor();

    await row.locator('button', { hasText: '删除' }).click();
    const trash = page.locator('.vf-trash');
    await trash.waitFor();
    expect(await trash.textContent()).toContain('“误导入的北京稿”');
    // The only version left cannot be deleted alone (the whole report can).
    expect(await page.locator(`tr[data-version-id="${v1}"] button`, { hasText: '删除' }).isDisabled()).toBe(true);
    await shoot('library-trash');
    // It stays in the trash for the rest of the flow: the next import is offered to the real report.
    expect((await xianning()).versions.map((v) => v.id)).toEqual([v1]);
    // The reader was not left on the deleted version.
    expect(await page.locator('.doc-title').textContent()).not.toContain('误导入的北京稿');
  });

  it('recognises the same report in another encoding and opens the copy already in the library', async () => {
    const gb = iconv.encode(readFileSync(BUNDLED_REPORT, 'utf8'), 'gb18030');
    await chooseFile({ name: '咸宁市政府工作报告（GB18030）.txt', mimeType: 'text/plain', buffer: gb });
    const dialog = page.getByTestId('import-dialog');
    expect(await dialog.textContent()).toContain('将作为一份新报告导入');
    expect(await dialog.getByLabel('征求意见稿').isChecked()).toBe(true);
    await dialog.locator('button', { hasText: '导入' }).click();
    const question = page.getByTestId('import-question');
    await question.waitFor({ timeout: 20_000 });
    expect(await question.textContent()).toContain('报告库里已有这份报告');
    expect(await question.textContent()).toContain('“大会印发稿”相同');
    await shoot('import-same-text');
    await question.locator('button', { hasText: '打开已有的' }).click();
    await page.waitForSelector('body[data-reader-ready]');
    await expect.poll(() => page.locator('.doc-title').textContent(), SLOW).toContain('大会印发稿');
    expect(await reports()).toHaveLength(2);
  });

  it('carries a highlight on a rewritten number whole, keeps its edit time, and says so once, above the text', async () => {
    await nav('阅读');
    await page.waitForSelector('[data-block-text]');
    for (const [key, quote] of [
      ['number', NUMBER_MARK],
      ['orphan', ORPHAN_MARK],
    ] as const) {
      await highlight(quote, blocks);
      await expect.poll(async () => (await list(v1)).find((a) => a.targets[0].exact === quote)?.id, SLOW).toBeTruthy();
      ids[key] = (await list(v1)).find((a) => a.targets[0].exact === quote)!.id;
    }
    const before = new Map((await list(v1)).map((a) => [a.id, a.updatedAt]));

    const revised = revisedReportText().replace('54453.23%', '544.53亿元');
    await chooseFile({ name: '咸宁市政府工作报告-修改稿.txt', mimeType: 'text/plain', buffer: Buffer.from(revised) }, reportId);
    await page.getByTestId('import-dialog').locator('button', { hasText: '导入' }).click();
    const bar = page.locator('.revision-bar.done');
    await bar.waitFor({ timeout: 20_000 });
    expect(await bar.textContent()).toContain('已把 2 条批注/意见从“大会印发稿”带到新导入的版本');
    v2 = (await xianning()).versions.at(-1)!.id;
    expect((await xianning()).versions.find((v) => v.id === v2)!.label).toBe('修改稿');

    // The notice sits in the reading column, above the text: the side panel's tabs are free.
    const barBox = (await bar.boundingBox())!;
    const tabs = page.locator('.side .tabs');
    const tabsBox = (await tabs.boundingBox())!;
    expect(barBox.x + barBox.width).toBeLessThanOrEqual(tabsBox.x);
    const textBox = (await page.locator('.reader-scroll').boundingBox())!;
    expect(textBox.y).toBeGreaterThanOrEqual(barBox.y + barBox.height);
    await tabs.locator('[role="tab"]', { hasText: '搜索' }).click();
    expect(await tabs.locator('[role="tab"]', { hasText: '搜索' }).getAttribute('aria-selected')).toBe('true');
    await tabs.locator('[role="tab"]', { hasText: '批注' }).click();
    await shoot('reader-carried');

    // The whole new number is highlighted (…544.53亿元, 元 included), and the mark's edit time did not move.
    const now = await list(v2);
    const number = now.find((a) => a.id === ids.number)!;
    expect(number.targets[0].exact).toBe(NUMBER_NOW);
    await reveal(number.targets[0].blockId);
    await expect.poll(() => paintedText(number.targets[0].blockId, ids.number), SLOW).toBe(NUMBER_NOW);
    for (const a of now) expect(a.updatedAt).toBe(before.get(a.id));
    expect(await page.locator(`.card[data-annotation-id="${ids.number}"] .anchor-status`).textContent()).toBe('原文有改动');

    // Said once: after a reload neither the carry nor the orphan is announced again.
    await page.waitForTimeout(1200); // the reader remembers the version it is on
    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    await expect.poll(() => page.locator('.version-switch').inputValue(), SLOW).toBe(v2);
    await page.waitForTimeout(800);
    expect(await page.locator('.revision-bar').count()).toBe(0);
  });

  it('keeps the story in 报告库 → 版本记录: what was carried, what became orphaned, and when', async () => {
    await nav('报告库');
    const row = page.locator(`tr[data-version-id="${v2}"]`);
    await row.locator('button', { hasText: '版本记录' }).click();
    const history = page.locator('.vf-history');
    await history.locator('.vf-carried-in').waitFor();
    const carried = (await history.locator('.vf-carried-in').textContent())!;
    expect(carried).toContain('从“大会印发稿”带来 2 条批注/意见');
    expect(carried).toContain('原文已找不到 1');
    expect(carried).toContain(ORPHAN_MARK);
    expect(carried).toContain(`现在：“${NUMBER_NOW}”`);
    expect(await history.locator('.vf-imported').textContent()).toContain('咸宁市政府工作报告-修改稿.txt');
    expect(await history.locator('time').first().textContent()).toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    await shoot('library-history');
    await row.locator('button', { hasText: '版本记录' }).click();
  });

  it('re-attaches the orphan by hand; it then reads as found, not 原文有改动', async () => {
    await nav('版本对照');
    const orphan = page.locator(`.compare-side .orphan[data-orphan-id="${ids.orphan}"]`);
    await orphan.waitFor();
    await orphan.locator('button', { hasText: '重新定位' }).click();
    await page.locator('.revision-bar.reattach').waitFor();
    const v2blocks = (await app.host.call<{ blocks: Block[] }>('reports.get', { versionId: v2 })).blocks;
    const quote = '改造城镇老旧小区434个';
    const b = v2blocks.find((x) => x.text.includes(quote))!;
    const start = b.text.indexOf(quote);
    await reveal(b.id);
    await selectText(page, { blockId: b.id, offset: start }, { blockId: b.id, offset: start + quote.length });
    await page.locator('.revision-bar.reattach button', { hasText: '附着到所选文字' }).click();
    await expect.poll(async () => (await list(v2)).find((a) => a.id === ids.orphan)?.targets[0].exact, SLOW).toBe(quote);
    const card = page.locator(`.card[data-annotation-id="${ids.orphan}"]`);
    await card.waitFor();
    await page.waitForTimeout(300);
    expect(await card.locator('.anchor-status').count()).toBe(0);
    expect((await list(v2)).find((a) => a.id === ids.orphan)!.anchorStatus).toBe('unchanged');
  });

  it('shows a changed number whole in the inline compare (54453.23% → 544.53亿元), never digit by digit', async () => {
    await nav('版本对照');
    await page.locator('.cmp-row').first().waitFor();
    await page.locator('.segmented button', { hasText: '合并' }).click();
    const row = page.locator('.cmp-row', { hasText: '544.53亿元' }).first();
    await row.locator('.cmp-inline').waitFor();
    expect(await row.locator('.d-del').allTextContents()).toEqual(['54453.23%']);
    expect(await row.locator('.d-ins').allTextContents()).toEqual(['544.53亿元']);
    const changed = page.locator('.cmp-row', { hasText: EDITS.number.new.slice(0, 7) }).first();
    expect(await changed.locator('.d-del').allTextContents()).toEqual(['620']);
    expect(await changed.locator('.d-ins').allTextContents()).toEqual(['650']);
    await row.scrollIntoViewIfNeeded();
    await shoot('compare-inline');
    await page.locator('.segmented button', { hasText: '并排' }).click();
  });

  it('renames a report and a version in 报告库; the top bar follows at once', async () => {
    await nav('报告库');
    const card = page.locator(`.report-card[data-report-id="${reportId}"]`);
    await card.locator('.report-head button', { hasText: '重命名' }).click();
    const title = card.locator('.report-head input');
    await title.fill('咸宁市2024年政府工作报告');
    await title.press('Enter');
    await expect.poll(async () => (await xianning()).title, SLOW).toBe('咸宁市2024年政府工作报告');
    await expect.poll(() => title.count(), SLOW).toBe(0); // the field has closed (the card's head is one line again)
    const row = card.locator(`tr[data-version-id="${v2}"]`);
    await row.locator('button', { hasText: '改名' }).click();
    await row.locator('input').fill('大会修改稿');
    await row.locator('button', { hasText: '保存' }).click();
    await expect.poll(async () => (await xianning()).versions.find((v) => v.id === v2)?.label, SLOW).toBe('大会修改稿');
    await expect.poll(() => page.locator('.doc-title .doc-name').textContent(), SLOW).toBe('咸宁市2024年政府工作报告');
    // the back end has it; the header's switcher follows once the library reloads
    await expect.poll(() => page.locator('.version-switch option:checked').textContent(), SLOW).toBe('大会修改稿');
    await shoot('library-renamed');
  });

  it('deletes a whole report to the trash and restores it from there', async () => {
    const hubei = (await reports()).find((r) => r.id !== reportId)!;
    const card = page.locator(`.report-card[data-report-id="${hubei.id}"]`);
    await card.locator('button', { hasText: '删除报告' }).click();
    await expect.poll(async () => (await reports()).map((r) => r.id), SLOW).toEqual([reportId]);
    const item = page.locator(`.vf-trash-item[data-trash-id="${hubei.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('整份报告，1 个版本');
    await item.locator('button', { hasText: '恢复' }).click();
    await expect.poll(async () => (await reports()).length, SLOW).toBe(2);
    await card.waitFor();
  });

  it('the top bar and 代表团汇总 always name the same version', async () => {
    await nav('阅读');
    await page.locator('.version-switch').selectOption(v1);
    await page.waitForSelector('body[data-reader-ready]');
    await nav('代表团汇总');
    const select = page.locator('.delegation header select');
    await select.waitFor();
    expect(await select.inputValue()).toBe(v1);
    await select.selectOption(v2);
    await expect.poll(() => page.locator('.version-switch').inputValue(), SLOW).toBe(v2);
    expect(await select.inputValue()).toBe(v2);
    await page.locator('.version-switch').selectOption(v1);
    await expect.poll(() => select.inputValue(), SLOW).toBe(v1);
    await shoot('delegation');
  });

  it('offers once to bring the marks back to the older version; a reload does not ask again', async () => {
    await nav('阅读');
    const offer = page.locator('.revision-bar.offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('此报告有 2 条批注/意见在其他版本上');
    await shoot('reader-offer');
    await page.waitForTimeout(1200); // the reader remembers the version it is on
    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    await expect.poll(() => page.locator('.version-switch').inputValue(), SLOW).toBe(v1);
    await page.waitForTimeout(800);
    expect(await page.locator('.revision-bar').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
