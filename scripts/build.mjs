// Builds everything the app runs: the renderer with Vite, and the Node/Electron entry points
// (main, preload, host, the job worker) with esbuild as single CommonJS files.
// Why not electron-vite: it builds main/preload/renderer only; the host and the worker are
// first-class entry points here, and one esbuild call for all of them is simpler and faster.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { contractNamesPlugin } from './contract-names-plugin.mjs';

const quiet = process.argv.includes('--quiet');
const t0 = Date.now();

const entries = [
  { in: 'electron/main/index.ts', out: 'out/main/index.cjs', external: ['electron', 'better-sqlite3'] },
  // Sandboxed preloads may only require('electron'): everything else must be bundled in, and the
  // contract is reduced to its method names (scripts/contract-names-plugin.mjs).
  { in: 'electron/preload/index.ts', out: 'out/preload/index.cjs', external: ['electron'], plugins: [contractNamesPlugin] },
  { in: 'electron/host/index.ts', out: 'out/host/index.cjs', external: ['better-sqlite3'] },
  // Long jobs (parsing an import, checking, comparing, re-anchoring, reading a bundle) run in a
  // worker thread started from this file; core/jobs/runner.ts finds it beside main and host.
  // pdfjs-dist stays a runtime dependency (node_modules): it is ES modules loaded with import(),
  // and its cmaps/ and standard_fonts/ are read from the installed package.
  { in: 'electron/core/jobs/worker.ts', out: 'out/worker/jobs.cjs', external: ['pdfjs-dist'] },
];

// A missing entry point is a broken build, not a smaller one: the app would start without its
// worker or preload and fail only when that part is first needed.
const missing = entries.filter((e) => !existsSync(e.in)).map((e) => e.in);
if (missing.length) {
  console.error(`build: missing entry point${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  process.exit(1);
}

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'info' });

// out/worker holds only this build's workers (an older build's reanchor.cjs must not ship).
rmSync('out/worker', { recursive: true, force: true });

await Promise.all(
  entries.map((e) =>
    esbuild({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      external: e.external,
      plugins: e.plugins ?? [],
      // CommonJS has no import.meta: give `import.meta.url` its CJS meaning (this file's URL), so a
      // module that locates itself (core/jobs/runner.ts) works bundled. Not for the sandboxed
      // preload, which may not require('node:url').
      ...(e.in.includes('/preload/')
        ? {}
        : {
            define: { 'import.meta.url': '__import_meta_url' },
            banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
          }),
      logLevel: quiet ? 'error' : 'warning',
    }),
  ),
);
if (!quiet) console.log(`built in ${Date.now() - t0} ms`);
