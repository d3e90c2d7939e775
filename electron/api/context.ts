import type { Store } from '../core/store';

/** What handlers need from the process they run in (Electron main or the web host). */
export interface AppContext {
  store: Store;
  dataDir: string;
  platform: 'electron' | 'web';
  version: string;
}
