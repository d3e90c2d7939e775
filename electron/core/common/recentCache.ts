/**
 * Values computed once per key — a version's blocks, findings, ledger: a version's paragraphs
 * never change under its id — keeping the `size` most recently used and dropping the oldest.
 */
export function recentCache<V>(size: number) {
  const map = new Map<string, V>();
  return {
    get(key: string, compute: () => V): V {
      let v = map.get(key);
      if (v === undefined) v = compute();
      else map.delete(key); // re-inserted below: most recently used last
      map.set(key, v);
      while (map.size > size) map.delete(map.keys().next().value!);
      return v;
    },
  };
}
