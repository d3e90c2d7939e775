/**
 * One bad record shows a message where its view was, not a white window: the real 报告库 view
 * fed a version whose meta lacks `repairs` (as a damaged bundle once delivered) inside the
 * boundary App.tsx puts around it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';

vi.mock('../../renderer/api/client', () => ({
  api: new Proxy({}, { get: () => async () => [] }),
  isDesktop: false,
  errorMessage: (e: unknown) => String(e),
}));

const { ErrorBoundary } = await import('../../renderer/components/ErrorBoundary');
const { LibraryView } = await import('../../renderer/features/library/LibraryView');
const { useLibrary } = await import('../../renderer/store/library');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function damagedReport() {
  return {
    id: 'r1',
    title: '某市政府工作报告',
    region: '某市',
    year: 2025,
    kind: 'gov-work-report',
    versions: [{ id: 'v1', label: '大会印发稿', importedAt: '2025-01-01T00:00:00.000Z', sourceName: 'a.txt', meta: { blockCount: 3 } }],
  };
}

describe('error boundaries', () => {
  it('a version with damaged meta makes 报告库 show a Chinese message, and the rest of the window lives on', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    useLibrary.setState({ reports: [damagedReport()] as never, loaded: true, load: async () => {} });
    render(
      <div>
        <header>导航仍在</header>
        <ErrorBoundary part="报告库">
          <LibraryView />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/报告库暂时无法显示/);
    expect(screen.getByRole('alert').textContent).toMatch(/已保存的内容没有受影响/);
    expect(screen.getByText('导航仍在')).toBeTruthy();
  });

  it('重试 and a new reset key draw the view again once the data is good', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('bad record');
      return <p>正文</p>;
    }
    function Host() {
      const [key, setKey] = useState(1);
      return (
        <>
          <button onClick={() => setKey((k) => k + 1)}>换一个版本</button>
          <ErrorBoundary part="报告正文" resetKey={key}>
            <Fragile />
          </ErrorBoundary>
        </>
      );
    }
    render(<Host />);
    expect(screen.getByRole('alert').textContent).toMatch(/报告正文暂时无法显示/);
    fireEvent.click(screen.getByText('重试'));
    expect(screen.getByRole('alert')).toBeTruthy(); // still broken: the message stays
    broken = false;
    fireEvent.click(screen.getByText('换一个版本'));
    expect(screen.getByText('正文')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
