/**
 * The renderer's API: `window.api` (Electron preload) when present, HTTP to the browser host
 * otherwise. Both have the contract's types; callers never know which one they use.
 */
import type { Api, ApiError, Method } from '../../electron/api/contract';

declare global {
  interface Window {
    api?: Api;
  }
}

export class ApiCallError extends Error implements ApiError {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
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
    const body = (await res.json().catch(() => null)) as { ok: boolean; result?: unknown; error?: ApiError } | null;
    if (!body) throw new ApiCallError('bad-response', '后台返回了无法识别的内容。');
    if (!body.ok) throw new ApiCallError(body.error?.code ?? 'error', body.error?.message ?? '操作失败。');
    return body.result;
  };
  return new Proxy({} as Api, {
    get: (_t, method: string) => (args: unknown) => call(method, args),
  });
}

function electronApi(api: Api): Api {
  // Errors from ipcRenderer.invoke arrive as Error("Error invoking remote method …: {json}").
  return new Proxy({} as Api, {
    get: (_t, method: Method) => async (args: unknown) => {
      try {
        return await (api[method] as (a: unknown) => Promise<unknown>)(args);
      } catch (e) {
        const m = /(\{.*\})\s*$/.exec(String((e as Error).message));
        const parsed = m ? (JSON.parse(m[1]) as ApiError) : null;
        throw new ApiCallError(parsed?.code ?? 'error', parsed?.message ?? '操作失败。');
      }
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
