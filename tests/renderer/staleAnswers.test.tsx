/**
 * A deputy clicks quickly: version A, then version B before A's text has arrived; or one pair in
 * 版本对照, then another while the first diff is still being computed. The answer that arrives
 * last must not win — the screen shows what was chosen last. And a version that cannot be opened
 * says so in Chinese instead of leaving the view half-switched.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Pending {
  method: string;
  args: Record<string, string>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}
const pending: Pending[] = [];
/** Methods answered at once (the rest wait in `pending` until the test answers them). */
const immediate: Record<string, (args: Record<string, string>) => unknown> = {
  'settings.set': () => ({}),
  'annotations.list': () => [],
  'annotations.tags': () => [],
  'drafts.list': () => [],
  'revisions.notices': () => [],
};

vi.mock('../../renderer/api/client', () => {
  const api = new Proxy(
    {},
    {
      get: (_t, method: string) => (args: Record<string, string>) =>
        method in immediate ? Promise.resolve(immediate[method](args)) : new Promise((resolve, reject) => pending.push({ method, args, resolve, reject })),
    },
  );
  return { api, apiOnUnload: api, isDesktop: false, errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)) };
});

const { useReader } = await import('../../renderer/store/reader');
const { useLibrary } = await import('../../renderer/store/library');
const { useUi } = await import('../../renderer/store/ui');
const { useCompare } = await import('../../renderer/features/compare/useCompare');

/** The pending call of `method` whose arguments include `match`. */
function answer(method: string, match: Record<string, string>, value: unknown) {
  const i = pending.findIndex((p) => p.method === method && Object.entries(match).every(([k, v]) => p.args[k] === v));
  if (i < 0) throw new Error(`no pending ${method} ${JSON.stringify(match)}; pending: ${pending.map((p) => p.method).join(', ')}`);
  const [p] = pending.splice(i, 1);
  p.resolve(value);
}
function fail(method: string, message: string) {
  const i = pending.findIndex((p) => p.method === method);
  const [p] = pending.splice(i, 1);
  p.reject(new Error(message));
}

const version = (id: string, ord: number) => ({
  id,
  reportId: 'r',
  label: `第${ord + 1}稿`,
  ord,
  importedAt: '',
  sourceName: '',
  sourceSha256: '',
  sourceSize: 0,
  meta: {},
});
const doc = (versionId: string, text: string) => ({
  report: { id: 'r', title: '政府工作报告', year: 2025, region: '', versions: [] },
  version: version(versionId, 0),
  blocks: [
    { id: `${versionId}-p1`, ord: 0, kind: 'paragraph', text, path: '', level: 0, part: null, section: null, headingEnd: 0, leadEnd: 0, sentenceEnds: [] },
  ],
});

beforeEach(() => {
  pending.length = 0;
  useReader.setState({ doc: null, loading: false, openingVersionId: null });
  useUi.setState({ toasts: [] });
});
afterEach(() => cleanup());

describe('opening versions', () => {
  it('shows the version chosen last even when the one chosen first answers later', async () => {
    const first = useReader.getState().open('vA');
    const second = useReader.getState().open('vB');
    answer('reports.get', { versionId: 'vB' }, doc('vB', '第二稿的文字'));
    expect(await second).toBe(true);
    answer('reports.get', { versionId: 'vA' }, doc('vA', '第一稿的文字'));
    expect(await first).toBe(false);
    expect(useReader.getState().doc?.version.id).toBe('vB');
    expect(useReader.getState().doc?.blocks[0].text).toBe('第二稿的文字');
    expect(useReader.getState().loading).toBe(false);
  });

  it('a version that cannot be opened is said in Chinese, answers false and leaves the open version as it was', async () => {
    const ok = useReader.getState().open('vA');
    answer('reports.get', { versionId: 'vA' }, doc('vA', '正在读的版本'));
    await ok;
    const broken = useReader.getState().open('gone');
    fail('reports.get', '找不到该报告版本。');
    expect(await broken).toBe(false);
    expect(useReader.getState().doc?.version.id).toBe('vA');
    expect(useReader.getState().loading).toBe(false);
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual(['找不到该报告版本。']);
  });

  it('a failure overtaken by a later open is not toasted (the user has moved on)', async () => {
    const first = useReader.getState().open('gone');
    const second = useReader.getState().open('vB');
    answer('reports.get', { versionId: 'vB' }, doc('vB', '第二稿'));
    await second;
    fail('reports.get', '找不到该报告版本。');
    expect(await first).toBe(false);
    expect(useUi.getState().toasts).toEqual([]);
    expect(useReader.getState().doc?.version.id).toBe('vB');
  });
});

describe('版本对照 pairs', () => {
  const compareResult = (label: string) => ({ rows: [], changes: 1, formatOnly: 0, label });

  function answerPair(oldId: string, newId: string, label: string) {
    answer('versions.compare', { oldVersionId: oldId, newVersionId: newId }, compareResult(label));
    answer('versions.adoption', { fromVersionId: oldId, toVersionId: newId }, []);
    answer('versions.orphans', { versionId: newId }, []);
    answer('versions.marks', { versionId: newId }, []);
  }

  it('shows the diff of the pair chosen last, never an earlier pair’s late answer, and nothing stale while it loads', async () => {
    useLibrary.setState({
      reports: [{ id: 'r', title: '政府工作报告', year: 2025, region: '', versions: [version('v1', 0), version('v2', 1), version('v3', 2)] }] as never,
    });
    const opened = useReader.getState().open('v3');
    answer('reports.get', { versionId: 'v3' }, { ...doc('v3', '第三稿'), version: version('v3', 2) });
    await opened;

    const { result } = renderHook(() => useCompare());
    expect(result.current.pair).toEqual(['v2', 'v3']);
    await act(async () => answerPair('v2', 'v3', '二对三'));
    expect((result.current.data as unknown as { label: string }).label).toBe('二对三');

    act(() => result.current.setPair(['v1', 'v2']));
    // the old pair's diff is not shown under the new pair's names while the new one loads
    expect(result.current.data).toBeNull();
    expect(result.current.loading).toBe(true);
    act(() => result.current.setPair(['v1', 'v3']));
    await act(async () => answerPair('v1', 'v3', '一对三'));
    expect((result.current.data as unknown as { label: string }).label).toBe('一对三');
    await act(async () => answerPair('v1', 'v2', '一对二'));
    expect(result.current.pair).toEqual(['v1', 'v3']);
    expect((result.current.data as unknown as { label: string }).label).toBe('一对三');
    expect(result.current.loading).toBe(false);
  });
});
