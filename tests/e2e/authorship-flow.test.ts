/// <reference lib="dom" />
/**
 * The daily flow without surprises, in Chromium against the real host, step by step as a
 * deputy meets it: the first start asks for a name once; work done before a name is signed in
 * one action; 代表团汇总 counts a person once; deleting a draft asks first and Ctrl+Z brings it
 * back; exports cite passages by heading and lead sentence and name the report with its region
 * and year; a submitted draft is locked until reopened; a fresh form is not red.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { useAppInBrowser, type AppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot, selectText } from '../helpers/browser';
import { docxTableRows, readDocx } from '../unit/draft/helpers';

interface BlockLite {
  id: string;
  kind: string;
  text: string;
  path: string;
}
interface DraftLite {
  id: string;
  kind: string;
  author: string;
  status: string;
  fields: Record<string, string>;
  position: string;
}

const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1920, height: 1080 };

/** The report as the host serves it, and helpers that read what the app wrote. */
async function backend(app: AppInBrowser) {
  const info = await app.host.call<{ startVersionId: string }>('app.info');
  const doc = await app.host.call<{ report: { id: string }; version: { id: string }; blocks: BlockLite[] }>('reports.get', { versionId: info.startVersionId });
  return {
    reportId: doc.report.id,
    versionId: doc.version.id,
    blocks: doc.blocks,
    drafts: () => app.host.call<DraftLite[]>('drafts.list', { reportId: doc.report.id }),
    marks: () => app.host.call<{ id: string; author: string }[]>('annotations.list', { versionId: doc.version.id }),
    setting: async (key: string) => (await app.host.call<{ value: string | null }>('settings.get', { key })).value,
  };
}

async function openApp(app: AppInBrowser): Promise<{ page: Page; consoleErrors: string[] }> {
  const { page, consoleErrors } = await openPage(app.browser, app.host.url, SMALL);
  await page.waitForSelector('body[data-reader-ready]');
  // Layers painted after the text (review findings…) re-render paragraphs; a drag-selection
  // made during that re-render loses its anchor. Select once everything has arrived.
  await page.waitForLoadState('networkidle');
  return { page, consoleErrors };
}

/** The screen at both window sizes the app is used at (tests/.artifacts, looked at by hand). */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await screenshot(page, `${name}-${size.width}`);
  }
  await page.setViewportSize(SMALL);
}

/** A paragraph on screen containing `needle`, selected with the mouse from `needle` on. */
async function selectIn(page: Page, blocks: BlockLite[], needle: string, length = needle.length): Promise<BlockLite> {
  const shown = await page.$$eval('[data-block-text]', (els) => els.map((e) => e.getAttribute('data-block-text')!));
  const block = blocks.find((b) => shown.includes(b.id) && b.text.includes(needle));
  if (!block) throw new Error(`no paragraph on screen with ${needle}`);
  const at = block.text.indexOf(needle);
  // a paragraph rendered just below the window (the list renders ahead) is scrolled to first
  await page.evaluate(
    ({ id, offset }) => {
      const el = document.querySelector(`[data-block-text="${id}"]`)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let left = offset;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (left < n.textContent!.length) {
          n.parentElement!.scrollIntoView({ block: 'center' });
          return;
        }
        left -= n.textContent!.length;
      }
    },
    { id: block.id, offset: at },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await selectText(page, { blockId: block.id, offset: at }, { blockId: block.id, offset: at + length });
  return block;
}

async function highlight(page: Page, blocks: BlockLite[], needle: string): Promise<void> {
  await selectIn(page, blocks, needle);
  await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
}

