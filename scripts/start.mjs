// `npm start`: the desktop app from the repository. Checks the Electron binary, builds, makes
// sure better-sqlite3 has an Electron-ABI copy (scripts/electron-native.mjs; the Node copy used
// by tests, the CLI and the web host is left alone), then runs Electron with the repo as the app.
// Arguments after `npm start --` go to the app, e.g. `npm start -- --data /tmp/rd`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareElectronNative } from './electron-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Path of the Electron executable, or null when the package is there without its binary. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

// package.json's allowScripts keeps Electron's own download out of `npm install`, so that the
// install succeeds offline too; the binary is fetched here, the first time the app is started.
let electronPath = electronBinary();
if (!electronPath) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  // ELECTRON_SKIP_BINARY_DOWNLOAD=1 (CI, offline machines) means: do not even try.
  if (existsSync(installer) && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('审议台：首次启动，正在下载 Electron 程序…（ReviewDesk: downloading the Electron binary once）');
    spawnSync(process.execPath, [installer], { cwd: dirname(installer), stdio: 'inherit', env: process.env });
    electronPath = electronBinary();
  }
}
if (!electronPath) {
  console.error(
    [
      '审议台：找不到 Electron 程序（node_modules/electron 没有下载完整，可能安装时设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。',
      '  · 联网后再运行 npm start（会自动下载 Electron），或手动运行 node node_modules/electron/install.js；',
      '  · 或者运行 npm run web，在浏览器中使用审议台。',
      'ReviewDesk: the Electron binary is missing (node_modules/electron was installed without it).',
      '  · Run `npm start` again with network access (it downloads Electron), or `node node_modules/electron/install.js`;',
      '  · or run `npm run web` to use ReviewDesk in a browser.',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
try {
  prepareElectronNative({ root, electronVersion });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  if (code === null) console.error(`Electron exited with signal ${signal}`);
  process.exit(code ?? 1);
});
