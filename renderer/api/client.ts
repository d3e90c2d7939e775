/**
 * The renderer's API: `window.api` (Electron preload) when present, HTTP to the browser host
 * otherwise. Both answer with the same Envelope and both are opened by `unwrap`, so callers
 * never know which one they use: a call resolves with the result or rejects with ApiCallError.
 */
import type { Api, ApiError, Envelope, ErrorCode, Method, WireApi } from '../../electron/api/contract';
import { INTERNAL_ERROR } from '../../electron/core/common/errorCodes';

declare global {
  interface Window {
    api?: WireApi;
  }
}

export class ApiCallError extends Error implements ApiError {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The one place an answer is opened, for both transports: the result, or its error thrown. */
export function unwrap<T>(envelope: Envelope<T> | null | undefined): T {
  if (envelope?.ok === true) return envelope.result;
  if (envelope?.ok === false && envelope.error) throw new ApiCallError(envelope.error.code, envelope.error.message);
  throw new ApiCallError('bad-response', '后台返回了无法识别的内容。');
}

const TOKEN_KEY = 'reviewdesk.token';

/** The host prints a URL with ?token=…; keep it for reloads, then drop it from the address bar. */
function hostToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** `keepalive`: the request outlives the page, for saves fired while it closes (pagehide). */
function httpApi(keepalive = false): Api {
  const token = hostToken();
  const call = async (method: string, args: unknown) => {
    let res: Response;
    try {
      res = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
        keepalive,
      });
    } catch {
      throw new ApiCallError('offline', '无法连接审议台后台，请确认程序仍在运行。');
    }
    return unwrap((await res.json().catch(() => null)) as Envelope<unknown> | null);
  };
  return new Proxy({} as Api, {
    get: (_t, method: string) => (args: unknown) => call(method, args),
  });
}

function electronApi(wire: WireApi): Api {
  return new Proxy({} as Api, {
    get: (_t, method: Method) => async (args: unknown) => {
      let envelope: Envelope<unknown>;
      try {
        envelope = await (wire[method] as (a: unknown) => Promise<Envelope<unknown>>)(args);
      } catch {
        // The main process answers every call with an envelope; a rejected invoke (no handler,
        // a result that cannot be cloned) is a bug, shown like any other internal error.
        throw new ApiCallError(INTERNAL_ERROR.code, INTERNAL_ERROR.message);
      }
      return unwrap(envelope);
    },
  });
}

export const api: Api = typeof window !== 'undefined' && window.api ? electronApi(window.api) : httpApi();

export const isDesktop = typeof window !== 'undefined' && !!window.api;

/** The API for calls made while the page is being closed: IPC needs nothing special, HTTP needs keepalive. */
export const apiOnUnload: Api = typeof window !== 'undefined' && window.api ? api : httpApi(true);

export function errorMessage(e: unknown): string {
  return e instanceof ApiCallError ? e.message : e instanceof Error ? e.message : String(e);
}