async function downloadOf(page: Page, click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const nav = (page: Page, name: string) => page.locator('.topbar nav button', { hasText: name }).click();

describe('first start: 署名 asked once, skipped — earlier work signed from 设置, one person in 代表团汇总', () => {
  const app = useAppInBrowser();

  it('remembers 跳过, then signs the anonymous marks and drafts in one action once a name is set', async () => {
    const be = await backend(app);
    const { page, consoleErrors } = await openApp(app);

    // The first start asks, without blocking the report; nothing is red before anything is typed.
    const prompt = page.locator('.identity-prompt');
    await expect.poll(() => prompt.isVisible()).toBe(true);
    expect(await prompt.textContent()).toContain('请先署名');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT'); // shortcuts keep working
    expect(await prompt.getByRole('radio', { name: '人大代表' }).isChecked()).toBe(true);
    expect(await page.locator('.identity-error').count()).toBe(0);
    await shots(page, 'authorship-first-start');
    // 保存 without a name says what is missing…
    await prompt.getByRole('button', { name: '保存署名' }).click();
    expect(await page.locator('.identity-error').textContent()).toContain('请填写署名');
    // …and 跳过 answers the question for good.
    await prompt.getByRole('button', { name: '跳过' }).click();
    await expect.poll(() => prompt.count()).toBe(0);
    expect(await be.setting('identity.asked')).toBe('skipped');
    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.identity-prompt').count()).toBe(0);

    // Work before a name: one highlight and one 修改意见, both anonymous.
    await highlight(page, be.blocks, '地区生产总值增长1.6%');
    await expect.poll(async () => (await be.marks()).length).toBe(1);
    await selectIn(page, be.blocks, '组织重大项目集中开工活动4次');
    await page.locator('.selection-toolbar').getByRole('button', { name: '起草' }).click();
    await page.locator('.selection-toolbar').getByRole('menuitem', { name: '修改意见：修改这段文字' }).click();
    await page.waitForSelector('.draft-editor');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('组织重大项目集中开工活动5次');
    await page.locator('.draft-editor-head strong').click();
    await expect.poll(async () => (await be.drafts()).map((d) => [d.author, d.fields.proposed])).toEqual([['', '组织重大项目集中开工活动5次']]);
    expect((await be.marks())[0].author).toBe('');

    // 设置: the name typed as many write two-character names, with a full-width space.
    await nav(page, '设置');
    await page.getByLabel('署名（批注与意见稿的作者）').fill('张　三');
    await page.locator('.settings h2').click(); // leaving the box saves it
    const offer = page.locator('.sign-offer');
    await expect.poll(() => offer.textContent()).toContain('将 1 条批注和 1 份意见稿署名为 张　三？');
    await shots(page, 'authorship-sign-offer-settings');
    await offer.getByRole('button', { name: '署名' }).click();
    await expect.poll(() => page.locator('.toast').first().textContent()).toContain('已将 1 条批注和 1 份意见稿署名为 张　三');
    await expect.poll(() => offer.count()).toBe(0);
    expect((await be.marks())[0].author).toBe('张　三');
    expect((await be.drafts())[0].author).toBe('张　三');

    // Later the space is dropped from the name; a new mark carries the new spelling.
    await page.getByLabel('署名（批注与意见稿的作者）').fill('张三');
    await page.locator('.settings h2').click();
    await expect.poll(() => be.setting('author.name')).toBe('张三');
    await nav(page, '阅读');
    await page.waitForSelector('body[data-reader-ready]');
    await highlight(page, be.blocks, '固定资产投资增长2.9%');
    await expect.poll(async () => (await be.marks()).map((m) => m.author).sort()).toEqual(['张　三', '张三']);

    // 代表团汇总: one person, one column, whatever the spelling.
    await nav(page, '代表团汇总');
    await page.waitForSelector('.heat-table');
    expect(await page.locator('.heat-table .author-col').count()).toBe(1);
    expect(await page.locator('.heat-table .author-name').textContent()).toBe('张三'); // as 设置 spells it now
    expect(await page.locator('.delegation-bar').textContent()).toContain('1 位成员 · 2 条批注 · 1 份意见稿');
    expect(await page.locator('.heat-table').textContent()).not.toContain('未署名');
    await shots(page, 'authorship-delegation-one-person');
    expect(consoleErrors.join('\n')).toBe('');
    await page.context().close();
  });
});

describe('first start: 署名, 身份 and 界别 saved from the prompt', () => {
  const app = useAppInBrowser();

  it('saves the identity once, offers to sign a mark made before it, and lets a draft’s 提出人 be changed', async () => {
    const be = await backend(app);
    const { page, consoleErrors } = await openApp(app);
    const prompt = page.locator('.identity-prompt');
    await expect.poll(() => prompt.isVisible()).toBe(true);

    // The prompt does not stand in the way: a mark made before answering it…
    await highlight(page, be.blocks, '地区生产总值增长1.6%');
    await expect.poll(async () => (await be.marks()).map((m) => m.author)).toEqual(['']);

    // …then the answer: a member of the CPPCC, whose group is a 界别.
    await prompt.getByLabel('署名').fill('李四');
    await prompt.getByRole('radio', { name: '政协委员' }).check();
    await prompt.getByLabel('界别（组别）').fill('经济界');
    await prompt.getByRole('button', { name: '保存署名' }).click();
    // The same band now offers the earlier mark.
    await expect.poll(() => prompt.textContent()).toContain('将 1 条批注署名为 李四？');
    await shots(page, 'authorship-sign-offer-prompt');
    await prompt.getByRole('button', { name: '署名' }).click();
    await expect.poll(() => prompt.count()).toBe(0);
    expect((await be.marks())[0].author).toBe('李四');
    expect([await be.setting('author.name'), await be.setting('author.role'), await be.setting('author.sector')]).toEqual(['李四', 'member', '经济界']);

    // Never asked again; 设置 shows what was answered, editable there.
    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.identity-prompt').count()).toBe(0);
    await nav(page, '设置');
    expect(await page.getByLabel('署名（批注与意见稿的作者）').inputValue()).toBe('李四');
    expect(await page.getByLabel('身份').inputValue()).toBe('member');
    expect(await page.getByLabel('界别（组别）').inputValue()).toBe('经济界');
    expect(await page.locator('.sign-offer').count()).toBe(0); // nothing left unsigned
    await shots(page, 'authorship-settings');

    // A new 政协提案 is signed and prefilled; its 提出人 can be changed in the editor.
    await nav(page, '阅读');
    await page.waitForSelector('body[data-reader-ready]');
    await page.getByRole('tab', { name: '意见' }).click();
    await page.locator('.drafts-toolbar').getByRole('button', { name: /新建/ }).click();
    await page.getByRole('menuitem', { name: '政协提案' }).click();
    await page.waitForSelector('.draft-editor');
    const author = page.getByLabel('提出人');
    expect(await author.inputValue()).toBe('李四');
    expect(await page.inputValue('[data-field="proposer"]')).toBe('李四');
    expect(await page.inputValue('[data-field="sector"]')).toBe('经济界');
    await author.fill('王五');
    await author.press('Enter');
    await expect.poll(async () => (await be.drafts()).map((d) => [d.author, d.fields.proposer])).toEqual([['王五', '王五']]);
    expect(await page.inputValue('[data-field="proposer"]')).toBe('王五'); // the form's 提案人 follows
    await shots(page, 'authorship-editor-author');
    expect(consoleErrors.join('\n')).toBe('');
    await page.context().close();
  });
});

describe('deleting and undoing drafts', () => {
  const app = useAppInBrowser();

  it('asks before deleting a draft with content; Ctrl+Z brings it back and Ctrl+Shift+Z deletes it again; create and edit undo too', async () => {
    await app.host.call('settings.set', { key: 'author.name', value: '张明' });
    const be = await backend(app);
    const { page, consoleErrors } = await openApp(app);
    await page.getByRole('tab', { name: '意见' }).click();
    const newDraft = async (kind: string) => {
      await page.locator('.drafts-toolbar').getByRole('button', { name: /新建/ }).click();
      await page.getByRole('menuitem', { name: kind }).click();
      await page.waitForSelector('.draft-editor');
    };
    const opinions = async () => (await be.drafts()).filter((d) => d.kind === 'opinion');
    const blur = () => page.locator('.draft-editor-head strong').click();

    // An empty draft goes at once — there is nothing to lose — and Ctrl+Z still brings it back.
    await newDraft('审议意见');
    await page.getByRole('button', { name: '删除' }).click();
    await expect.poll(async () => (await opinions()).length).toBe(0);
    expect(await page.locator('[data-testid="confirm-delete-draft"]').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await opinions()).length).toBe(1);
    await expect.poll(() => page.locator('.draft-item').count()).toBe(1);
    await page.keyboard.press('Control+z'); // and once more undoes creating it
    await expect.poll(async () => (await opinions()).length).toBe(0);
    await expect.poll(() => page.locator('.draft-item').count()).toBe(0);

    // A draft with the user's words asks first.
    await newDraft('审议意见');
    await page.fill('[data-field="content"]', '建议补充与全省平均水平的对比。');
    await blur();
    await expect.poll(() => page.textContent('.draft-editor .save-state')).toBe('已保存');
    await page.getByRole('button', { name: '删除' }).click();
    const dialog = page.locator('[data-testid="confirm-delete-draft"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('删除这份意见稿？');
    expect(await dialog.textContent()).toContain('建议补充与全省平均水平的对比');
    await shots(page, 'authorship-delete-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await dialog.count()).toBe(0);
    expect((await opinions()).length).toBe(1);
    await page.getByRole('button', { name: '删除' }).click();
    await dialog.getByRole('button', { name: '删除' }).click();
    await expect.poll(async () => (await opinions()).length).toBe(0);
    expect(await page.locator('.toast').first().textContent()).toContain('已删除意见稿');

    // Ctrl+Z brings it back, with its text; Ctrl+Shift+Z deletes it again; Ctrl+Z once more.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await opinions()).map((d) => d.fields.content)).toEqual(['建议补充与全省平均水平的对比。']);
    await expect.poll(() => page.locator('.draft-item').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await opinions()).length).toBe(0);
    await expect.poll(() => page.locator('.draft-item').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await opinions()).length).toBe(1);

    // An edit is one undo step: typing, leaving the field, Ctrl+Z puts the text back.
    await page.locator('.draft-item').click();
    await page.locator('[data-field="content"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type('并列出近三年数据。');
    await blur();
    await expect.poll(async () => (await opinions())[0].fields.content).toBe('建议补充与全省平均水平的对比。并列出近三年数据。');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await opinions())[0].fields.content).toBe('建议补充与全省平均水平的对比。');
    await expect.poll(() => page.inputValue('[data-field="content"]')).toBe('建议补充与全省平均水平的对比。');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.inputValue('[data-field="content"]')).toBe('建议补充与全省平均水平的对比。并列出近三年数据。');

    // Undo reaches marks and drafts alike, in the order they were made.
    await highlight(page, be.blocks, '地区生产总值增长1.6%');
    await expect.poll(async () => (await be.marks()).length).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await be.marks()).length).toBe(0);
    expect((await opinions())[0].fields.content).toBe('建议补充与全省平均水平的对比。并列出近三年数据。');
    expect(consoleErrors.join('\n')).toBe('');
    await page.context().close();
  });
});

