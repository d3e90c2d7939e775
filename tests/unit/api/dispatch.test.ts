import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { contract, methodNames } from '../../../electron/api/contract';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-api-');
const { failure } = env;

describe('the contract', () => {
  it('names every method noun.verb and has a handler for each', () => {
    for (const m of methodNames) {
      expect(m).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(typeof (env.backend.handlers as Record<string, unknown>)[m]).toBe('function');
    }
    expect(Object.keys(env.backend.handlers).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(contract)).toEqual(expect.arrayContaining(['reports.list', 'reports.get', 'settings.get', 'settings.set']));
  });

  it('seeds the bundled report on first start, once', async () => {
    const reports = (await dispatch(env.backend.handlers, 'reports.list', {})) as { title: string; versions: unknown[] }[];
    expect(reports).toHaveLength(1);
    expect(reports[0].title).toContain('政府工作报告');
  });

  it('rejects unknown fields, wrong types and malformed ids with a Chinese message, writing nothing', async () => {
    const before = await dispatch(env.backend.handlers, 'settings.all', {});
    const e1 = await failure('settings.set', { key: 'a', value: 'b', extra: 1 });
    expect(e1.status).toBe(400);
    expect(e1.error.code).toBe('invalid-argument');
    expect(e1.error.message).toMatch(/参数无效/);
    const e2 = await failure('settings.set', { key: 'a', value: 42 });
    expect(e2.error.message).toMatch(/value/);
    const e3 = await failure('reports.get', { versionId: '../../etc/passwd' });
    expect(e3.status).toBe(400);
    expect(await dispatch(env.backend.handlers, 'settings.all', {})).toEqual(before);
  });

  it('answers an unknown method with 404, and a missing record with a typed Chinese error', async () => {
    expect((await failure('system.exec', {})).status).toBe(404);
    const e = await failure('reports.get', { versionId: '00000000-0000-4000-8000-000000000000' });
    expect(e.error.code).toBe('not-found/version');
    expect(e.error.message).toMatch(/找不到/);
  });
});
