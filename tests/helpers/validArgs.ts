/**
 * fast-check arbitraries for arguments that PASS a method's zod schema but are hostile: the
 * longest strings the schema allows, boundary numbers, Unicode edge cases (lone surrogates,
 * bidi overrides, zero-width and astral characters, markup, SQL), and ids of other records
 * (another report's version, a block of another version, a deleted mark). Built by walking the
 * schema (zod 4's `_zod.def`) and keeping only candidates the field's own schema accepts, so it
 * follows the contract as it changes.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export interface KnownIds {
  /** real ids of records of every kind, from this database and others */
  ids: string[];
  /** file names of real backups and other allowed names */
  names: string[];
  /** small real files (base64): a report, a bundle */
  files: string[];
}

const UNICODE_EDGES = [
  '',
  ' ',
  '\u3000',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\u202e报告\u202c',
  '\u200b\u200c\u200d\u2060',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '𠀀𪚥𰀀',
  '👨‍👩‍👧‍👦',
  '\r\n\t',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'); DROP TABLE annotations; --",
  '%s%n%x',
  '${constructor}',
  '__proto__',
  'constructor',
  '　第一部分　',
  '１２３４５６７８９０',
];

type Def = { type: string; [k: string]: unknown };
const zt = (v: unknown) => v as z.ZodType;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const ok = (s: z.ZodType, v: unknown) => {
  try {
    return s.safeParse(v).success;
  } catch {
    return false;
  }
};

/** The longest string of `unit` the schema accepts, among typical limits (0 if none). */
function longest(s: z.ZodType, unit: string): string | null {
  const sizes = [1_000_000, 200_000, 100_000, 28_000, 20_000, 10_000, 4096, 1000, 500, 255, 200, 100, 80, 40, 10, 1];
  for (const n of sizes) {
    const v = unit.repeat(n);
    if (ok(s, v)) return v;
  }
  return null;
}

function stringArb(s: z.ZodType, known: KnownIds): fc.Arbitrary<string> {
  const candidates = new Set<string>();
  for (const v of [...known.ids, ...known.names, ...known.files, ...UNICODE_EDGES]) if (ok(s, v)) candidates.add(v);
  for (const unit of ['a', '中', 'A', '9']) {
    const v = longest(s, unit);
    if (v) candidates.add(v);
  }
  // free text fields also get random Unicode (a field with a pattern, such as an id, would
  // reject nearly all of it and make fast-check filter for ever, so only where it mostly passes)
  const random = fc.string({ unit: 'binary', maxLength: 12 });
  const freeText = fc.sample(random, 30).filter((v) => ok(s, v)).length >= 20;
  const list = [...candidates];
  if (!list.length) throw new Error('validArb: no candidate string passes this schema; add one to KnownIds');
  if (!freeText) return fc.constantFrom(...list);
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: random.filter((v) => ok(s, v)) });
}

function numberArb(s: z.ZodType): fc.Arbitrary<number> {
  const edges = [0, 1, -1, 2, 0.5, 31, 32, 100, 999, 1000, 65535, 1_000_000, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER, -(2 ** 31)].filter((n) => ok(s, n));
  return edges.length ? fc.constantFrom(...edges) : fc.integer({ min: 0, max: 10 }).filter((n) => ok(s, n));
}

export function validArb(schema: z.ZodType, known: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const entries = Object.entries(def.shape as Record<string, z.ZodType>);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of entries) record[k] = validArb(v, known, depth + 1);
      return fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'optional':
      return fc.oneof(fc.constant(undefined), validArb(zt(def.innerType), known, depth + 1));
    case 'nullable':
      return fc.oneof(fc.constant(null), validArb(zt(def.innerType), known, depth + 1));
    case 'default':
    case 'catch':
      return fc.oneof(fc.constant(undefined), validArb(zt(def.innerType), known, depth + 1));
    case 'pipe':
      return validArb(zt(def.in), known, depth + 1);
    case 'string':
      return stringArb(schema, known);
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => validArb(o, known, depth + 1)));
    case 'array':
      // a few elements; depth keeps nested arrays small
      return fc.array(validArb(zt(def.element), known, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
    case 'record':
      return fc.dictionary(stringArb(zt(def.keyType), known), validArb(zt(def.valueType), known, depth + 1), { maxKeys: 3 });
    default:
      throw new Error(`validArb: no generator for zod type "${def.type}"`);
  }
}

/** Arguments the method's schema accepts (checked again as a whole: refinements across fields). */
export function validArgsFor(schema: z.ZodType, known: KnownIds): fc.Arbitrary<unknown> {
  return validArb(schema, known).filter((a) => ok(schema, a));
}
