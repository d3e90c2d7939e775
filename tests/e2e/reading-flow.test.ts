/**
 * The daily flow without surprises: a reader's place survives every layout change and a reload,
 * the keyboard reaches the text and the selection toolbar at once, popovers stay on screen and
 * close the usual ways, a note typed just before a reload is kept, and the layout holds at
 * 1280 px and in 大字模式. Every step is a real mouse or keyboard event in Chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { openPage, screenshot, selectText } from '../helpers/browser';

interface Block {
  id: string;
  kind: string;
  text: string;
  sentenceEnds: number[];
}
interface Annotation {
  id: string;
  color: string;
  note: string;
  targets: { blockId: string; start: number; end: number; exact: string }[];
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The paragraph whose row is at the top edge of the reader, and how far into it (0–1) that edge is. */
function topOfText(page: Page) {
  return page.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll')!;
    const top = scroller.getBoundingClientRect().top + 0.5;
    const rows = [...scroller.querySelectorAll<HTMLElement>('.row')];
    const row = rows.find((r) => {
      const b = r.getBoundingClientRect();
      return b.top <= top && b.bottom > top;
    });
    if (!row) return null;
    const b = row.getBoundingClientRect();
    const block = row.querySelector<HTMLElement>('[data-block-id]')!;
    return {
      id: block.dataset.blockId!,
      text: block.querySelector('[data-block-text]')!.textContent.slice(0, 30),
      fraction: (top - b.top) / b.height,
      height: b.height,
    };
  });
}

/** Waits until the reader stops moving (wheel scrolling and re-measuring settle over a few frames). */
async function settle(page: Page) {
  let last = '';
  for (let i = 0; i < 50; i++) {
    // scroll position and list height, read two frames apart
    const now = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => resolve(`${document.querySelector('.reader-scroll')!.scrollTop}/${document.querySelector('.page')!.clientHeight}`)),
          ),
        ),
    );
    if (now === last) return;
    last = now;
  }
}

const inside = (box: Box | null, view: { width: number; height: number }) =>
  !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height;

