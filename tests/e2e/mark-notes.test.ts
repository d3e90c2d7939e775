/**
 * Reading the marks, not just counting them (issue #14), in Chromium with real mouse events: a
 * note shows when the pointer rests on its highlight (plain text, with author and colour name) and
 * goes on leave and Escape; the 批注 panel filters by part and by member; 代表团汇总 lists what
 * two members' marks say — one of them left on the older version of the report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, revealBlock, screenshot } from '../helpers/browser';
import { revisedReportText } from '../helpers/revised-report';
import { readBundle, writeBundle, type BundleAnnotation } from '../../electron/core/bundle/format';

interface Block {
  id: string;
  text: string;
  kind: string;
  part: number | null;
}
type Doc = { version: { id: string }; report: { id: string }; blocks: Block[] };

describe('notes over highlights, panel filters by part and member, and 代表团汇总 in words', () => {
  const app = useAppInBrowser();
  let page: Page;
  let doc: Doc;
  let paras: Block[];
  /** a paragraph of another part than paras[0], for the part filter */
  let other: Block;
  const NOTE_WANG = '王：这个数字请与统计公报核对 <b>不是粗体</b>';
  const NOTE_LI = '李：建议补充具体措施';
  const NOTE_ZHAO = '赵：旧稿上的意见，620家是否为年末数';

  /** A member's exchange bundle with one noted mark, imported as the secretariat would. */
  async function importMemberBundle(author: string, versionId: string, block: Block, start: number, note: string, color: BundleAnnotation['color']) {
    const own = readBundle(Buffer.from((await app.host.call<{ dataBase64: string }>('bundles.export', {})).dataBase64, 'base64'));
    const now = new Date().toISOString();
    const annotation: BundleAnnotation = {
      id: randomUUID(),
      reportId: doc.report.id,
      versionId,
      author,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      anchorStatus: 'unchanged',
      anchorScore: 1,
      color,
      note,
      tags: [],
      targets: [{ blockId: block.id, start, end: start + 8, exact: block.text.slice(start, start + 8), prefix: '', suffix: '' }],
    };
    const bytes = writeBundle({
      createdAt: now,
      appVersion: 'e2e',
      author,
      reportId: doc.report.id,
      reports: own.reports,
      annotations: [annotation],
      drafts: [],
    });
    await app.host.call('bundles.import', { fileName: `${author}.reviewdesk`, dataBase64: Buffer.from(bytes).toString('base64') });
  }

  /** The middle of the first painted run of a mark, in page coordinates. */
  const runCentre = (blockId: string, id: string) =>
    page.evaluate(
      ({ blockId, id }) => {
        const el = document.querySelector(`[data-block-text="${blockId}"] span[data-annotations~="${id}"]`);
        if (!el) throw new Error('mark not painted');
        const r = el.getClientRects()[0];
        return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
      },
      { blockId, id },
    );

  let wang: { id: string };
  let wangPlain: { id: string };

  beforeAll(async () => {
    const info = await app.host.call<{ startVersionId: string }>('app.info');
    doc = await app.host.call<Doc>('reports.get', { versionId: info.startVersionId });
    paras = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.length > 60);
    other = paras.find((b) => b.part !== paras[0].part && b.part !== null)!;
    await app.host.call('settings.set', { key: 'author.name', value: '王代表' });
    wang = await app.host.call<{ id: string }>('annotations.create', {
      versionId: doc.version.id,
      color: 'red',
      note: NOTE_WANG,
      targets: [{ blockId: paras[0].id, start: 10, end: 24 }],
    });
    // a highlight without a note: hovering it shows nothing
    wangPlain = await app.host.call<{ id: string }>('annotations.create', {
      versionId: doc.version.id,
      color: 'green',
      targets: [{ blockId: paras[0].id, start: 40, end: 52 }],
    });
    await importMemberBundle('李代表', doc.version.id, other, 4, NOTE_LI, 'blue');
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('[data-block-text]');
    await revealBlock(page, paras[0].id);
    await page.waitForSelector(`[data-block-text="${paras[0].id}"] .hl`);
  });

  it('shows a highlight’s note, author and colour when the pointer rests on it, as text, and hides it on leave and Escape', async () => {
    await revealBlock(page, paras[0].id);
    const tip = page.locator('[role="tooltip"]#note-tip');
    const at = await runCentre(paras[0].id, wang.id);
    await page.mouse.move(at.x - 30, at.y - 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await tip.waitFor();
    expect(await tip.locator('.note-tip-text').textContent()).toBe(NOTE_WANG);
    // a note is text, never markup
    expect(await tip.locator('b').count()).toBe(0);
    expect(await tip.locator('.note-tip-by').textContent()).toBe('王代表 · 建议修改');
    expect(await page.getAttribute(`[data-block-text="${paras[0].id}"]`, 'aria-describedby')).toBe('note-tip');
    await screenshot(page, 'mark-notes-tooltip');

    // out of the highlight: gone, and the paragraph is no longer described by it
    await page.mouse.move(at.x, at.y + 200, { steps: 3 });
    await tip.waitFor({ state: 'detached' });
    expect(await page.getAttribute(`[data-block-text="${paras[0].id}"]`, 'aria-describedby')).toBeNull();

    // a highlight without a note shows nothing
    const plain = await runCentre(paras[0].id, wangPlain.id);
    await page.mouse.move(plain.x, plain.y, { steps: 3 });
    await page.waitForTimeout(500);
    expect(await tip.count()).toBe(0);

    // back on the note, then Escape
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await tip.waitFor();
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
  });

  it('reaches a mark with Alt+→ and reads its note in the same tooltip', async () => {
    await page.mouse.move(5, 5);
    await page.locator(`[data-block-text="${paras[0].id}"]`).focus();
    await page.evaluate(() => document.querySelector('.reader-scroll')!.scrollTo(0, 0));
    await page.waitForTimeout(150); // the reader notes its new top paragraph, where Alt+→ starts from
    await page.keyboard.press('Alt+ArrowRight');
    const tip = page.locator('#note-tip');
    await tip.waitFor();
    expect(await tip.getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'mark-notes-keyboard-tip');
    expect(await tip.locator('.note-tip-text').textContent()).toBe(NOTE_WANG);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
  });

  it('filters the 批注 panel by member and by part, with counts, and says so when nothing is left', async () => {
    const cards = page.locator('.annotations-panel .card');
    await expect.poll(() => cards.count()).toBe(3);
    const author = page.getByRole('combobox', { name: '按作者筛选' });
    const options = await author.locator('option').allTextContents();
    expect(options).toEqual(['全部作者', '王代表（2）', '李代表（1）']);
    await author.selectOption({ label: '李代表（1）' });
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().locator('.card-author').textContent()).toBe('李代表');
    expect(await cards.first().locator('.card-note').textContent()).toBe(NOTE_LI);

    // by part: the part of 王代表's paragraph holds none of 李代表's marks
    await author.selectOption({ label: '全部作者' });
    await expect.poll(() => cards.count()).toBe(3);
    const section = page.getByRole('combobox', { name: '按部分筛选' });
    const choices = await section
      .locator('option')
      .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '' })));
    expect(choices[0]).toEqual({ value: '', text: '全部部分' });
    // parts are flush left, their sections indented under them
    const ord = new Map(doc.blocks.map((b, i) => [b.id, i]));
    const parts = choices.slice(1).filter((c) => !c.text.startsWith('\u3000'));
    expect(parts.length).toBeGreaterThan(1);
    const wangPartValue = parts.filter((c) => ord.get(c.value)! <= ord.get(paras[0].id)!).at(-1)!.value;
    await section.selectOption(wangPartValue);
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.locator('.card-author').allTextContents()).toEqual(['王代表', '王代表']);
    await screenshot(page, 'mark-notes-filters');

    // 李代表 in 王代表's part: nothing, said in Chinese, with a way out
    await author.selectOption({ label: '李代表（0）' });
    await expect.poll(() => cards.count()).toBe(0);
    await page.getByText('没有符合筛选条件的批注。').waitFor();
    await screenshot(page, 'mark-notes-filters-empty');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => cards.count()).toBe(3);
  });

  it('lists in 代表团汇总 what two members’ marks say, across versions: carried ones and one left on the older version', async () => {
    // A revised version arrives; the marks so far are carried to it. Then 赵代表's bundle, made on
    // the old copy, brings a mark that stays on 大会印发稿.
    const { versionId: v2 } = await app.host.call<{ versionId: string }>('reports.import', {
      fileName: '修改稿.txt',
      dataBase64: Buffer.from(revisedReportText()).toString('base64'),
      reportId: doc.report.id,
      label: '修改稿',
    });
    await app.host.call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    const oldOnly = doc.blocks.find((b) => b.text.includes('高新技术企业达620家'))!;
    await importMemberBundle('赵代表', doc.version.id, oldOnly, Math.max(0, oldOnly.text.indexOf('620') - 4), NOTE_ZHAO, 'orange');

    await app.host.call('settings.set', { key: 'reader.lastVersionId', value: v2 });
    await page.reload();
    await page.waitForSelector('[data-block-text]');
    await page.getByRole('button', { name: '代表团汇总', exact: true }).click();
    await page.getByRole('button', { name: '批注原文' }).click();
    const marks = page.locator('.delegation-mark');
    await expect.poll(() => marks.count()).toBe(4);
    const text = (await page.locator('.delegation-marks').textContent()) ?? '';
    for (const note of [NOTE_WANG, NOTE_LI, NOTE_ZHAO]) expect(text).toContain(note);
    expect(text).toContain('共 4 条批注');
    const zhao = marks.filter({ hasText: NOTE_ZHAO });
    expect(await zhao.locator('.dm-author').textContent()).toBe('赵代表');
    expect(await zhao.locator('.dm-version').textContent()).toBe('大会印发稿（旧版本）');
    expect(await zhao.locator('.dm-quote').textContent()).toContain('620');
    const li = marks.filter({ hasText: NOTE_LI });
    expect(await li.locator('.dm-author').textContent()).toBe('李代表');
    expect(await li.locator('.dm-version').textContent()).toBe('修改稿');
    expect(await li.locator('.dm-quote').textContent()).toBe(other.text.slice(4, 12));
    // each passage is named as amendment lists cite it
    expect(await page.locator('.mark-group-title').first().textContent()).toMatch(/部分|段/);
    await screenshot(page, 'mark-notes-delegation-passages');

    await page.getByRole('button', { name: '按成员' }).click();
    await expect.poll(() => page.locator('.mark-group-title').allTextContents()).toEqual(['李代表', '王代表', '赵代表']);
    await screenshot(page, 'mark-notes-delegation-members');

    // 在正文中查看 on the old version's mark opens that version at its paragraph
    await marks.filter({ hasText: NOTE_ZHAO }).getByRole('button', { name: '在正文中查看' }).click();
    await page.waitForSelector(`[data-block-text="${oldOnly.id}"]`);
    await expect.poll(() => page.evaluate(() => document.body.dataset.readerReady)).toBe(doc.version.id);
  });
});
