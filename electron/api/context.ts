import type { Store } from '../core/store';
import type { JobRunner } from '../core/jobs/runner';
import type { BackupService } from './backups';
import type { RecoveryInfo } from './contract/backups';
import type { DestinationGate } from './destinations';

/** What handlers need from the process they run in (Electron main or the web host). */
export interface AppContext {
  /**
   * The open database. A getter in startBackend: restoring a backup closes the connection and
   * opens a new one, so handlers read `ctx.store` per call (or use liveStore) instead of keeping it.
   */
  readonly store: Store;
  dataDir: string;
  platform: 'electron' | 'web';
  version: string;
  /** backups and restore; absent only in contexts tests build by hand */
  backups?: BackupService;
  /** set when the data file was damaged at start; cleared by a restore or recovery.dismiss */
  recovery?: RecoveryInfo | null;
  /**
   * Paths exports may write to. Electron main installs one its save dialog grants; absent (the
   * browser host, tests), every destination is refused.
   */
  destinations?: DestinationGate;
  /** seeds the bundled report (after leaving the recovery state with empty data) */
  seed?: () => void;
  /**
   * Runs long jobs (parsing an import, the first check or compare of a version) in a worker
   * thread with a time limit. Absent: the process's shared runner (sharedJobRunner).
   */
  jobs?: JobRunner;
}

/**
 * A Store that always forwards to ctx.store at the moment of use, for handler modules that
 * like a local `store` variable: `const store = liveStore(ctx)`. It survives a restore.
 */
export function liveStore(ctx: AppContext): Store {
  return new Proxy({} as Store, { get: (_target, key) => Reflect.get(ctx.store, key) });
}
