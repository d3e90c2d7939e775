/**
 * The pieces of the reading flow that need no browser: where a popover goes near the window's
 * edges, and notes typed just before the page goes away (journal, replay, the keepalive flush).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnnotationApi } from './fakeApi';
import { placeNear } from '../../renderer/features/reader/popover';

const fake = fakeAnnotationApi();
const unloadCalls: { id: string; note?: string }[] = [];
const onUnload = {
  ...fake.api,
  'annotations.update': async (a: { id: string; note?: string }) => {
    unloadCalls.push(a);
    return fake.api['annotations.update'](a);
  },
};
vi.mock('../../renderer/api/client', () => ({ api: fake.api, apiOnUnload: onUnload, isDesktop: false, errorMessage: (e: unknown) => String(e) }));

const { useAnnotations } = await import('../../renderer/store/annotations');
// as the app does when it mounts
(await import('../../renderer/pageLifecycle')).installPageLifecycle();
const JOURNAL = 'reviewdesk.noteJournal';
const target = { blockId: 'b1', start: 0, end: 2, exact: '文字', prefix: '', suffix: '' };

describe('placeNear keeps a popover inside the window', () => {
  const view = { width: 1280, height: 720 };
  const size = { width: 300, height: 200 };

  it('goes below a point with room, and above it near the bottom edge', () => {
    expect(placeNear({ top: 100, bottom: 100, left: 50, right: 50 }, size, { prefer: 'below', align: 'start' }, view)).toEqual({ top: 108, left: 50 });
    const near = placeNear({ top: 690, bottom: 690, left: 50, right: 50 }, size, { prefer: 'below', align: 'start' }, view);
    expect(near.top + size.height).toBeLessThanOrEqual(690);
  });

  it('never leaves the right edge or overlaps a selection at the very top', () => {
    const p = placeNear({ top: 4, bottom: 30, left: 1200, right: 1270 }, { width: 560, height: 40 }, { prefer: 'above', align: 'center' }, view);
    expect(p.left + 560).toBeLessThanOrEqual(view.width - 8);
    expect(p.top).toBeGreaterThanOrEqual(30);
  });

  it('keeps its top-left corner on screen when it is larger than the window', () => {
    expect(placeNear({ top: 300, bottom: 320, left: 600, right: 640 }, { width: 2000, height: 900 }, { prefer: 'below', align: 'center' }, view)).toEqual({
      top: 8,
      left: 8,
    });
  });
});

describe('notes typed just before the page goes away', () => {
  beforeEach(async () => {
    fake.rows.clear();
    unloadCalls.length = 0;
    localStorage.clear();
    await useAnnotations.getState().load('v1');
  });

  it('journals every keystroke until the save is confirmed', async () => {
    const a = (await useAnnotations.getState().create({ color: 'yellow', targets: [target] }))!;
    useAnnotations.getState().typeNote(a.id, '核实');
    expect(JSON.parse(localStorage.getItem(JOURNAL)!)[a.id]).toEqual({ text: '核实', before: '' });
    await useAnnotations.getState().flushNote(a.id);
    expect(fake.rows.get(a.id)!.note).toBe('核实');
    expect(localStorage.getItem(JOURNAL)).toBeNull();
  });

  it('sends pending notes with the page-closing API on pagehide', async () => {
    const a = (await useAnnotations.getState().create({ color: 'yellow', targets: [target] }))!;
    useAnnotations.getState().typeNote(a.id, '会上再议');
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(fake.rows.get(a.id)!.note).toBe('会上再议'));
    expect(unloadCalls).toEqual([{ id: a.id, note: '会上再议' }]);
    await vi.waitFor(() => expect(localStorage.getItem(JOURNAL)).toBeNull());
  });

  it('replays a journaled note at the next start over the text it was typed on, and only then', async () => {
    const a = (await useAnnotations.getState().create({ color: 'yellow', note: '旧', targets: [target] }))!;
    const b = (await useAnnotations.getState().create({ color: 'blue', note: '别处改过', targets: [target] }))!;
    localStorage.setItem(JOURNAL, JSON.stringify({ [a.id]: { text: '新写的', before: '旧' }, [b.id]: { text: '迟到的', before: '原来' } }));
    await useAnnotations.getState().load('v1');
    expect(fake.rows.get(a.id)!.note).toBe('新写的');
    expect(useAnnotations.getState().list.find((x) => x.id === a.id)!.note).toBe('新写的');
    expect(fake.rows.get(b.id)!.note).toBe('别处改过'); // changed elsewhere since: left alone
    expect(localStorage.getItem(JOURNAL)).toBeNull();
  });
});
