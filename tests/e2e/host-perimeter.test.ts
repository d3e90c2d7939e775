/**
 * The browser host as an attacker or an unlucky user meets it, over raw HTTP (node:http, so the
 * Host and Origin headers are really sent): DNS rebinding, cross-origin calls, path traversal,
 * oversized and pathological bodies, malformed escapes, paths to write to, a read-only data
 * folder. Every refusal is in Chinese, nothing is written, and the host's console never shows
 * a stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startHost, type RunningHost } from '../helpers/host';
import { DATABASE_FILE } from '../../electron/api/app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let host: RunningHost;
let stderr = '';
let port = 0;

function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) {
      const body = Buffer.from(opts.body);
      if (opts.chunked) {
        // no Content-Length: the host only learns the size while reading
        for (let at = 0; at < body.length; at += 1 << 20) req.write(body.subarray(at, at + (1 << 20)));
      } else req.write(body);
    }
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });
const api = (method: string, body: string | Buffer, headers: Record<string, string> = {}, chunked = false) =>
  raw({ method: 'POST', path: `/api/${method}`, headers: { ...auth(), ...headers }, body, chunked });

beforeAll(async () => {
  host = await startHost();
  port = Number(new URL(host.origin).port);
  host.proc.stderr!.on('data', (d) => (stderr += d));
});
afterAll(async () => {
  await host?.stop();
  // Whatever happened above, the console of the running host never showed a stack trace.
  expect(stderr).not.toMatch(/\n\s+at .+[:(]/);
});

describe('who may talk to the host', () => {
  it('refuses a request naming another host (DNS rebinding) with 421, before the token or the body', async () => {
    for (const name of ['evil.example', '127.0.0.1.evil.example', `evil.example:${port}`, `localhost.evil.example:${port}`]) {
      const res = await api('settings.set', JSON.stringify({ key: 'x', value: 'rebound' }), { Host: name });
      expect(res.status, name).toBe(421);
      expect(JSON.parse(res.body).error.message).toMatch(/本机/);
    }
    expect(await host.call('settings.get', { key: 'x' })).toEqual({ key: 'x', value: null });
  });

  it('answers no CORS preflight and no cross-origin call, even with the token', async () => {
    const pre = await raw({
      method: 'OPTIONS',
      path: '/api/settings.set',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-headers']).toBeUndefined();
    const cross = await api('settings.set', JSON.stringify({ key: 'x', value: 'cross' }), { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(cross.body).error.message).toMatch(/其他网页/);
    expect(await host.call('settings.get', { key: 'x' })).toEqual({ key: 'x', value: null });
    // the app's own page (same origin) is of course allowed
    const own = await api('settings.get', JSON.stringify({ key: 'x' }), { Origin: host.origin });
    expect(own.status).toBe(200);
  });
});

describe('what the host serves', () => {
  it('never serves a file outside the built renderer, however the path is written', async () => {
    const secret = readFileSync(join(ROOT, 'package.json'), 'utf8').slice(0, 40);
    const paths = [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%252e%252e/%252e%252e/package.json',
      '/....//....//package.json',
      '/%00../package.json',
      '/index.html%00.png',
    ];
    for (const path of paths) {
      const res = await raw({ path });
      expect(res.body.includes(secret), path).toBe(false);
      if (res.status === 200) expect(res.body, path).toContain('<div id="root">');
    }
  });

  it('answers a malformed percent-escape with 400 in Chinese, not a crash', async () => {
    const res = await raw({ path: '/assets/%E0%A4%A' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/网址格式不正确/);
    expect((await raw({ path: '/' })).status).toBe(200);
  });
});

describe('what the host accepts', () => {
  it('answers an oversized body with 413 in Chinese — declared or streamed — and the connection is not reset', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 0x20);
    for (const chunked of [false, true]) {
      const res = await api('settings.set', big, {}, chunked);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.message).toMatch(/过大/);
    }
    expect((await api('settings.get', JSON.stringify({ key: 'x' }))).status).toBe(200);
  });

  it('refuses deeply nested JSON with 400 in Chinese', async () => {
    const deep = `{"key":"a","value":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const res = await api('settings.set', deep);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/嵌套/);
    const wide = `{"key":"a","value":"${'['.repeat(1000)}"}`; // brackets inside a string are text
    expect((await api('settings.set', wide)).status).toBe(200);
  });

  it('never writes to a path a request names: the browser host has no save dialog', async () => {
    const [report] = await host.call<{ id: string }[]>('reports.list');
    const target = join(host.dataDir, 'written-by-request.csv');
    for (const [method, args] of [
      ['export.csv', { what: 'amendments', reportId: report.id, destination: target }],
      ['bundles.export', { reportId: report.id, destination: target.replace('.csv', '.reviewdesk') }],
    ] as const) {
      const res = await api(method, JSON.stringify(args));
      expect(res.status, method).toBe(422);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'destination/refused' });
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(target.replace('.csv', '.reviewdesk'))).toBe(false);
    // without a destination the bytes come back for a download, as the renderer asks
    const ok = await host.call<{ dataBase64: string }>('export.csv', { what: 'amendments', reportId: report.id });
    expect(ok.dataBase64.length).toBeGreaterThan(0);
  });
});

describe('a data folder the host cannot write', () => {
  it('refuses to start with a Chinese reason, and leaves the data file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-readonly-'));
    const first = await startHost({ dataDir: dir, keepData: true });
    await first.call('settings.set', { key: 'author.name', value: '王代表' });
    await first.stop();
    const file = join(dir, DATABASE_FILE);
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    chmodSync(dir, 0o555);
    try {
      // root ignores permissions: run the host as "nobody" there, as an ordinary user would be
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const r = spawnSync(process.execPath, [join(ROOT, 'out/host/index.cjs'), '--port', '0', '--data', dir], { ...asUser, encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/审议台：.*(只读|不可写|权限)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(hash()).toBe(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
