/**
 * 打印 / 导出 PDF of the bundled report with 20 marks, in Chromium: the reader's 打印… button and
 * Ctrl+P open the options dialog, 打印… mounts the print view and calls window.print(), and
 * Chromium's own PDF output of that page is read back with pdfjs — page count, the cover, every
 * mark's quote and every note with its number in the text layer, none of the app's chrome.
 * A few pages are rendered to PNG in tests/.artifacts (print-*.png) for a look.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useAppInBrowser } from '../helpers/appInBrowser';
import { ARTIFACTS, openPage, screenshot, selectText } from '../helpers/browser';
import { unifyRadicals } from '../../electron/core/report/pdf';
import { chineseDate } from '../../electron/core/common/localTime';
import { COLORS } from '../../electron/core/common/vocabulary';

interface Block {
  id: string;
  kind: string;
  text: string;
  path: string;
}
interface Mark {
  id: string;
  color: string;
  note: string;
  targets: { blockId: string; start: number; end: number; exact: string }[];
}

const AUTHOR = '王晓明';

/** The text layer of each page, whitespace dropped (Chromium places CJK glyph runs freely). */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const g = globalThis as { pdfjsWorker?: unknown };
  // pdfjs's worker in this thread (as electron/core/report/pdf.ts does); the module has no types
  const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  g.pdfjsWorker ??= (await import(worker)) as unknown;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const text = content.items.map((it) => ('str' in it ? it.str : '')).join('');
    pages.push(unifyRadicals(text).replace(/\s+/g, ''));
  }
  await pdf.destroy();
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Chromium's PDF of the page as printed (the media the print stylesheet answers to). */
async function printedPdf(page: Page, name: string): Promise<{ bytes: Uint8Array; pages: string[]; file: string }> {
  await page.emulateMedia({ media: 'print' });
  const bytes = new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, bytes);
  return { bytes, pages: await pdfPages(bytes), file };
}

/** Pages as PNG (poppler's pdftoppm) for a person to look at. */
function toPng(file: string, prefix: string, first: number, last: number): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), file, join(ARTIFACTS, prefix)]);
}

