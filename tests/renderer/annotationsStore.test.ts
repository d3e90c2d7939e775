import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnnotationApi } from './fakeApi';

const fake = fakeAnnotationApi();
vi.mock('../../renderer/api/client', () => ({ api: fake.api, isDesktop: false, errorMessage: (e: unknown) => String(e) }));

const { useAnnotations, filterAnnotations } = await import('../../renderer/store/annotations');

const target = (blockId: string, start: number, exact = '文字') => ({ blockId, start, end: start + exact.length, exact, prefix: '', suffix: '' });

describe('annotations store', () => {
  beforeEach(async () => {
    fake.rows.clear();
    await useAnnotations.getState().load('v1');
  });

  it('indexes highlights by block for painting', async () => {
    await useAnnotations.getState().create({ color: 'yellow', targets: [target('b1', 0), target('b2', 3)] });
    const { byBlock } = useAnnotations.getState();
    expect(byBlock.get('b1')).toHaveLength(1);
    expect(byBlock.get('b2')?.[0].target.start).toBe(3);
  });

  it('undoes and redoes create, edit and delete against the API, in order', async () => {
    const s = () => useAnnotations.getState();
    const a = (await s().create({ color: 'yellow', targets: [target('b1', 0)] }))!;
    await s().update(a.id, { note: '第一稿' });
    await s().update(a.id, { note: '第二稿' });
    await s().remove(a.id);
    expect(fake.live()).toHaveLength(0);

    await s().undo(); // restore
    expect(fake.live()[0].note).toBe('第二稿');
    await s().undo(); // back to 第一稿
    expect(fake.rows.get(a.id)!.note).toBe('第一稿');
    // two quick presses run one after the other, not interleaved
    await Promise.all([s().redo(), s().redo()]);
    expect(fake.live()).toHaveLength(0);
    expect(s().list).toHaveLength(0);
    await Promise.all([s().undo(), s().undo(), s().undo(), s().undo()]);
    expect(fake.live()).toHaveLength(0); // created → undone → gone
    expect(s().undoStack).toHaveLength(0);
  });

  it('Ctrl+Z pressed while a new mark is still being saved undoes that mark, not the step before it', async () => {
    const s = () => useAnnotations.getState();
    const first = (await s().create({ color: 'yellow', targets: [target('b1', 0)] }))!;
    await s().update(first.id, { note: '先写的批注' });
    // The back end has committed the second mark, but its answer has not reached the page yet.
    const create = fake.api['annotations.create'];
    let answer!: () => void;
    const held = new Promise<void>((r) => (answer = r));
    fake.api['annotations.create'] = async (a) => {
      const row = await create(a);
      await held;
      return row;
    };
    try {
      const making = s().create({ color: 'red', targets: [target('b2', 0)] });
      await Promise.resolve();
      expect(fake.live()).toHaveLength(2);
      const undoing = s().undo();
      answer();
      await Promise.all([making, undoing]);
    } finally {
      fake.api['annotations.create'] = create;
    }
    expect(fake.live().map((a) => a.id)).toEqual([first.id]);
    expect(fake.rows.get(first.id)!.note).toBe('先写的批注');
    expect(s().list.map((a) => a.id)).toEqual([first.id]);
  });

  it('a new action clears the redo stack', async () => {
    const s = () => useAnnotations.getState();
    await s().create({ color: 'red', targets: [target('b1', 0)] });
    await s().undo();
    expect(s().redoStack).toHaveLength(1);
    await s().create({ color: 'blue', targets: [target('b1', 5)] });
    expect(s().redoStack).toHaveLength(0);
  });

  it('filters by colour, tag and text, in document order', async () => {
    const s = () => useAnnotations.getState();
    await s().create({ color: 'yellow', note: '就业数据', tags: ['就业'], targets: [target('b2', 0)] });
    await s().create({ color: 'blue', note: '养老', targets: [target('b1', 9)] });
    await s().create({ color: 'yellow', note: '教育', targets: [target('b1', 2)] });
    const order = new Map([
      ['b1', 0],
      ['b2', 1],
    ]);
    const all = filterAnnotations(s().list, { colors: [], tag: null, text: '' }, order);
    expect(all.map((a) => a.note)).toEqual(['教育', '养老', '就业数据']);
    expect(filterAnnotations(s().list, { colors: ['yellow'], tag: null, text: '' }, order).map((a) => a.note)).toEqual(['教育', '就业数据']);
    expect(filterAnnotations(s().list, { colors: [], tag: '就业', text: '' }, order).map((a) => a.note)).toEqual(['就业数据']);
    expect(filterAnnotations(s().list, { colors: [], tag: null, text: '养老' }, order).map((a) => a.note)).toEqual(['养老']);
  });
});
