/**
 * The passphrase steps of the exchange-bundle UI without a back end: the export fields refuse a
 * short or mistyped passphrase, and a sealed bundle opens a prompt that survives a wrong try.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeSealedBundleApi } from './fakeApi';

const fake = vi.hoisted((): { api: Record<string, unknown> } => ({ api: {} }));
vi.mock('../../renderer/api/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../renderer/api/client')>();
  return { ...real, api: new Proxy({}, { get: (_t, m: string) => fake.api[m] ?? (async () => []) }) };
});

const { ApiCallError } = await import('../../renderer/api/client');
const { BundleButtons } = await import('../../renderer/features/bundles/BundleButtons');
const { passphraseProblem } = await import('../../renderer/features/bundles/Passphrase');
const { useLibrary } = await import('../../renderer/store/library');

afterEach(() => cleanup());

describe('passphrase fields', () => {
  it('accept no passphrase, or one of six characters or more typed the same twice', () => {
    expect(passphraseProblem({ passphrase: '', confirm: '' })).toBeNull();
    expect(passphraseProblem({ passphrase: '甲组口令', confirm: '甲组口令' })).toMatch(/至少需要 6 个字符/);
    expect(passphraseProblem({ passphrase: '甲组口令2025', confirm: '甲组口令2024' })).toMatch(/不一致/);
    expect(passphraseProblem({ passphrase: '人民代表大会', confirm: '人民代表大会' })).toBeNull();
  });
});

describe('importing a sealed bundle', () => {
  it('asks for the passphrase, says so when it is wrong and lets the user try again, then shows the summary', async () => {
    const sealed = fakeSealedBundleApi('甲组口令2025', (code, message) => new ApiCallError(code, message));
    fake.api = { ...sealed.api, 'reports.list': async () => [] };
    useLibrary.setState({ reports: [], loaded: true, load: async () => {} });
    render(<BundleButtons />);
    const file = new File([new Uint8Array([0x52, 0x44])], '甲组.reviewdesk');
    fireEvent.change(screen.getByTestId('bundle-input'), { target: { files: [file] } });

    const field = await screen.findByLabelText('口令');
    expect(screen.getByTestId('bundle-unlock').textContent).toContain('“甲组.reviewdesk”设置了口令');
    fireEvent.change(field, { target: { value: '甲组口令2024' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByTestId('passphrase-error')).textContent).toMatch(/^口令不正确/);
    expect(screen.getByLabelText<HTMLInputElement>('口令').value).toBe('');

    fireEvent.change(screen.getByLabelText('口令'), { target: { value: '甲组口令2025' } });
    fireEvent.click(screen.getByRole('button', { name: '打开' }));
    await screen.findByTestId('bundle-summary');
    expect(screen.queryByTestId('bundle-unlock')).toBeNull();
    expect(sealed.tried).toEqual([undefined, '甲组口令2024', '甲组口令2025']);
  });

  it('cancelling the prompt imports nothing', async () => {
    const sealed = fakeSealedBundleApi('甲组口令2025', (code, message) => new ApiCallError(code, message));
    fake.api = { ...sealed.api };
    render(<BundleButtons />);
    fireEvent.change(screen.getByTestId('bundle-input'), { target: { files: [new File(['x'], 'a.reviewdesk')] } });
    await screen.findByTestId('bundle-unlock');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByTestId('bundle-unlock')).toBeNull());
    expect(screen.queryByTestId('bundle-summary')).toBeNull();
    expect(sealed.tried).toEqual([undefined]);
  });
});
