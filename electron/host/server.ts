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
import { methodNames, type Handlers } from '../api/contract';
import { CONTENT_SECURITY_POLICY } from '../api/csp';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

// Same policy as the Electron window: nothing but this origin, no inline script.
export { CONTENT_SECURITY_POLICY };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface HostOptions {
  handlers: Handlers;
  token: string;
  staticDir: string;
  log?: (e: unknown) => void;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiFailure({ code: 'too-large', message: '请求内容过大（超过 32 MB）。' }, 413));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveStatic(res: ServerResponse, staticDir: string, urlPath: string) {
  const rel = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = normalize(join(staticDir, rel));
  if (!file.startsWith(normalize(staticDir) + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
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
      if (e instanceof ApiFailure) send(res, e.status, { ok: false, error: e.error });
      else {
        opts.log?.(e);
        send(res, 500, { ok: false, error: { code: 'internal', message: '操作未完成：程序内部出错。' } });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      send(res, 421, { ok: false, error: { code: 'bad-host', message: '只接受本机访问。' } });
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
      const body = await readBody(req);
      let args: unknown;
      try {
        args = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        throw new ApiFailure({ code: 'invalid-argument', message: '参数无效：请求内容不是合法的 JSON。' }, 400);
      }
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
