/**
 * Importing a store has no side effects: the page-closing listeners (send unsaved notes and
 * drafts now) are installed by the app when it mounts, and removed when it unmounts.
 */
import { describe, expect, it, vi } from 'vitest';

const unloadCalls: string[] = [];
vi.mock('../../renderer/api/client', () => {
  const api = new Proxy({}, { get: () => async () => [] });
  const apiOnUnload = new Proxy({}, { get: (_t, method: string) => async () => void unloadCalls.push(method) });
  return { api, apiOnUnload, isDesktop: false, errorMessage: (e: unknown) => String(e) };
});

const added: string[] = [];
const track = (target: EventTarget) => {
  const original = target.addEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
    added.push(type);
    original(type, listener, options);
  });
};
track(window);
track(document);

describe('page lifecycle', () => {
  it('no store registers a listener when imported', async () => {
    for (const store of ['annotations', 'drafts', 'reader', 'library', 'ui', 'settings', 'review', 'revisions']) {
      await import(`../../renderer/store/${store}.ts`);
    }
    expect(added.filter((t) => ['pagehide', 'beforeunload', 'visibilitychange'].includes(t))).toEqual([]);
  });

  it('the app installs them, a note typed and not yet saved goes out on pagehide, and uninstalling stops it', async () => {
    const { installPageLifecycle } = await import('../../renderer/pageLifecycle');
    const { useAnnotations } = await import('../../renderer/store/annotations');
    const uninstall = installPageLifecycle();
    expect(added).toEqual(expect.arrayContaining(['pagehide', 'beforeunload', 'visibilitychange']));
    useAnnotations.setState({ list: [{ id: 'a1', note: '' } as never] });
    useAnnotations.getState().typeNote('a1', '会上再议');
    window.dispatchEvent(new Event('pagehide'));
    expect(unloadCalls).toEqual(['annotations.update']);
    uninstall();
    useAnnotations.getState().typeNote('a1', '会上再议，补充');
    window.dispatchEvent(new Event('pagehide'));
    expect(unloadCalls).toEqual(['annotations.update']);
  });
});
