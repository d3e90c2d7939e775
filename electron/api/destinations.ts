/**
 * Which paths the back end may write an export to. A `destination` in an API call is only ever
 * a path the user just picked in the desktop app's own save dialog: main grants it when the
 * dialog returns, and the export that uses it claims it, once. Anything else — every path in
 * the browser host, which has no save dialog, a path typed into a crafted request, a path used
 * a second time — is refused before a byte is written.
 */
import { resolve } from 'node:path';
import { ReviewDeskError } from '../core/errors';

export interface DestinationGate {
  /** main: the save dialog returned this path */
  grant(path: string): void;
  /** a handler is about to write here: allowed once per grant, or throws */
  claim(path: string): void;
}

/** How long a chosen path stays usable: the export follows the dialog within seconds. */
const GRANT_TTL_MS = 10 * 60 * 1000;

/** The browser host (and any context without a save dialog): no path is ever writable. */
export const noDestinations: DestinationGate = {
  grant: () => {},
  claim: () => {
    throw new ReviewDeskError('destination/refused', '浏览器版不能直接写入磁盘上的文件，文件会以下载的方式保存。');
  },
};

export function dialogDestinations(now: () => number = Date.now): DestinationGate {
  const granted = new Map<string, number>();
  const key = (p: string) => resolve(p);
  return {
    grant(path) {
      granted.set(key(path), now() + GRANT_TTL_MS);
    },
    claim(path) {
      const k = key(path);
      const until = granted.get(k);
      granted.delete(k);
      if (until === undefined || until < now()) {
        throw new ReviewDeskError('destination/not-chosen', '只能保存到刚在“保存”对话框中选择的位置，请重新导出并选择保存位置。');
      }
    },
  };
}

/**
 * Wraps every handler: an argument with a `destination` claims it first. One seam for every
 * method that writes a file, present and future, instead of a check each handler must remember.
 */
export function guardDestinations<H extends Record<string, (a: never) => unknown>>(handlers: H, gate: () => DestinationGate): H {
  const wrapped: Record<string, (a: unknown) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (a: unknown) => unknown][]) {
    wrapped[name] = (args) => {
      const destination = (args as { destination?: unknown } | null)?.destination;
      if (typeof destination === 'string') gate().claim(destination);
      return handler(args);
    };
  }
  return wrapped as unknown as H;
}
