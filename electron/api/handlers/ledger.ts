import { ledgerBook } from '../../core/ledger';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';

type LedgerHandlers = Pick<Handlers, 'ledger.list' | 'ledger.mark'>;

export function ledgerHandlers(ctx: AppContext): LedgerHandlers {
  const book = ledgerBook(liveStore(ctx)); // reads ctx.store per call: a restore swaps it
  return {
    'ledger.list': ({ versionId }) => ({ entries: book.rows(versionId) }),
    'ledger.mark': ({ versionId, key, flag, note }) => book.mark(versionId, key, flag, note),
  };
}
