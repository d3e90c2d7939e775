/** The commitment ledger (承诺台账): every quantified statement of a report. */
export type { LedgerEntry, LedgerKind, LedgerQualifier, LedgerType } from './types';
export { extractLedger } from './extract';
export { ledgerBook, type LedgerBook, type LedgerRow } from './book';
export { ledgerCsv, ledgerXlsx, LEDGER_COLUMNS, type LedgerTable } from './table';
