/**
 * Starts the real browser host (out/host/index.cjs, built by `npm run build`) on a free port with
 * a temporary data folder, and talks to it over HTTP like the renderer does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  proc: ChildProcess;
  call<T = unknown>(method: string, args?: unknown): Promise<T>;
  raw(method: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export interface HostOptions {
  dataDir?: string;
  keepData?: boolean;
  /** extra environment for the host process, e.g. REVIEWDESK_JOB_TIMEOUT_MS */
  env?: Record<string, string>;
}

export async function startHost(opts: HostOptions = {}): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'reviewdesk-e2e-'));
  const proc = spawn(process.execPath, [join(ROOT, 'out/host/index.cjs'), '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REVIEWDESK_TOKEN: undefined, ...opts.env },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 20_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /ReviewDesk web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`host exited ${code}: ${stderr}`)));
  });
  const u = new URL(url);
  const token = u.searchParams.get('token')!;
  const raw = (method: string, body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${token}` }) =>
    fetch(`${u.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return {
    url,
    origin: u.origin,
    token,
    dataDir,
    proc,
    raw,
    async call<T>(method: string, args: unknown = {}) {
      const res = await raw(method, args);
      const body = (await res.json()) as { ok: boolean; result: T; error?: { code: string; message: string } };
      if (!body.ok) throw Object.assign(new Error(body.error?.message), { code: body.error?.code, status: res.status });
      return body.result;
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
