/**
 * The draft kinds, registered like the proofreading rules in core/review/rules: one module per
 * kind, listed once here. The `satisfies` makes a kind of DRAFT_KINDS without a module (or a
 * module filed under the wrong kind) a type error; everything that differs by kind looks it up.
 */
import { isOneOf, DRAFT_KINDS } from '../../common/vocabulary';
import type { DraftKindModule } from '../kindModule';
import type { DraftKind } from '../types';
import { amendmentKind } from './amendment';
import { opinionKind } from './opinion';
import { suggestionKind } from './suggestion';
import { proposalKind } from './proposal';

const REGISTRY = {
  amendment: amendmentKind,
  opinion: opinionKind,
  suggestion: suggestionKind,
  proposal: proposalKind,
} satisfies { [K in DraftKind]: DraftKindModule<K> };

export const DRAFT_KIND_MODULES: { readonly [K in DraftKind]: DraftKindModule<K> } = REGISTRY;

/** A draft kind as stored or sent may be anything: only registered kinds are kinds. */
export function isDraftKind(kind: unknown): kind is DraftKind {
  return isOneOf(DRAFT_KINDS, kind) && Object.prototype.hasOwnProperty.call(DRAFT_KIND_MODULES, kind);
}

/** The module of a kind. For a draft whose kind is a union, K is that union. */
export function kindModule<K extends DraftKind>(kind: K): DraftKindModule<K> {
  return DRAFT_KIND_MODULES[kind];
}

/** The module of a kind read at run time (a database row, a test), or undefined for an unknown one. */
export function findKindModule(kind: string): DraftKindModule<DraftKind> | undefined {
  return isDraftKind(kind) ? kindModule(kind) : undefined;
}

/** Every module, in DRAFT_KINDS order. */
export function allKindModules(): DraftKindModule<DraftKind>[] {
  return DRAFT_KINDS.map((k) => kindModule<DraftKind>(k));
}
