/**
 * Importing runs in the background now (the app stays usable), so 报告库 says a file is being
 * imported and does not offer a second import until the first has an answer — success or a
 * Chinese error such as the time limit's.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const pending: { resolve(v: unknown): void; reject(e: unknown): void }[] = [];
vi.mock('../../renderer/api/client', () => ({
  api: new Proxy(
    {},
    {
      get: (_t, method) => (method === 'reports.import' ? () => new Promise((resolve, reject) => pending.push({ resolve, reject })) : async () => []),
    },
  ),
  isDesktop: false,
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

const { LibraryView } = await import('../../renderer/features/library/LibraryView');
const { useLibrary } = await import('../../renderer/store/library');
const { useUi } = await import('../../renderer/store/ui');

afterEach(() => {
  cleanup();
  pending.length = 0;
  useUi.setState({ toasts: [] });
});

const importButton = () => screen.getAllByRole('button').find((b) => /导入报告|正在导入/.test(b.textContent ?? ''))!;

describe('报告库 while a file is being imported', () => {
  it('shows which file is being imported, holds back another import, and clears when the import succeeds', async () => {
    render(<LibraryView />);
    expect(importButton().hasAttribute('disabled')).toBe(false);

    let done!: Promise<string | null>;
    act(() => {
      done = useLibrary.getState().importData('北京市政府工作报告.docx', 'AA==', undefined, '征求意见稿');
    });
    expect(screen.getByRole('status').textContent).toContain('正在导入“北京市政府工作报告.docx”');
    expect(importButton().textContent).toBe('正在导入…');
    expect(importButton().hasAttribute('disabled')).toBe(true);

    await act(async () => {
      pending[0].resolve({ reportId: 'r1', versionId: 'v1', report: { id: 'r1', title: '北京市政府工作报告', versions: [] }, repairs: [] });
      expect(await done).toBe('v1');
    });
    expect(screen.queryByRole('status')).toBeNull();
    expect(importButton().hasAttribute('disabled')).toBe(false);
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual(['已导入《北京市政府工作报告》']);
  });

  it('clears as well when the import is refused, and shows the Chinese message', async () => {
    render(<LibraryView />);
    let done!: Promise<string | null>;
    act(() => {
      done = useLibrary.getState().importData('坏文件.docx', 'AA==', undefined, '征求意见稿');
    });
    expect(screen.getByRole('status')).toBeTruthy();
    await act(async () => {
      pending[0].reject(new Error('导入超时：文件可能已损坏或结构异常，已停止处理（超过 60 秒）。'));
      expect(await done).toBeNull();
    });
    expect(screen.queryByRole('status')).toBeNull();
    expect(useUi.getState().toasts).toMatchObject([{ kind: 'error', text: '导入超时：文件可能已损坏或结构异常，已停止处理（超过 60 秒）。' }]);
  });
});
