/**
 * What each draft kind looks like to the user: its Chinese name, its fields under the labels
 * deputies and members know from the paper forms, and which are required. The specs live in
 * the kind modules (kinds/<kind>.ts); this file keeps the table and helpers importers know.
 */
import type { DraftFields, DraftKind } from './types';
import type { DraftContext, KindSpec } from './kindModule';
import { DRAFT_KIND_MODULES, allKindModules, kindModule } from './kinds/index';
import { labelIn } from './checks';
import { withPassagesQuoted, type Passage } from './background';
import type { Role } from '../common/vocabulary';

export type { Role };
export type { DraftContext, FieldOption, FieldSpec, KindSpec } from './kindModule';

/** Each kind's spec, by kind (built from the registry, whose keys are exactly DRAFT_KINDS). */
export const KIND_SPECS = Object.fromEntries((Object.keys(DRAFT_KIND_MODULES) as DraftKind[]).map((k) => [k, kindModule(k).spec])) as {
  readonly [K in DraftKind]: KindSpec<K>;
};

export function kindSpec<K extends DraftKind>(kind: K): KindSpec<K> {
  return kindModule(kind).spec;
}

/** The label users know for a field key, e.g. ('proposal', 'title') → 案由. */
export function fieldLabel(kind: DraftKind, key: string): string {
  return labelIn(kindModule(kind).spec, key);
}

/**
 * Kinds in the order a user of this role reaches for them: deputies review the report and
 * hand in suggestions; members hand in proposals. Nothing is hidden, only reordered.
 */
export function kindsForRole(role: Role): KindSpec[] {
  return allKindModules()
    .sort((a, b) => a.menuRank[role] - b.menuRank[role])
    .map((m) => m.spec);
}

/** Fresh fields for a new draft, with what is already known filled in. */
export function emptyFields<K extends DraftKind>(kind: K, ctx: DraftContext = {}): DraftFields[K] {
  const mod = kindModule(kind);
  const fields = mod.emptyFields(ctx);
  return ctx.passages?.length ? quotePassages(kind, fields, ctx.passages) : fields;
}

type Place = { blockId: string; start: number; end: number };
const placeKey = (t: Place) => `${t.blockId}:${t.start}:${t.end}`;

/**
 * The fields once a draft's passages went from `before` to `after`: each passage not linked
 * before is quoted in the 背景 field (null when nothing is added). `where` cites a block.
 */
export function quoteAddedPassages<K extends DraftKind>(
  kind: K,
  fields: DraftFields[K],
  before: readonly Place[],
  after: readonly (Place & { exact: string })[],
  where: (blockId: string) => string | undefined,
): DraftFields[K] | null {
  const linked = new Set(before.map(placeKey));
  const added = after.filter((t) => !linked.has(placeKey(t))).map((t) => ({ quote: t.exact, path: where(t.blockId) }));
  return added.length ? quotePassages(kind, fields, added) : null;
}

/** The fields with the passages quoted in the kind's 背景 field (unchanged for kinds without one). */
export function quotePassages<K extends DraftKind>(kind: K, fields: DraftFields[K], passages: readonly Passage[]): DraftFields[K] {
  const key = kindModule(kind).background;
  if (!key) return fields;
  const values = fields as Record<string, string>;
  return { ...fields, [key]: withPassagesQuoted(values[key] ?? '', passages) };
}
