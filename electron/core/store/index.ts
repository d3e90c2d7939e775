/** The store: one open database and its repositories. Nothing outside this folder runs SQL. */
import { openDatabase, type Db, type OpenOptions } from './db';
import { createReportRepository } from './reports';
import { createAnnotationRepository } from './annotations';
import { createDraftRepository } from './drafts';
import { createSettingsRepository } from './settings';
import { createSearchRepository } from './search';
import { createReviewRepository } from './review';
import { createLedgerRepository } from './ledger';
import { createBundleRepository } from './bundle';
import { createDelegationRepository } from './delegation';
import { createRevisionRepository } from './revisions';

export function createStore(db: Db) {
  const annotations = createAnnotationRepository(db);
  const drafts = createDraftRepository(db);
  return {
    db,
    reports: createReportRepository(db),
    annotations,
    drafts,
    settings: createSettingsRepository(db),
    search: createSearchRepository(db),
    review: createReviewRepository(db),
    ledger: createLedgerRepository(db),
    bundles: createBundleRepository(db),
    delegation: createDelegationRepository(db),
    revisions: createRevisionRepository(db, annotations, drafts),
    /** Several repositories' writes as one: all or nothing (nested transactions become savepoints). */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof createStore>;

export function openStore(file: string, opts: OpenOptions = {}): Store {
  return createStore(openDatabase(file, opts));
}

export type { Db, OpenOptions };
