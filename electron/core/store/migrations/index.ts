/**
 * Numbered schema migrations. Append only: a released migration is never edited, a change is a
 * new number. Each runs in one transaction with its row in schema_migrations.
 */
import { m001_init } from './001_init';
import { m002_review } from './002_review';
import { m004_anchor_history } from './004_anchor_history';
import { m005_write_counter } from './005_write_counter';
import { m006_version_trash } from './006_version_trash';
import { m007_ledger_marks } from './007_ledger_marks';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [m001_init, m002_review, m004_anchor_history, m005_write_counter, m006_version_trash, m007_ledger_marks];
