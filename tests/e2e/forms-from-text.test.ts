/// <reference lib="dom" />
/**
 * Every form from the text (issue #14) in Chromium against the real host: a passage selected
 * with the mouse starts each of the four kinds from the toolbar's 起草 menu; the fields are
 * typed; each draft is exported through the browser's download and the .docx opened back
 * (fields, the linked quote, the GB/T 9704 page). A second passage is linked from the text,
 * its chip jumps to it, and Ctrl+Z unlinks it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../helpers/host';
import { launch, revealBlock, screenshot, selectText } from '../helpers/browser';
import { docxTableRows, readDocx } from '../unit/draft/helpers';

interface DraftLite {
  id: string;
  kind: string;
  fields: Record<string, string>;
  targets: { blockId: string; exact: string; path: string }[];
  position: string;
}
type BlockLite = { id: string; kind: string; text: string; path: string };

const QUOTE = '地区生产总值';
const SECOND = '城镇新增就业';

describe('every form from a passage of the text', () => {
  let host: RunningHost;
  let browser: Browser;
  let context: BrowserContext;
  let reportId: string;
  let blocks: BlockLite[];
  const consoleErrors: string[] = [];

  const drafts = async () => host.call<DraftLite[]>('drafts.list', { reportId });
  const blockWith = (quote: string) => blocks.find((b) => b.kind === 'paragraph' && b.text.includes(quote))!;

  async function openApp(): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(host.url);
    await page.waitForSelector('[data-block-text]');
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelector('.finding'), null, { timeout: 5000 }).catch(() => {});
    return page;
  }

  async function select(page: Page, quote: string) {
    const b = blockWith(quote);
    await revealBlock(page, b.id);
    const at = b.text.indexOf(quote);
    await selectText(page, { blockId: b.id, offset: at }, { blockId: b.id, offset: at + quote.length });
    expect(await page.evaluate(() => String(window.getSelection()))).toBe(quote);
    await page.waitForSelector('.selection-toolbar');
  }

  async function startFromSelection(page: Page, item: string) {
    await select(page, QUOTE);
    await page.locator('.selection-toolbar').getByRole('button', { name: '起草' }).click();
    await page.locator('.selection-toolbar').getByRole('menuitem', { name: item, exact: true }).click();
    await page.waitForSelector('.draft-editor');
  }

  async function fill(page: Page, values: Record<string, string>) {
    for (const [key, value] of Object.entries(values)) {
      const el = page.locator(`[data-field="${key}"]`);
      await el.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(value, { delay: 5 });
    }
    await page.locator('.draft-editor-head strong').click();
    await expect.poll(() => page.textContent('.draft-editor .save-state')).toBe('已保存');
  }

  async function downloadThis(page: Page): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.draft-exports').getByRole('button', { name: 'Word' }).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  /** The page of an official form: A4 portrait, 37 mm top and 28 mm left margins, the 22-line grid, 方正小标宋 title. */
  function expectOfficialPage(xml: string) {
    const sect = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];
    expect(sect).toContain('w:w="11906" w:h="16838"');
    expect(sect).toMatch(/<w:pgMar [^>]*w:top="2098"/);
    expect(sect).toMatch(/<w:pgMar [^>]*w:left="1588"/);
    expect(sect).toMatch(/<w:docGrid [^>]*w:linePitch="580"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
  }

  beforeAll(async () => {
    host = await startHost();
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await host.call('settings.set', { key: 'author.name', value: '张明' });
    await host.call('settings.set', { key: 'author.delegation', value: '咸宁代表团' });
    await host.call('settings.set', { key: 'author.contact', value: '咸宁市咸安区温泉路1号 437000 13900001111' });
    const info = await host.call<{ startVersionId: string }>('app.info');
    const doc = await host.call<{ report: { id: string }; blocks: BlockLite[] }>('reports.get', { versionId: info.startVersionId });
    reportId = doc.report.id;
    blocks = doc.blocks;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.stop();
  });

  it('starts each of the four kinds from one selection, fills it and exports it as its form', async () => {
    const page = await openApp();

    // the menu offers every kind, 修改意见 in its three ways
    await select(page, QUOTE);
    await page.locator('.selection-toolbar').getByRole('button', { name: '起草' }).click();
    const items = await page.locator('.selection-toolbar [role="menuitem"]').allTextContents();
    expect(items).toEqual(['修改意见：修改这段文字', '修改意见：在此增加内容', '修改意见：删去这段文字', '审议意见', '代表建议', '政协提案']);
    await screenshot(page, 'forms-draft-menu');
    await page.keyboard.press('Escape');

    // 修改意见 (删去): the quote is the 原文
    await startFromSelection(page, '修改意见：删去这段文字');
    expect(await page.inputValue('[data-field="original"]')).toBe(QUOTE);
    await fill(page, { reason: '与统计公报口径一致' });
    const amendment = await downloadThis(page);
    expect(amendment.name).toBe(`修改意见-删去“${QUOTE}”.docx`);
    const a = readDocx(amendment.bytes);
    expect(docxTableRows(a.xml)[1]).toContain(`删去“${QUOTE}”|与统计公报口径一致`);
    await page
      .locator('.draft-editor-head')
      .getByRole('button', { name: /全部意见/ })
      .click();

    // 审议意见: the passage is its 所议段落, the 发言人 the user
    await startFromSelection(page, '审议意见');
    expect(await page.inputValue('[data-field="speaker"]')).toBe('张明');
    await fill(page, { content: '建议补充与全省平均水平的比较。' });
    const opinion = readDocx((await downloadThis(page)).bytes);
    expect(opinion.text).toContain(`原文：“${QUOTE}”`);
    expect(opinion.text).toContain('张明');
    expect(opinion.text).toContain('建议补充与全省平均水平的比较。');
    expectOfficialPage(opinion.xml);
    await page
      .locator('.draft-editor-head')
      .getByRole('button', { name: /全部意见/ })
      .click();

    // 代表建议: the passage quoted in 内容, 会议期间 chosen, the title fixed in one click
    await startFromSelection(page, '代表建议');
    const quoted = await page.inputValue('[data-field="content"]');
    expect(quoted).toMatch(new RegExp(`^政府工作报告在第.+提出：“${QUOTE}”。\\n$`, 'u'));
    expect(await page.isChecked('input[name$="-session"][value="会议期间"]')).toBe(true);
    // a fresh form from the text is not red, and the cursor is in the first empty box
    expect(await page.locator('.draft-editor .issue-error').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('title');
    await page.keyboard.type('统一统计口径', { delay: 5 });
    await page.locator('[data-field="content"]').click();
    await page.getByRole('button', { name: '应用建议' }).click();
    await expect.poll(() => page.inputValue('[data-field="title"]')).toBe('关于统一统计口径的建议');
    await page.locator('input[name$="-session"][value="闭会期间"]').check();
    await fill(page, { content: '建议统一全市经济指标的统计口径，按季度向社会公布。', coDeputies: '李华（咸安代表团）' });
    await screenshot(page, 'forms-suggestion-editor');
    const suggestion = await downloadThis(page);
    expect(suggestion.name).toBe('代表建议-关于统一统计口径的建议.docx');
    const s = readDocx(suggestion.bytes);
    expect(docxTableRows(s.xml)).toEqual([
      '标题|关于统一统计口径的建议',
      '领衔代表|张明|代表团|咸宁代表团',
      '附议代表|李华（咸安代表团）',
      '类别||提出时间|闭会期间',
    ]);
    expect(s.text).toContain(`提出：“${QUOTE}”。`);
    expect(s.text).toContain('建议统一全市经济指标的统计口径，按季度向社会公布。');
    expectOfficialPage(s.xml);
    await page
      .locator('.draft-editor-head')
      .getByRole('button', { name: /全部意见/ })
      .click();

    // 政协提案: the passage quoted in 情况分析, contact boxes filled from the settings, checked one by one
    await startFromSelection(page, '政协提案');
    expect(await page.inputValue('[data-field="analysis"]')).toContain(`提出：“${QUOTE}”。`);
    expect(await page.inputValue('[data-field="address"]')).toBe('咸宁市咸安区温泉路1号');
    expect(await page.inputValue('[data-field="postcode"]')).toBe('437000');
    expect(await page.inputValue('[data-field="phone"]')).toBe('13900001111');
    await page.locator('input[name$="-source"][value="联名"]').check();
    await fill(page, {
      title: '关于统一统计口径的提案',
      session: '政协咸宁市第五届委员会第四次会议',
      sector: '经济界',
      email: 'zhangming@',
      coProposers: '王强',
      category: '经济',
      analysis: '各部门统计口径不一，数据难以比较。',
      suggestions: '一是统一口径；二是定期公布。',
    });
    await expect.poll(() => page.textContent('.field-email .issue-warning')).toBe('电子邮箱格式不对，如 name@example.com');
    await fill(page, { email: 'xn.gov.cn' });
    await expect.poll(() => page.locator('.field-email .issue-warning').count()).toBe(0);
    await screenshot(page, 'forms-proposal-editor');
    const proposal = await downloadThis(page);
    expect(proposal.name).toBe('政协提案-关于统一统计口径的提案.docx');
    const p = readDocx(proposal.bytes);
    const rows = docxTableRows(p.xml);
    expect(rows).toContain('编号|');
    expect(rows).toContain('提案来源|联名|类别|经济');
    expect(rows).toContain('邮政编码|437000|联系电话|13900001111');
    expect(rows).toContain('电子邮箱|zhangming@xn.gov.cn');
    expect(rows.slice(-2)).toEqual(['审查意见|', '承办单位|']);
    expect(p.text).toContain('政协咸宁市第五届委员会第四次会议');
    expect(p.text).toContain(`提出：“${QUOTE}”。`);
    expectOfficialPage(p.xml);

    const all = await drafts();
    expect(all.map((d) => d.kind).sort()).toEqual(['amendment', 'opinion', 'proposal', 'suggestion']);
    for (const d of all) expect(d.targets.map((t) => t.exact)).toEqual([QUOTE]);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });

  it('links a second passage from the text, jumps to it from its chip, and Ctrl+Z unlinks it', async () => {
    const page = await openApp();
    await page.getByRole('tab', { name: '意见' }).click();
    await page.locator('.draft-item', { hasText: '关于统一统计口径的建议' }).click();
    await page.waitForSelector('.draft-editor');
    expect(await page.locator('.passage-chip').count()).toBe(1);

    await page.getByRole('button', { name: /关联其他段落/ }).click();
    await expect.poll(() => page.textContent('.linking-note')).toContain('关联到此稿');
    await select(page, SECOND);
    await page.locator('.selection-toolbar').getByRole('button', { name: '关联到此稿' }).click();
    await expect.poll(() => page.locator('.passage-chip').count()).toBe(2);
    const suggestion = (await drafts()).find((d) => d.kind === 'suggestion')!;
    expect(suggestion.targets.map((t) => t.exact)).toEqual([QUOTE, SECOND]);
    // the new passage is quoted in 内容 after the first, before the deputy's own words
    const lines = suggestion.fields.content.split('\n');
    expect(lines[1]).toContain(`提出：“${SECOND}”。`);
    expect(lines[2]).toBe('建议统一全市经济指标的统计口径，按季度向社会公布。');
    await expect.poll(() => page.inputValue('[data-field="content"]')).toBe(suggestion.fields.content);
    await screenshot(page, 'forms-two-passages');

    // a chip jumps to its passage
    await page.locator('.passage-chip .chip-go').nth(1).click();
    const second = blockWith(SECOND);
    await expect.poll(() => page.locator(`[data-block-text="${second.id}"]`).isVisible()).toBe(true);

    // Ctrl+Z (outside a text box) unlinks it and takes its quote out of 内容 again
    await page.locator('.draft-editor-head strong').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.passage-chip').count()).toBe(1);
    const undone = (await drafts()).find((d) => d.kind === 'suggestion')!;
    expect(undone.targets.map((t) => t.exact)).toEqual([QUOTE]);
    expect(undone.fields.content).not.toContain(SECOND);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });

  it('exports all 代表建议 of the report in one .docx, a page each, from 汇总导出', async () => {
    await host.call('drafts.create', {
      versionId: (await host.call<{ startVersionId: string }>('app.info')).startVersionId,
      kind: 'suggestion',
      fields: { title: '关于加快城乡供水一体化的建议', content: '建议分年度改造老旧管网。' },
    });
    const page = await openApp();
    await page.getByRole('tab', { name: '意见' }).click();
    await page
      .locator('.drafts-toolbar')
      .getByRole('button', { name: /汇总导出/ })
      .click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '代表建议汇编（.docx，每份一页）' }).click()]);
    expect(download.suggestedFilename()).toBe('代表建议-咸宁市2024年政府工作报告.docx');
    const { xml, text } = readDocx(readFileSync(await download.path()));
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(text).toContain('关于统一统计口径的建议');
    expect(text).toContain('关于加快城乡供水一体化的建议');
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});
