/**
 * `npm run bench [-- --json] [-- --filter WORD]`: runs every case in tests/bench/cases and prints
 * medians (ms). Medians, not means: one GC pause should not move the figure.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './types';

interface Row {
  name: string;
  median: number;
  p95: number;
  min: number;
  iterations: number;
  target?: string;
  baseline?: string;
  vsBaseline?: string;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i];
}

async function runCase(c: BenchCase): Promise<Row> {
  const ctx = c.setup ? await c.setup() : undefined;
  const n = c.iterations ?? 20;
  if (c.before) await c.before(ctx);
  await c.fn(ctx); // warm-up (JIT, caches)
  const times: number[] = [];
  const deadline = Date.now() + 60_000;
  for (let i = 0; i < n && Date.now() < deadline; i++) {
    if (c.before) await c.before(ctx);
    const t0 = performance.now();
    await c.fn(ctx);
    times.push(performance.now() - t0);
  }
  if (c.teardown) await c.teardown(ctx);
  times.sort((a, b) => a - b);
  return {
    name: c.name,
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    min: times[0],
    iterations: times.length,
    target: c.target,
    baseline: c.baseline,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const fi = args.indexOf('--filter');
  const filter = fi >= 0 ? args[fi + 1] : undefined;
  const dir = join(import.meta.dirname, 'cases');
  const cases: BenchCase[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { cases: BenchCase[] };
    cases.push(...mod.cases);
  }
  const rows: Row[] = [];
  for (const c of cases) {
    if (filter && !c.name.includes(filter)) continue;
    if (!json) process.stderr.write(`… ${c.name}\n`);
    rows.push(await runCase(c));
  }
  for (const r of rows) {
    if (!r.baseline) continue;
    const b = rows.find((x) => x.name === r.baseline);
    if (b) {
      // a case slower than its baseline says how many times slower, not "0.0× faster"
      const ratio = b.median >= r.median ? `${(b.median / r.median).toFixed(1)}× faster` : `${(r.median / b.median).toFixed(1)}× slower`;
      r.vsBaseline = `${ratio} than baseline (${b.median.toFixed(2)} ms)`;
    }
  }
  if (json) {
    process.stdout.write(JSON.stringify({ unit: 'ms', results: rows }, null, 2) + '\n');
    return;
  }
  const fmt = (x: number) => x.toFixed(2).padStart(9);
  console.log(`${'case'.padEnd(52)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'min'.padStart(9)}   n  target / comparison`);
  for (const r of rows) {
    const note = [r.target, r.vsBaseline].filter(Boolean).join('; ');
    console.log(`${r.name.padEnd(52)} ${fmt(r.median)} ${fmt(r.p95)} ${fmt(r.min)} ${String(r.iterations).padStart(3)}  ${note}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
