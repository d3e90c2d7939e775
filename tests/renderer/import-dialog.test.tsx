/**
 * The import dialog: the version's name is chosen before anything is written, and a question the
 * back end asks (another report offered as a version, the same text again) is answered here.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls: Record<string, unknown>[] = [];
const answers: unknown[] = [];
vi.mock('../../renderer/api/client', () => ({
  api: new Proxy(
    {},
    {
      get: (_t, method) =>
        method === 'reports.import'
          ? async (args: Record<string, unknown>) => {
              calls.push(args);
              return answers.shift();
            }
          : method === 'reports.list'
            ? async () => [{ id: 'r1', title: '咸宁市政府工作报告', versions: [{ id: 'v1', label: '大会印发稿' }] }]
            : async () => [],
    },
  ),
  isDesktop: false,
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

const { ImportDialog } = await import('../../renderer/features/library/ImportDialog');
const { useLibrary } = await import('../../renderer/store/library');
const { useUi } = await import('../../renderer/store/ui');

const imported = (versionId: string) => ({ reportId: 'r2', versionId, report: { id: 'r2', title: '湖北省政府工作报告', versions: [] }, repairs: [] });
const button = (name: string) => screen.getByRole('button', { name });

afterEach(() => {
  cleanup();
  calls.length = 0;
  answers.length = 0;
  useUi.setState({ toasts: [] });
  useLibrary.setState({ pending: null });
});

describe('the import dialog', () => {
  it('asks for the version’s name first (修改稿 offered for a new version), then imports under it', async () => {
    await useLibrary.getState().load();
    render(<ImportDialog />);
    let done!: Promise<string | null>;
    act(() => {
      done = useLibrary.getState().importData('修改稿.txt', 'AA==', 'r1');
    });
    expect(calls).toEqual([]); // nothing sent before the name is chosen
    expect(screen.getByLabelText<HTMLInputElement>('修改稿').checked).toBe(true);
    fireEvent.click(screen.getByLabelText('大会印发稿'));
    answers.push(imported('v2'));
    await act(async () => fireEvent.click(button('导入')));
    expect(await done).toBe('v2');
    expect(calls).toMatchObject([{ fileName: '修改稿.txt', reportId: 'r1', label: '大会印发稿', accept: [] }]);
  });

  it('takes the user’s own name, and asks before adding another report as a version', async () => {
    render(<ImportDialog />);
    let done!: Promise<string | null>;
    act(() => {
      done = useLibrary.getState().importData('湖北.docx', 'AA==', 'r1');
    });
    fireEvent.change(screen.getByPlaceholderText(/第二次征求意见稿/), { target: { value: '第二次征求意见稿' } });
    answers.push({
      question: 'different-report',
      fileName: '湖北.docx',
      fileTitle: '湖北省政府工作报告',
      reportTitle: '咸宁市政府工作报告',
      coverage: 0.02,
      existing: null,
    });
    await act(async () => fireEvent.click(button('导入')));
    expect(screen.getByRole('dialog').textContent).toContain('只有约 2% 的内容能逐段对上');
    answers.push(imported('v9'));
    await act(async () => fireEvent.click(button('作为新报告导入')));
    expect(await done).toBe('v9');
    expect(calls[1]).toMatchObject({ label: '第二次征求意见稿', reportId: undefined });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the copy already in the library when the same text comes again', async () => {
    render(<ImportDialog />);
    let done!: Promise<string | null>;
    act(() => {
      done = useLibrary.getState().importData('咸宁-GB18030.txt', 'AA==');
    });
    answers.push({
      question: 'same-text',
      fileName: '咸宁-GB18030.txt',
      fileTitle: '政府工作报告',
      reportTitle: '',
      coverage: 1,
      existing: { reportId: 'r1', versionId: 'v1', reportTitle: '咸宁市政府工作报告', label: '大会印发稿' },
    });
    await act(async () => fireEvent.click(button('导入')));
    expect(screen.getByRole('dialog').textContent).toContain('《咸宁市政府工作报告》的“大会印发稿”相同');
    act(() => {
      fireEvent.click(button('打开已有的'));
    });
    expect(await done).toBe('v1');
    expect(calls).toHaveLength(1);
  });
});
