/**
 * Draft fields as SQLite keeps them (`drafts.fields_json`), parsed and checked in one place:
 * every reader of a stored draft (the draft store, bundles, signing) goes through here, so the
 * rest of the app sees a kind's typed fields, never a blind `as Record<string, string>`.
 */
import type { DraftFields, DraftKind } from './types';
import { isDraftKind, kindModule } from './kinds/index';

function parseObject(json: string): Record<string, unknown> {
  // Malformed JSON is a damaged database, not a value to guess: the error propagates.
  const raw: unknown = JSON.parse(json);
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** String values only; anything else (numbers, null, nested objects) is dropped. */
function strings(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * A kind's typed fields from loose values: keys the kind does not have are dropped, keys it has
 * but the values lack take the kind's empty value, and the kind may correct a bad value (an
 * amendment's unknown op).
 */
export function normalizeFields<K extends DraftKind>(kind: K, raw: Record<string, unknown>): DraftFields[K] {
  const mod = kindModule(kind);
  const values = mod.upgrade ? mod.upgrade(strings(raw)) : strings(raw);
  const base = mod.emptyFields({});
  const out: Record<string, string> = {};
  for (const key of Object.keys(base)) out[key] = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : (base as Record<string, string>)[key];
  // out has exactly the kind's keys, each a string: the shape of DraftFields[K]
  const fields = out as DraftFields[K];
  return mod.coerce ? mod.coerce(fields) : fields;
}

/**
 * `fields_json` of a stored draft as that kind's fields. A kind the app does not know (a row
 * from a newer or damaged database) keeps its string values as they are, for the caller to
 * refuse or show as it sees fit.
 */
export function parseStoredFields<K extends DraftKind>(kind: K, json: string): DraftFields[K];
export function parseStoredFields(kind: string, json: string): Record<string, string>;
export function parseStoredFields(kind: string, json: string): Record<string, string> {
  const raw = parseObject(json);
  return isDraftKind(kind) ? normalizeFields(kind, raw) : strings(raw);
}