describe('printing the report with its marks', () => {
  const app = useAppInBrowser();
  let page: Page;
  let versionId: string;
  let doc: { blocks: Block[]; citationTitle: string; version: { label: string } };
  const marks = () => app.host.call<Mark[]>('annotations.list', { versionId });

  beforeAll(async () => {
    await app.host.call('settings.set', { key: 'author.name', value: AUTHOR });
    versionId = (await app.host.call<{ startVersionId: string }>('app.info')).startVersionId;
    doc = await app.host.call('reports.get', { versionId });
    // 19 marks over the API, spread through the report: two in each of nine paragraphs, one more
    // overlapping a mark (stripes), every third with a note (one of them on two lines).
    const long = doc.blocks.filter((b) => b.kind !== 'part' && b.kind !== 'title' && b.text.length > 90);
    const chosen = Array.from({ length: 9 }, (_, i) => long[1 + Math.floor((i * (long.length - 2)) / 8)]);
    const spans: { block: Block; start: number; end: number }[] = chosen.flatMap((block) => [
      { block, start: 40, end: 52 },
      { block, start: 70, end: 80 },
    ]);
    spans.push({ block: chosen[2], start: 46, end: 60 });
    for (const [i, s] of spans.entries()) {
      const note = i % 3 === 0 ? (i === 3 ? `第${i + 1}条意见：数据口径需要核实\n建议与统计公报对照` : `第${i + 1}条意见：建议写明完成时限`) : undefined;
      await app.host.call('annotations.create', {
        versionId,
        color: COLORS[i % COLORS.length],
        note,
        targets: [{ blockId: s.block.id, start: s.start, end: s.end }],
      });
    }
    page = (await openPage(app.browser, app.host.url)).page;
    await page.waitForSelector('body[data-reader-ready]');
  });

  it('prints 全文 from 打印… : a cover, every mark in its colour, numbered notes at the end, no app chrome', async () => {
    // The 20th mark with the mouse, on the first long paragraph on screen.
    const first = doc.blocks.filter((b) => b.text.length > 80)[0];
    await selectText(page, { blockId: first.id, offset: 10 }, { blockId: first.id, offset: 24 });
    await page.locator('.selection-toolbar button', { hasText: '重点' }).click();
    await expect.poll(async () => (await marks()).length).toBe(20);
    const all = await marks();

    // The browser's print dialog cannot be driven headless: record that it was asked for.
    await page.evaluate(() => {
      window.print = () => void (document.body.dataset.printCalls = String(Number(document.body.dataset.printCalls ?? '0') + 1));
    });
    await page.locator('.view-controls').getByRole('button', { name: '打印…' }).click();
    const dialog = page.getByTestId('print-dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('20 处标注');
    await dialog.locator('label', { hasText: '全文' }).click();
    await screenshot(page, 'print-dialog');
    await dialog.locator('button.primary', { hasText: '打印' }).click();
    await expect.poll(() => page.evaluate(() => document.body.dataset.printCalls)).toBe('1');
    await expect.poll(() => dialog.count()).toBe(0);
    // Mounted for the printer, invisible on screen.
    await expect.poll(() => page.locator('[data-testid="print-view"]').count()).toBe(1);
    expect(await page.locator('[data-testid="print-view"]').isVisible()).toBe(false);

    const { pages, file } = await printedPdf(page, 'print-full');
    console.log(`print: 全文 with cover and notes = ${pages.length} pages`);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.length).toBeLessThanOrEqual(20);
    const text = pages.join('');

    // The cover: the report's name, version, reviewer, today's date, the number of marks.
    for (const s of [doc.citationTitle, doc.version.label, AUTHOR, chineseDate(), '20处']) expect(pages[0]).toContain(squash(s));
    expect(pages[1]).toContain('政府工作报告'); // the report starts on page 2

    // Every mark's quote is in the text; noted marks carry their number right after the quote.
    const ord = new Map(doc.blocks.map((b, i) => [b.id, i]));
    const inOrder = [...all].sort((a, b) => ord.get(a.targets[0].blockId)! - ord.get(b.targets[0].blockId)! || a.targets[0].start - b.targets[0].start);
    const noted = inOrder.filter((a) => a.note.trim());
    expect(noted.length).toBe(7);
    for (const a of all) expect(text, a.targets[0].exact).toContain(squash(a.targets[0].exact));
    for (const [i, a] of noted.entries()) expect(text).toContain(squash(a.targets[0].exact) + `[${i + 1}]`);

    // The 批注 list starts on its own page: each note under its number, in reading order, with its author.
    // (the page number in the footer comes first in the text layer)
    const notesAt = pages.findIndex((p) => p.replace(/^\d+/, '').startsWith('批注[1]'));
    expect(notesAt).toBeGreaterThan(1);
    const list = pages.slice(notesAt).join('');
    let from = 0;
    for (const [i, a] of noted.entries()) {
      const at = list.indexOf(`[${i + 1}]`, from);
      expect(at, `note ${i + 1}`).toBeGreaterThanOrEqual(from);
      const body = list.indexOf(squash(a.note), at);
      expect(body, `note ${i + 1} text`).toBeGreaterThan(at);
      from = body;
    }
    expect(list).toContain(`——${AUTHOR}`);

    // None of the app's chrome is printed.
    for (const chrome of ['跳到正文', '报告库', '版本对照', '行距', '大字模式']) expect(text).not.toContain(chrome);

    toPng(file, 'print-full', 1, 3);
    toPng(file, 'print-full-notes', notesAt + 1, notesAt + 1);
  });

  it('Ctrl+P opens the same dialog; 仅含标注的段落 prints fewer pages with every mark still there', async () => {
    const full = (await printedPdf(page, 'print-full-again')).pages.length;
    await page.locator('[data-block-text]').first().focus();
    await page.keyboard.press('Control+P');
    const dialog = page.getByTestId('print-dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.locator('label', { hasText: '仅含标注的段落' }).click();
    await dialog.locator('button.primary', { hasText: '打印' }).click();
    await expect.poll(() => page.locator('[data-testid="print-view"][data-scope="marked"]').count()).toBe(1);

    const { pages, file } = await printedPdf(page, 'print-marked');
    console.log(`print: 仅含标注的段落 = ${pages.length} pages (全文 ${full})`);
    expect(pages.length).toBeLessThan(full);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = pages.join('');
    const all = await marks();
    for (const a of all) expect(text).toContain(squash(a.targets[0].exact));
    // A paragraph nobody marked is left out; the part headings stay for orientation.
    const markedIds = new Set(all.flatMap((a) => a.targets.map((x) => x.blockId)));
    const unmarked = doc.blocks.filter((b) => b.kind === 'paragraph' && !markedIds.has(b.id) && b.text.length > 40);
    expect(unmarked.length).toBeGreaterThan(0);
    for (const b of unmarked) expect(text).not.toContain(squash(b.text.slice(0, 30)));
    for (const b of doc.blocks.filter((x) => x.kind === 'part')) expect(text).toContain(squash(b.text));
    toPng(file, 'print-marked', 2, 2);
  });

  it('a print started from the browser itself still prints the report, not the app; the host refuses 导出 PDF in words', async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.locator('[data-testid="print-view"]').count()).toBe(0);
    const { pages } = await printedPdf(page, 'print-browser-menu');
    expect(pages.join('')).toContain(squash(doc.citationTitle));
    expect(pages.join('')).not.toContain('跳到正文');
    const refused = await app.host.raw('print.savePdf', { defaultName: '报告.pdf' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'print/use-print-dialog', message: expect.stringContaining('打印对话框') } });
  });
});