describe('exports, locked drafts and fresh forms', () => {
  const app = useAppInBrowser();

  it('cites passages by heading and lead sentence, names the report with region and year, and never reuses a collection’s file name', async () => {
    await app.host.call('settings.set', { key: 'author.name', value: '张明' });
    await app.host.call('settings.set', { key: 'author.delegation', value: '咸宁代表团' });
    const be = await backend(app);
    const { page, consoleErrors } = await openApp(app);
    // A paragraph without a lead sentence: the parser numbers it 第二部分第1段, a number that
    // becomes 第2段 as soon as the next version adds a paragraph above it.
    const target = be.blocks.find((b) => b.text.startsWith('2024年是中华人民共和国成立75周年'))!;
    expect(target.path).toMatch(/第\d+段$/);
    const position = '第二部分“2024年工作安排”中“2024年是中华人民共和国成立75周年”一段';
    await page.locator('.outline button', { hasText: '2024年工作安排' }).first().click();
    await page.waitForSelector(`[data-block-text="${target.id}"]`);
    await page.waitForLoadState('networkidle');
    await highlight(page, be.blocks, '成立75周年');
    // “把握”is doubled in the printed text: a real amendment.
    await selectIn(page, be.blocks, '深刻把握把握');
    await page.locator('.selection-toolbar').getByRole('button', { name: '起草' }).click();
    await page.locator('.selection-toolbar').getByRole('menuitem', { name: '修改意见：修改这段文字' }).click();
    await page.waitForSelector('.draft-editor');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('深刻把握');
    await page.click('[data-field="reason"]');
    await page.keyboard.type('删去重复的“把握”');
    await page.locator('.draft-editor-head strong').click();
    await expect.poll(() => page.textContent('.draft-editor .save-state')).toBe('已保存');
    expect(await page.getAttribute('.passage-chip .chip-go', 'aria-label')).toBe(`在正文中定位：${position}`);
    expect(await page.textContent('.draft-wording')).toContain(`在${position}，将“深刻把握把握”修改为“深刻把握”`);

    // This draft on its own: named after itself.
    const single = await downloadOf(page, () => page.locator('.draft-exports').getByRole('button', { name: 'Word' }).click());
    expect(single.name).toBe('修改意见-修改“深刻把握把握”.docx');
    const one = readDocx(single.bytes);
    expect(one.text).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
    expect(docxTableRows(one.xml)[1]).toBe(`1|${position}|深刻把握把握|将“深刻把握把握”修改为“深刻把握”|删去重复的“把握”|张明\n（咸宁代表团）`);

    // The compiled table: another name, the same citation, no paragraph numbers anywhere.
    const exportAll = async (item: string) => {
      await page
        .locator('.draft-exports')
        .getByRole('button', { name: /汇总导出/ })
        .click();
      return downloadOf(page, () => page.getByRole('menuitem', { name: item }).click());
    };
    const table = await exportAll('修改意见汇总表（.docx）');
    expect(table.name).toBe('修改意见汇总表-咸宁市2024年政府工作报告.docx');
    expect(table.name).not.toBe(single.name);
    const all = readDocx(table.bytes);
    expect(all.text).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
    expect(docxTableRows(all.xml)[1]).toContain(`|${position}|`);
    expect(all.text).not.toMatch(/第\d+段/);
    const digest = await exportAll('批注摘要（.docx）');
    expect(digest.name).toBe('批注摘要-咸宁市2024年政府工作报告.docx');
    expect(readDocx(digest.bytes).text).toContain('《咸宁市2024年政府工作报告》批注摘要');
    expect(readDocx(digest.bytes).text).toContain(position);
    const opinions = await exportAll('审议意见简报（.docx）');
    expect(opinions.name).toBe('审议意见简报-咸宁市2024年政府工作报告.docx');
    expect(readDocx(opinions.bytes).text).toContain('审议意见简报\n《咸宁市2024年政府工作报告》');

    // The list names the passage the same way.
    await page.getByRole('button', { name: /全部意见/ }).click();
    expect(await page.locator('.draft-item .card-path').first().textContent()).toBe(position);
    await shots(page, 'authorship-drafts-list');

    // 代表团汇总: paragraphs named the same way; the CSV fills 代表团/界别; its own file name.
    await nav(page, '代表团汇总');
    await page.waitForSelector('.heat-table');
    expect(await page.locator(`.heat-table tr[data-block="${target.id}"] .para-path`).textContent()).toBe(position);
    expect(await page.locator('.heat-table').textContent()).not.toMatch(/第\d+段/);
    const csv = await downloadOf(page, () => page.getByRole('button', { name: '导出汇总表（CSV）' }).click());
    expect(csv.name).toMatch(/^代表团修改意见汇总表-咸宁市2024年政府工作报告-.+\.csv$/);
    const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['序号', '位置', '原文', '修改意见', '理由', '提出人', '代表团/界别']);
    expect(rows[1]).toEqual(['1', position, '深刻把握把握', '将“深刻把握把握”修改为“深刻把握”', '删去重复的“把握”', '张明', '咸宁代表团']);
    const word = await downloadOf(page, () => page.getByRole('button', { name: '导出修改意见汇总表（Word）' }).click());
    expect(readDocx(word.bytes).text).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
    await shots(page, 'authorship-delegation-positions');
    expect(consoleErrors.join('\n')).toBe('');
    await page.context().close();
  });

  it('shows a fresh form without red errors until a field is left, and locks a submitted draft until 重新打开', async () => {
    const be = await backend(app);
    const { page, consoleErrors } = await openApp(app);
    await page.getByRole('tab', { name: '意见' }).click();
    await page.locator('.drafts-toolbar').getByRole('button', { name: /新建/ }).click();
    await page.getByRole('menuitem', { name: '代表建议' }).click();
    await page.waitForSelector('.draft-editor');
    // Nothing typed yet: no red, though 标题 and 内容 are required and empty.
    expect(await page.locator('.draft-editor .issue-error').count()).toBe(0);
    expect(await page.locator('.draft-editor .export-note').count()).toBe(0);
    await shots(page, 'authorship-fresh-form');
    // The editor put the cursor in 标题; moving on from there is not a mistake…
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('title');
    await page.click('[data-field="content"]');
    expect(await page.locator('.draft-editor .issue-error').count()).toBe(0);
    // …but leaving 内容 empty after going into it shows its error, and only its own.
    await page.locator('.draft-editor-head strong').click();
    await expect.poll(() => page.locator('.field-content .issue-error').textContent()).toBe('请填写内容');
    expect(await page.locator('.field-title .issue-error').count()).toBe(0);
    // Marking it 定稿 is a submit: every problem shows.
    await page.getByLabel('状态').selectOption('final');
    await expect.poll(() => page.locator('.field-title .issue-error').count()).toBe(1);

    await page.fill('[data-field="title"]', '关于加快城区停车设施建设的建议');
    await page.fill('[data-field="content"]', '城区停车位缺口较大，建议新建公共停车场并开放机关单位停车位，缓解停车难问题，方便群众出行。');
    await page.locator('.draft-editor-head strong').click();
    await expect.poll(() => page.locator('.draft-editor .issue-error').count()).toBe(0);

    // 已提交: what went to the office cannot be changed by accident.
    const suggestion = async () => (await be.drafts()).find((d) => d.kind === 'suggestion')!;
    await page.getByLabel('状态').selectOption('submitted');
    await expect.poll(async () => (await suggestion()).status).toBe('submitted');
    const content = page.locator('[data-field="content"]');
    // the form locks when the saved draft comes back, a moment after the database has it
    await expect.poll(() => content.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('提出人').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('状态').isDisabled()).toBe(true);
    await content.click();
    await page.keyboard.type('再加一句');
    expect(await content.inputValue()).not.toContain('再加一句');
    expect(await page.textContent('.draft-locked-note')).toContain('已提交');
    await shots(page, 'authorship-submitted-locked');

    await page.getByRole('button', { name: '重新打开' }).click();
    await expect.poll(async () => (await suggestion()).status).toBe('draft');
    await expect.poll(() => content.getAttribute('readonly')).toBeNull();
    expect(await page.locator('.draft-locked-note').count()).toBe(0);
    await content.click();
    await page.keyboard.press('End');
    await page.keyboard.type('再加一句。');
    await page.locator('.draft-editor-head strong').click();
    await expect.poll(async () => (await suggestion()).fields.content).toContain('再加一句。');
    expect(consoleErrors.join('\n')).toBe('');
    await page.context().close();
  });
});
