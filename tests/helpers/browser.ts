/**
 * Debian's Chromium driven by playwright-core (never a browser download). Every request the page
 * makes is recorded so tests can assert that nothing leaves 127.0.0.1.
 */
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'tests', '.artifacts');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m: ConsoleMessage) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  return { page, requests, consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Drag-selects from one character offset to another inside the reader with real mouse events. */
export async function selectText(page: Page, from: { blockId: string; offset: number }, to: { blockId: string; offset: number }): Promise<void> {
  const point = (p: { blockId: string; offset: number }) =>
    page.evaluate(({ blockId, offset }) => {
      const el = document.querySelector(`[data-block-text="${blockId}"]`);
      if (!el) throw new Error('block not rendered: ' + blockId);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let left = offset;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (left <= len) {
          const r = document.createRange();
          const at = Math.min(left, len - 1);
          r.setStart(n, at);
          r.setEnd(n, at + 1);
          const rect = r.getBoundingClientRect();
          // left edge of the character at `offset` (or right edge when selecting to the end)
          return { x: left === len ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 };
        }
        left -= len;
      }
      throw new Error('offset out of range');
    }, p);
  const a = await point(from);
  const b = await point(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Scrolls the virtualised reader from the top until the block is painted, then centres it. */
export async function revealBlock(page: Page, blockId: string): Promise<void> {
  await page.evaluate(() => document.querySelector('.reader-scroll')!.scrollTo(0, 0));
  await page.waitForTimeout(50);
  for (let i = 0; i < 200; i++) {
    const found = await page.evaluate((id) => {
      const el = document.querySelector(`[data-block-text="${id}"]`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        return true;
      }
      document.querySelector('.reader-scroll')!.scrollTop += 500;
      return false;
    }, blockId);
    if (found) {
      await page.waitForTimeout(150); // let the virtualiser settle after the jump
      return;
    }
    await page.waitForTimeout(30);
  }
  throw new Error('block never rendered: ' + blockId);
}