describe('the daily reading flow in Chromium', () => {
  const app = useAppInBrowser();
  let versionId: string;
  let blocks: Block[];
  const list = () => app.host.call<Annotation[]>('annotations.list', { versionId });

  beforeAll(async () => {
    versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    blocks = (await app.host.call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;
  });

  it('keeps the paragraph at the top, and the place within it, across A+, line spacing, 大字模式 and a reload', async () => {
    const { page, consoleErrors } = await openPage(app.browser, app.host.url, { width: 1280, height: 720 });
    await page.waitForSelector('body[data-reader-ready]');
    // Scroll with the wheel into the report until the top edge is inside a long paragraph, not near its ends.
    const reader = page.locator('.reader-scroll');
    const r = (await reader.boundingBox())!;
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 500);
    await settle(page);
    for (let i = 0; i < 80; i++) {
      const top = await topOfText(page);
      if (top && top.height > 260 && top.fraction > 0.3 && top.fraction < 0.7) break;
      await page.mouse.wheel(0, 70);
      await settle(page);
    }
    const before = (await topOfText(page))!;
    expect(before.height).toBeGreaterThan(260);
    expect(before.fraction).toBeGreaterThan(0.3);
    expect(before.fraction).toBeLessThan(0.7);

    const samePlace = async (what: string) => {
      await settle(page);
      const now = (await topOfText(page))!;
      expect(now.text, what).toBe(before.text);
      expect(Math.abs(now.fraction - before.fraction), what).toBeLessThan(0.06);
    };

    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '增大字号' }).click();
    expect(await page.locator('.view-controls .value').textContent()).toBe('21');
    await samePlace('after A+ ×3');

    // Line spacing from the keyboard: focus the select and step down its list.
    const spacing = page.locator('.view-controls label', { hasText: '行距' }).locator('select');
    await spacing.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => spacing.inputValue()).toBe('2.2');
    await samePlace('after line spacing 2.2');

    await page.locator('.view-controls label', { hasText: '大字模式' }).click();
    await expect.poll(() => page.locator('.app.large-print').count()).toBe(1);
    await samePlace('after 大字模式 on');

    await page.getByRole('button', { name: '减小字号' }).click();
    await samePlace('after A−');

    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    await samePlace('after a reload');

    await page.locator('.view-controls label', { hasText: '大字模式' }).click();
    await expect.poll(() => page.locator('.app.large-print').count()).toBe(0);
    await samePlace('after 大字模式 off');

    // A narrower window changes the column's width: the place holds there too.
    await page.setViewportSize({ width: 1100, height: 720 });
    await samePlace('after the window narrows');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('reaches the text with one Tab (跳到正文), focuses the selection toolbar, highlights with 1–6, notes with N, and Esc goes back to the text', async () => {
    const { page, consoleErrors } = await openPage(app.browser, app.host.url, { width: 1280, height: 720 });
    await page.waitForSelector('body[data-reader-ready]');
    const active = () =>
      page.evaluate(() => ({
        text: document.activeElement?.textContent ?? '',
        block: document.activeElement?.getAttribute('data-block-text') ?? null,
        role: document.activeElement?.getAttribute('role') ?? null,
      }));

    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('跳到正文');
    expect(inside(await page.locator('.skip-link').boundingBox(), { width: 1280, height: 720 })).toBe(true);
    await page.keyboard.press('Enter');
    const top = (await topOfText(page))!;
    expect((await active()).block).toBe(top.id);

    // Tab on to the first long paragraph (each paragraph is one stop, with its ⋯ menu).
    for (let i = 0; i < 12; i++) {
      const id = (await active()).block;
      if (id && blocks.find((b) => b.id === id)!.text.length > 120) break;
      await page.keyboard.press('Tab');
    }
    const focused = (await active()).block;
    const b = blocks.find((x) => x.id === focused)!;
    expect(b.text.length).toBeGreaterThan(120);

    // Enter selects the first sentence; the toolbar opens with the focus on it.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.selection-toolbar');
    expect((await active()).role).toBe('toolbar');
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(b.text.slice(0, b.sentenceEnds[0]));
    // Shift+→ still widens the selection while the toolbar has the focus.
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(b.text.slice(0, b.sentenceEnds[0] + 1));
    // 2 = the second colour (疑问, blue).
    await page.keyboard.press('2');
    await expect.poll(async () => (await list()).length).toBe(1);
    expect((await list())[0]).toMatchObject({ color: 'blue', targets: [{ blockId: b.id, start: 0, end: b.sentenceEnds[0] + 1 }] });
    await expect.poll(() => page.locator('.selection-toolbar').count()).toBe(0);
    expect((await active()).block).toBe(b.id);

    // Esc closes the toolbar, drops the selection and puts the focus back in the paragraph.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.selection-toolbar');
    expect((await active()).role).toBe('toolbar');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.selection-toolbar').count()).toBe(0);
    expect(await page.evaluate(() => window.getSelection()!.isCollapsed)).toBe(true);
    expect((await active()).block).toBe(b.id);

    // ←/→ walk the toolbar's buttons; Enter on one presses it (here: 肯定, the fifth colour).
    await page.keyboard.press('Enter');
    await page.waitForSelector('.selection-toolbar');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect((await active()).text).toContain('肯定');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await list()).map((a) => a.color).sort()).toEqual(['blue', 'green']);

    // N: a yellow highlight with the caret in its note; a reload straight after typing keeps the note.
    await page.keyboard.press('Escape');
    await page.locator(`[data-block-text="${b.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.selection-toolbar');
    await page.keyboard.press('n');
    await expect.poll(async () => (await list()).length).toBe(3);
    const noted = (await list()).find((a) => a.color === 'yellow')!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-note-for'))).toBe(noted.id);
    await page.keyboard.type('请核实数据来源');
    await page.reload();
    await expect.poll(async () => (await list()).find((a) => a.id === noted.id)!.note).toBe('请核实数据来源');
    await page.waitForSelector('body[data-reader-ready]');
    await expect.poll(() => page.locator(`[data-annotation-id="${noted.id}"] .card-note`).textContent()).toBe('请核实数据来源');
    expect(consoleErrors).toEqual([]);

    // …and so does closing the window straight after typing.
    await page.locator(`[data-annotation-id="${noted.id}"] .card-quote`).click();
    await page.locator(`[data-note-for="${noted.id}"]`).click();
    await page.keyboard.press('End');
    await page.keyboard.type('，会上再议');
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await list()).find((a) => a.id === noted.id)!.note).toBe('请核实数据来源，会上再议');
  });

  it('lists every shortcut in Chinese on ?, and Esc closes the list', async () => {
    const { page } = await openPage(app.browser, app.host.url, { width: 1280, height: 720 });
    await page.waitForSelector('body[data-reader-ready]');
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts');
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    for (const words of [
      '快捷键',
      '跳到正文',
      '下一节',
      '下一条',
      '查找',
      '选中一句',
      '逐字',
      '逐句',
      '高亮为“重点”',
      '高亮为“数据待核实”',
      '高亮为“其他”',
      '高亮并写批注',
      '撤销',
      '重做',
      'Esc',
    ])
      expect(text).toContain(words);
    expect(inside(await dialog.boundingBox(), { width: 1280, height: 720 })).toBe(true);
    await screenshot(page, 'reading-flow-shortcuts-1280');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // and the ? button in the header opens it too
    await page.getByRole('button', { name: '快捷键一览（?）' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('opens the overlapping-highlights chooser inside the window near the bottom edge, and closes it on Esc, a click outside and scrolling', async () => {
    // Two overlapping marks on the third long paragraph.
    const b = blocks.filter((x) => x.text.length > 300)[2];
    for (const [color, start, end] of [
      ['red', 10, 60],
      ['green', 30, 90],
    ] as const)
      await app.host.call('annotations.create', {
        versionId,
        color,
        targets: [{ blockId: b.id, start, end, exact: b.text.slice(start, end), prefix: '', suffix: '' }],
      });
    const view = { width: 1280, height: 720 };
    const { page } = await openPage(app.browser, app.host.url, view);
    await page.waitForSelector('body[data-reader-ready]');
    const r = (await page.locator('.reader-scroll').boundingBox())!;
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
    const overlap = page.locator(`[data-block-text="${b.id}"] span[data-annotations*=" "]`).first();
    // Wheel until the shared text sits on the last lines of the window.
    const where = () =>
      page.evaluate((id) => document.querySelector(`[data-block-text="${id}"] span[data-annotations*=" "]`)?.getClientRects()[0]?.top ?? null, b.id);
    for (let i = 0; i < 60; i++) {
      const y = await where();
      if (y !== null && y > view.height - 70 && y < view.height - 20) break;
      await page.mouse.wheel(0, y === null ? 300 : Math.max(-300, Math.min(300, y - (view.height - 45))));
      await settle(page);
    }
    const spot = async () => {
      const rect = await overlap.evaluate((el) => {
        const q = el.getClientRects()[0];
        return { x: q.left + Math.min(20, q.width / 2), y: q.top + q.height / 2 };
      });
      return rect;
    };
    const at = await spot();
    expect(at.y).toBeGreaterThan(view.height - 70);
    const chooser = page.locator('.mark-chooser');

    await page.mouse.click(at.x, at.y);
    await expect.poll(() => chooser.locator('.chooser-item').count()).toBe(2);
    const box = await chooser.boundingBox();
    expect(inside(box, view)).toBe(true);
    expect(box!.y + box!.height).toBeLessThanOrEqual(at.y); // above the click, not over the clicked text
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await screenshot(page, 'reading-flow-chooser-bottom-1280');
    await page.keyboard.press('Escape');
    await expect.poll(() => chooser.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-block-text'))).toBe(b.id);

    await page.mouse.click(at.x, at.y);
    await expect.poll(() => chooser.count()).toBe(1);
    await page.locator('.outline h3').click(); // the outline's heading: a click on nothing in particular
    await expect.poll(() => chooser.count()).toBe(0);

    await page.mouse.click(at.x, at.y);
    await expect.poll(() => chooser.count()).toBe(1);
    await page.mouse.move(r.x + r.width / 2, r.y + 100);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => chooser.count()).toBe(0);
    await page.close();
  });

  it('keeps the selection toolbar inside the window beside a selection at the top right, and closes it on a click outside and scrolling', async () => {
    const view = { width: 1280, height: 720 };
    const { page } = await openPage(app.browser, app.host.url, view);
    await page.waitForSelector('body[data-reader-ready]');
    // The first long paragraph on screen: drag over the last characters of its first line, at the right edge of the column.
    const { id, lineEnd } = await page.evaluate(() => {
      const el = [...document.querySelectorAll<HTMLElement>('[data-block-text]')].find((x) => x.textContent.length > 200)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let offset = 0;
      let firstTop: number | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        for (let i = 0; i < n.textContent!.length; i++, offset++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const top = Math.round(r.getBoundingClientRect().top);
          firstTop ??= top;
          if (top > firstTop + 4) return { id: el.dataset.blockText!, lineEnd: offset - 1 };
        }
      throw new Error('one-line paragraph');
    });
    await selectText(page, { blockId: id, offset: lineEnd - 8 }, { blockId: id, offset: lineEnd });
    const toolbar = page.locator('.selection-toolbar');
    await toolbar.waitFor();
    const box = (await toolbar.boundingBox())!;
    expect(inside(box, view)).toBe(true);
    const sel = await page.evaluate(() => {
      const q = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: q.top, bottom: q.bottom };
    });
    // beside the selection, never over it
    expect(box.y + box.height <= sel.top || box.y >= sel.bottom).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('toolbar');
    await screenshot(page, 'reading-flow-toolbar-1280');

    await page.locator('.outline h3').click(); // the outline's heading: a click on nothing in particular
    await expect.poll(() => toolbar.count()).toBe(0);

    await selectText(page, { blockId: id, offset: lineEnd - 8 }, { blockId: id, offset: lineEnd });
    await toolbar.waitFor();
    await page.mouse.wheel(0, 150);
    await expect.poll(() => toolbar.count()).toBe(0);
    await page.close();
  });

  it('folds the find hit list away once a hit is picked, on a click elsewhere and on scrolling, and Esc closes find', async () => {
    const view = { width: 1280, height: 720 };
    const { page } = await openPage(app.browser, app.host.url, view);
    await page.waitForSelector('body[data-reader-ready]');
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    await page.keyboard.type('营商环境');
    const hits = page.locator('.find-hits');
    await expect.poll(() => hits.locator('li').count()).toBeGreaterThan(1);
    expect(inside(await hits.boundingBox(), view)).toBe(true);
    // pick the second hit: the list gets out of the way of the text it jumped to
    await hits.locator('li button').nth(1).click();
    await expect.poll(() => hits.count()).toBe(0);
    await expect.poll(() => page.locator('.find-hit.current').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('查找');
    // the box brings it back; a click elsewhere and the wheel over the text fold it again
    await page.locator('.find-bar input').click();
    await expect.poll(() => hits.count()).toBe(1);
    await page.locator('.outline h3').click();
    await expect.poll(() => hits.count()).toBe(0);
    await page.locator('.find-bar input').click();
    await expect.poll(() => hits.count()).toBe(1);
    const r = (await page.locator('.reader-scroll').boundingBox())!;
    await page.mouse.move(r.x + r.width - 40, r.y + r.height - 40);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => hits.count()).toBe(0);
    await page.locator('.find-bar input').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.find-bar').count()).toBe(0);
    await page.close();
  });

  it('comes back to the side panel tab that was open', async () => {
    const { page } = await openPage(app.browser, app.host.url, { width: 1280, height: 720 });
    await page.waitForSelector('body[data-reader-ready]');
    await page.locator('.side .tabs button', { hasText: '搜索' }).click();
    await page.reload();
    await page.waitForSelector('body[data-reader-ready]');
    expect(await page.locator('.side .tabs button', { hasText: '搜索' }).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('keeps the header one row and the text at least 560 px wide at 1280×720, and 26 characters a line in 大字模式 at 1440 px', async () => {
    const layout = (page: Page) =>
      page.evaluate(() => {
        const bar = document.querySelector<HTMLElement>('.topbar')!;
        const kids = [...bar.children].filter((el) => getComputedStyle(el).position !== 'absolute').map((el) => el.getBoundingClientRect());
        const text = document.querySelector<HTMLElement>('.block:not(.block-title) .block-text')!;
        return {
          rows: new Set(kids.map((k) => Math.round(k.top + k.height / 2))).size,
          spread: Math.max(...kids.map((k) => k.top + k.height / 2)) - Math.min(...kids.map((k) => k.top + k.height / 2)),
          overflow: bar.scrollWidth - bar.clientWidth,
          textWidth: text.getBoundingClientRect().width,
        };
      });
    /** Characters on the second line of the first long paragraph on screen (the first line is indented). */
    const charsOnALine = (page: Page) =>
      page.evaluate(() => {
        const el = [...document.querySelectorAll<HTMLElement>('.block-text')].find((x) => x.textContent.length > 200)!;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const tops: number[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          for (let i = 0; i < n.textContent!.length; i++) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            const rect = r.getClientRects()[0];
            if (rect) tops.push(Math.round(rect.top));
          }
        const lines = [...new Set(tops)];
        return tops.filter((t) => t === lines[1]).length;
      });

    const small = await openPage(app.browser, app.host.url, { width: 1280, height: 720 });
    await small.page.waitForSelector('body[data-reader-ready]');
    const at1280 = await layout(small.page);
    expect(at1280.spread).toBeLessThan(4);
    expect(at1280.overflow).toBeLessThanOrEqual(0);
    expect(at1280.textWidth).toBeGreaterThanOrEqual(560);
    // the version switcher never gives way to the title
    expect(await small.page.locator('.doc-title .version-label, .doc-title .version-switch').first().isVisible()).toBe(true);
    await screenshot(small.page, 'reading-flow-1280');
    await small.page.locator('.view-controls label', { hasText: '大字模式' }).click();
    await settle(small.page);
    expect((await layout(small.page)).spread).toBeLessThan(4);
    await screenshot(small.page, 'reading-flow-1280-large-print');
    await small.page.close();

    const mid = await openPage(app.browser, app.host.url, { width: 1440, height: 900 });
    await mid.page.waitForSelector('body[data-reader-ready]');
    await mid.page.locator('.view-controls label', { hasText: '大字模式' }).click();
    await expect.poll(() => mid.page.locator('.app.large-print').count()).toBe(1);
    await settle(mid.page);
    expect(await charsOnALine(mid.page)).toBeGreaterThanOrEqual(26);
    await mid.page.close();

    const wide = await openPage(app.browser, app.host.url, { width: 1920, height: 1080 });
    await wide.page.waitForSelector('body[data-reader-ready]');
    const at1920 = await layout(wide.page);
    expect(at1920.spread).toBeLessThan(4);
    await screenshot(wide.page, 'reading-flow-1920');
    await wide.page.locator('.view-controls label', { hasText: '大字模式' }).click();
    await settle(wide.page);
    expect(await charsOnALine(wide.page)).toBeGreaterThanOrEqual(26);
    await screenshot(wide.page, 'reading-flow-1920-large-print');
    await wide.page.close();
  });
});
