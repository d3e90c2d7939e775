/**
 * The browser host: the built renderer plus POST /api/<method>, bound to 127.0.0.1 only.
 * Every API call needs the bearer token printed at start; Host headers other than the loopback
 * address are refused so a web page elsewhere cannot reach the API through DNS rebinding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { dispatch, ApiFailure } from '../api/dispatch';
import { methodNames, type Envelope, type Handlers } from '../api/contract';
import { CONTENT_SECURITY_POLICY } from '../api/csp';
import { INTERNAL_ERROR } from '../core/common/errorCodes';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

// Same policy as the Electron window: nothing but this origin, no inline script.
export { CONTENT_SECURITY_POLICY };

const MIME = new Map<string, string>(
  Object.entries({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.json': 'application/json',
    '.woff2': 'font/woff2',
  }),
);

export interface HostOptions {
  handlers: Handlers;
  token: string;
  staticDir: string;
  log?: (e: unknown) => void;
}

/** Every API answer is an Envelope, the same value an IPC handler returns in Electron. */
function send(res: ServerResponse, status: number, body: Envelope<unknown>, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** A request without Origin (a top-level navigation, curl) or from this very origin. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return o.protocol === 'http:' && o.host === host;
  } catch {
    return false;
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const TOO_LARGE = new ApiFailure({ code: 'too-large', message: '请求内容过大（超过 32 MB），没有处理。导入的文件请不要超过 20 MB。' }, 413);

/**
 * Reads the body up to the cap. An oversized body is answered with 413 (not a reset
 * connection, which the renderer could only report as a network failure): a declared length
 * over the cap is refused before reading, an undeclared one is drained without being kept.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(TOO_LARGE);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        // a client that never stops sending is cut off after a generous drain
        if (size > MAX_BODY_BYTES * 4) req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(TOO_LARGE) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Deepest nesting a real call has is 4–5 levels; anything far deeper is hostile. */
export const MAX_JSON_DEPTH = 32;

/**
 * Depth of the JSON's nesting, counted in one linear pass outside strings, so a body such as
 * `[[[[…` a million deep is refused before JSON.parse or the schema walk it.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function parseJsonBody(body: Buffer): unknown {
  if (!body.length) return {};
  const text = body.toString('utf8');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new ApiFailure({ code: 'invalid-argument', message: '参数无效：请求内容嵌套层次过深。' }, 400);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiFailure({ code: 'invalid-argument', message: '参数无效：请求内容不是合法的 JSON。' }, 400);
  }
}

/** A percent-escape that does not decode (`/%E0%A4%A`) is the client's error, in Chinese. */
function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    throw new ApiFailure({ code: 'bad-url', message: '网址格式不正确（含有无法解码的 % 转义）。' }, 400);
  }
}

async function serveStatic(res: ServerResponse, staticDir: string, urlPath: string) {
  const rel = decodePath(urlPath === '/' ? '/index.html' : urlPath);
  const file = normalize(join(staticDir, rel));
  if (rel.includes('\0') || rel.includes('\\') || !file.startsWith(normalize(staticDir) + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME.get(extname(file)) ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  } catch {
    // Unknown paths get the app (client-side views), missing assets a 404.
    if (!extname(file)) return serveStatic(res, staticDir, '/index.html');
    res.writeHead(404).end();
  }
}

export function createHostServer(opts: HostOptions): Server {
  return createServer((req, res) => {
    void handle(req, res).catch((e) => {
      if (res.headersSent) {
        opts.log?.(e);
        res.end();
      } else if (e instanceof ApiFailure) send(res, e.status, { ok: false, error: e.error });
      else {
        opts.log?.(e);
        send(res, 500, { ok: false, error: INTERNAL_ERROR });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      send(res, 421, { ok: false, error: { code: 'bad-host', message: '只接受本机访问。' } });
      return;
    }
    // No cross-origin access of any kind: a page elsewhere gets neither a preflight answer
    // nor a response (and, having no token, could not use one).
    if (req.method === 'OPTIONS' || !sameOrigin(req.headers.origin, req.headers.host)) {
      send(res, 403, { ok: false, error: { code: 'cross-origin', message: '已拒绝来自其他网页的请求。' } });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!tokenMatches(req.headers.authorization, opts.token)) {
        send(res, 401, { ok: false, error: { code: 'unauthorized', message: '缺少或错误的访问令牌。' } }, { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      if (url.pathname === '/api' && req.method === 'GET') {
        send(res, 200, { ok: true, result: methodNames });
        return;
      }
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { code: 'method-not-allowed', message: '只接受 POST 请求。' } });
        return;
      }
      const args = parseJsonBody(await readBody(req));
      const result = await dispatch(opts.handlers, url.pathname.slice('/api/'.length), args, opts.log);
      send(res, 200, { ok: true, result });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    await serveStatic(res, opts.staticDir, url.pathname);
  }
}
