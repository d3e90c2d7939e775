/**
 * The drafts store's autosave over a fake API: typing is saved after a pause (one request for a
 * burst of keystrokes), at once on blur/flush, with keepalive when the page is hidden, and
 * replayed from the local journal when the page died before any request got out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Row {
  id: string;
  kind: string;
  fields: Record<string, string>;
  status: string;
  targets: unknown[];
  deleted?: boolean;
}
const rows = new Map<string, Row>();
/** The parts of the drafts.* arguments the fake reads (each method sends a subset). */
interface DraftArgs {
  id: string;
  kind: string;
  fields?: Record<string, string>;
  status?: string;
  targets: unknown[];
}
const calls: { method: string; args: DraftArgs; keepalive: boolean }[] = [];
let failNext = false;
/** While set, drafts.list answers only once it resolves (with the rows as they were when asked). */
let holdList: Promise<void> | null = null;

const view = (r: Row) => ({
  ...r,
  reportId: 'r1',
  versionId: 'v1',
  title: '',
  author: '',
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
  label: '',
  wording: '',
  preview: '',
  validation: { errors: [], warnings: [], infos: [] },
});

function makeApi(keepalive: boolean) {
  const handlers: Record<string, (a: DraftArgs) => unknown> = {
    'drafts.list': async () => {
      const list = [...rows.values()].filter((r) => !r.deleted).map(view);
      if (holdList) await holdList;
      return list;
    },
    'drafts.kinds': () => [],
    'drafts.create': (a) => {
      const r: Row = {
        id: `d${rows.size + 1}`,
        kind: a.kind,
        fields: { op: 'modify', original: '', proposed: '', reason: '', ...a.fields },
        status: 'draft',
        targets: a.targets,
      };
      rows.set(r.id, r);
      return view(r);
    },
    'drafts.update': (a) => {
      if (failNext) {
        failNext = false;
        throw new Error('无法连接审议台后台');
      }
      const r = rows.get(a.id)!;
      if (a.fields) r.fields = { ...r.fields, ...a.fields };
      if (a.status) r.status = a.status;
      return view(r);
    },
    'drafts.delete': (a) => {
      const r = rows.get(a.id)!;
      r.deleted = true;
      return view(r);
    },
    'drafts.restore': (a) => {
      const r = rows.get(a.id)!;
      r.deleted = false;
      return view(r);
    },
    // the annotations slice (which holds the shared undo stack) loads beside the drafts
    'annotations.list': () => [],
    'annotations.tags': () => [],
  };
  return new Proxy(
    {},
    {
      get: (_t, method: string) => async (args: DraftArgs) => {
        calls.push({ method, args, keepalive });
        return handlers[method](args);
      },
    },
  );
}

vi.mock('../../renderer/api/client', () => ({ api: makeApi(false), apiOnUnload: makeApi(true), isDesktop: false, errorMessage: (e: unknown) => String(e) }));

const { useDrafts, AUTOSAVE_MS } = await import('../../renderer/store/drafts');
// as the app does when it mounts
(await import('../../renderer/pageLifecycle')).installPageLifecycle();
const { useAnnotations } = await import('../../renderer/store/annotations');
const { useReader } = await import('../../renderer/store/reader');
const { useUi } = await import('../../renderer/store/ui');
const s = () => useDrafts.getState();
const updates = () => calls.filter((c) => c.method === 'drafts.update');

