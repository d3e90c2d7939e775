// `npm run dist [-- electron-builder args]`: build, then package with electron-builder.yml.
// electron-builder's npmRebuild rebuilds node_modules/better-sqlite3 in place for Electron, which
// would leave the Node copy (tests, CLI, web host) unloadable in Node; keep a copy of the Node
// addon and put it back afterwards, whatever happens.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const nodeAddon = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const backupDir = mkdtempSync(join(tmpdir(), 'reviewdesk-dist-'));
const backup = join(backupDir, 'better_sqlite3.node');
if (existsSync(nodeAddon)) copyFileSync(nodeAddon, backup);
let status = 1;
try {
  const cli = require.resolve('electron-builder/cli.js');
  status = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }).status ?? 1;
} finally {
  if (existsSync(backup)) copyFileSync(backup, nodeAddon);
  rmSync(backupDir, { recursive: true, force: true });
}
process.exit(status);
