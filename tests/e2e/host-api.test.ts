import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../helpers/host';

describe('browser host over HTTP', () => {
  let host: RunningHost;
  const dataDir = mkdtempSync(join(tmpdir(), 'rd-host-'));
  beforeAll(async () => {
    host = await startHost({ dataDir });
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 401 without or with a wrong token, and does nothing', async () => {
    const none = await host.raw('settings.set', { key: 'x', value: 'y' }, {});
    expect(none.status).toBe(401);
    const wrong = await host.raw('settings.set', { key: 'x', value: 'y' }, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { ok: boolean }).ok).toBe(false);
    expect(await host.call('settings.get', { key: 'x' })).toEqual({ key: 'x', value: null });
  });

  it('lists the method names on GET /api', async () => {
    const res = await fetch(`${host.origin}/api`, { headers: { Authorization: `Bearer ${host.token}` } });
    const body = (await res.json()) as { ok: boolean; result: string[]; error: { code: string; message: string } };
    expect(body.ok).toBe(true);
    expect(body.result).toEqual(expect.arrayContaining(['reports.list', 'reports.get', 'settings.get', 'settings.set']));
  });

  it('answers 400 with the validation message on invalid arguments, writing nothing', async () => {
    const res = await host.raw('settings.set', { key: '', value: 'v' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; result: string[]; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(body.error.message).toMatch(/key/);
    const bad = await fetch(`${host.origin}/api/settings.set`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(Object.keys(await host.call<Record<string, string>>('settings.all'))).not.toContain('');
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await res.text()).toContain('<div id="root">');
    expect((await fetch(`${host.origin}/..%2f..%2fpackage.json`)).status).not.toBe(200);
  });

  it('keeps a setting across a host restart', async () => {
    await host.call('settings.set', { key: 'author.name', value: '李代表' });
    await host.stop();
    host = await startHost({ dataDir });
    expect(await host.call('settings.get', { key: 'author.name' })).toEqual({ key: 'author.name', value: '李代表' });
    const reports = await host.call<{ versions: unknown[] }[]>('reports.list');
    expect(reports).toHaveLength(1); // the bundled report is seeded once, not again on restart
  });
});
