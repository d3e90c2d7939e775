/**
 * Merges the per-domain tables (contracts, handlers) into one, refusing a method name that two
 * domains both define: an object spread would let the later one silently replace the earlier,
 * and a method would answer with the wrong handler or schema. Runs once at start-up.
 */
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export function mergeDomains<T extends readonly Record<string, unknown>[]>(...domains: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, entry] of Object.entries(domain)) {
      if (Object.hasOwn(merged, name)) throw new Error(`API method defined twice: ${name}`);
      merged[name] = entry;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
