/**
 * The app as a user meets it in the e2e tests: the real browser host on a temporary data folder
 * and a headless Chromium, started once for a describe block and stopped after it. Call inside
 * the describe; the getters read what the hooks started.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHost, type RunningHost } from './host';
import { launch } from './browser';

export interface AppInBrowser {
  readonly host: RunningHost;
  readonly browser: Browser;
}

export function useAppInBrowser(): AppInBrowser {
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    host = await startHost();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  const started = <T>(what: T | undefined, name: string): T => {
    if (!what) throw new Error(`useAppInBrowser: the ${name} is not started (used outside the describe's tests?)`);
    return what;
  };
  return {
    get host() {
      return started(host, 'host');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
