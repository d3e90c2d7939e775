/** The handler table: the contract implemented over core. Transports bind this, nothing else. */
import type { Handlers } from './contract';
import type { AppContext } from './context';
import { libraryHandlers } from './handlers/library';
import { annotationHandlers } from './handlers/annotations';
import { dialogHandlers } from './handlers/dialog';
import { backupHandlers } from './handlers/backups';
import { bundleHandlers } from './handlers/bundles';
import { delegationHandlers } from './handlers/delegation';
import { draftHandlers } from './handlers/drafts';
import { exportHandlers } from './handlers/exports';
import { reviewHandlers } from './handlers/review';
import { ledgerHandlers } from './handlers/ledger';
import { versionHandlers } from './handlers/versions';
import { printHandlers } from './handlers/print';
import { guardDestinations, noDestinations } from './destinations';
import { mergeDomains } from './mergeDomains';

export function createHandlers(ctx: AppContext): Handlers {
  const all: Handlers = mergeDomains(
    libraryHandlers(ctx),
    annotationHandlers(ctx),
    dialogHandlers(ctx),
    backupHandlers(ctx),
    bundleHandlers(ctx),
    delegationHandlers(ctx),
    draftHandlers(ctx),
    exportHandlers(ctx),
    reviewHandlers(ctx),
    ledgerHandlers(ctx),
    versionHandlers(ctx),
    printHandlers(ctx),
  );
  return guardDestinations(all, () => ctx.destinations ?? noDestinations);
}