describe('drafts store autosave', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    rows.clear();
    calls.length = 0;
    localStorage.clear();
    await s().load('r1');
  });
  afterEach(() => vi.useRealTimers());

  it('saves a burst of typing once, after the pause, and shows 正在保存 until then', async () => {
    const d = (await s().create('amendment', 'v1', [], { original: '地区生产总值' }))!;
    expect(s().save[d.id]).toBe('saved');
    for (const text of ['全', '全市', '全市生产', '全市生产总值']) s().edit(d.id, { proposed: text });
    expect(s().list[0].fields).toMatchObject({ proposed: '全市生产总值' }); // shown at once
    expect(s().save[d.id]).toBe('dirty');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100);
    expect(updates()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(updates()).toHaveLength(1);
    expect(rows.get(d.id)!.fields.proposed).toBe('全市生产总值');
    expect(s().save[d.id]).toBe('saved');
    expect(localStorage.getItem('reviewdesk.draftJournal')).toBe('{}');
  });

  it('a draft started from the reader while the panel’s list is on its way stays listed and open', async () => {
    useReader.setState({ doc: { report: { id: 'r1' }, version: { id: 'v1' } } as never });
    let answer!: () => void;
    holdList = new Promise<void>((r) => (answer = r));
    try {
      const loading = s().load('r1'); // the 意见 panel mounting
      const d = (await s().startFrom('amendment', [], { original: '地区生产总值' }))!;
      answer();
      await loading;
      expect(s().list.map((x) => x.id)).toEqual([d.id]);
      expect(s().openId).toBe(d.id);
      expect(useUi.getState().sideTab).toBe('drafts');
    } finally {
      holdList = null;
      useReader.setState({ doc: null });
    }
  });

  it('flushes on blur without waiting, and sends with keepalive when the page is hidden', async () => {
    const d = (await s().create('amendment', 'v1', []))!;
    s().edit(d.id, { reason: '口径' });
    await s().flush(d.id);
    expect(updates()).toHaveLength(1);
    expect(rows.get(d.id)!.fields.reason).toBe('口径');

    s().edit(d.id, { reason: '口径不一致' });
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    const last = updates().at(-1)!;
    expect(last.keepalive).toBe(true);
    expect(last.args.fields?.reason).toBe('口径不一致');
    expect(rows.get(d.id)!.fields.reason).toBe('口径不一致');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2);
    expect(updates()).toHaveLength(2); // the idle timer was cancelled: no duplicate save
  });

  it('keeps typed text in the journal when saving fails, retries, and replays it after a restart', async () => {
    const d = (await s().create('proposal', 'v1', []))!;
    failNext = true;
    s().edit(d.id, { reason: '第一稿' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(s().save[d.id]).toBe('error');
    expect(JSON.parse(localStorage.getItem('reviewdesk.draftJournal')!)[d.id].fields.reason).toBe('第一稿');
    await vi.advanceTimersByTimeAsync(3100); // retry
    expect(rows.get(d.id)!.fields.reason).toBe('第一稿');
    expect(s().save[d.id]).toBe('saved');

    // A page that died before its save got out: only the journal has the text.
    localStorage.setItem('reviewdesk.draftJournal', JSON.stringify({ [d.id]: { fields: { ...rows.get(d.id)!.fields, reason: '第二稿' }, at: 1 } }));
    await s().load('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(rows.get(d.id)!.fields.reason).toBe('第二稿');
    expect(s().list[0].fields).toMatchObject({ reason: '第二稿' });
  });

  it('deletes with an undo toast', async () => {
    const d = (await s().create('opinion', 'v1', []))!;
    await s().remove(d.id);
    expect(s().list).toHaveLength(0);
    const { useUi } = await import('../../renderer/store/ui');
    expect(useUi.getState().toasts.at(-1)?.action?.label).toBe('撤销');
  });

  it('puts creating, editing and deleting a draft on the one undo stack, edits of one field as one step', async () => {
    await useAnnotations.getState().load('v1'); // a fresh stack, as opening a report gives
    const undo = () => useAnnotations.getState().undo();
    const redo = () => useAnnotations.getState().redo();
    const d = (await s().create('opinion', 'v1', []))!;
    // typing with pauses: several saves, one undo step until the field is left
    s().edit(d.id, { content: '建议' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    s().edit(d.id, { content: '建议补充数据' });
    await s().flush(d.id);
    s().edit(d.id, { reason: '口径' });
    await s().flush(d.id);
    await s().remove(d.id);
    expect(rows.get(d.id)!.deleted).toBe(true);
    expect(useAnnotations.getState().undoStack).toHaveLength(4); // create, content, reason, delete

    await undo(); // the deletion
    expect(rows.get(d.id)!.deleted).toBe(false);
    expect(s().list.map((x) => x.id)).toEqual([d.id]);
    await undo(); // the reason
    expect(rows.get(d.id)!.fields.reason).toBe('');
    await undo(); // both saves of 内容 at once
    expect(rows.get(d.id)!.fields.content).toBe('');
    expect(s().list[0].fields).toMatchObject({ content: '' });
    await undo(); // the draft itself
    expect(rows.get(d.id)!.deleted).toBe(true);
    expect(s().list).toHaveLength(0);

    await redo();
    await redo();
    expect(rows.get(d.id)!).toMatchObject({ deleted: false, fields: { content: '建议补充数据' } });
    expect(s().list[0].fields).toMatchObject({ content: '建议补充数据' });
  });

  it('the delete toast’s 撤销 brings the draft back even after something else was done', async () => {
    await useAnnotations.getState().load('v1');
    const d = (await s().create('opinion', 'v1', [], { content: '内容' }))!;
    await s().remove(d.id);
    const { useUi } = await import('../../renderer/store/ui');
    const toast = useUi.getState().toasts.at(-1)!;
    await s().create('amendment', 'v1', []); // something else since
    toast.action!.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(rows.get(d.id)!.deleted).toBe(false);
    expect(s().list.some((x) => x.id === d.id)).toBe(true);
  });
});
