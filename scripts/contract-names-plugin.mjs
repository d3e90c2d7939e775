// esbuild plugin for the preload bundle: the preload needs only the contract's method names, not
// zod and every schema (~700 KB in a sandboxed preload). Evaluate the contract once at build time
// and resolve the preload's `../api/contract` import to a module exporting just `methodNames`.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export async function contractMethodNames(entry = fileURLToPath(new URL('../electron/api/contract.ts', import.meta.url))) {
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'error' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports.methodNames;
}

export const contractNamesPlugin = {
  name: 'contract-method-names',
  setup(b) {
    b.onResolve({ filter: /[\\/]api[\\/]contract$/ }, (a) =>
      /[\\/]preload[\\/]/.test(a.importer) ? { path: 'method-names', namespace: 'contract-names' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'contract-names' }, async () => ({
      contents: `export const methodNames = ${JSON.stringify(await contractMethodNames())};`,
      loader: 'js',
    }));
  },
};
