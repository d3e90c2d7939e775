// better-sqlite3 under two ABIs. node_modules/better-sqlite3 stays built for Node (tests, CLI,
// web host) and is never touched here. For Electron we build a second copy of the addon in a
// temporary copy of the package and keep only the result:
//   native/electron/better_sqlite3.node   the Electron-ABI addon (main passes it as nativeBinding)
//   native/electron/VERSION               "<electron version>-<platform>-<arch>" (see electron/main/native.ts)
// First try a prebuilt binary (prebuild-install, a dependency of better-sqlite3), else compile
// against Electron's headers with node-gyp. Both need the network once; afterwards it is cached.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export function nativeTag(electronVersion, platform, arch) {
  return `${electronVersion}-${platform}-${arch}`;
}

/** True when native/electron holds an addon recorded for this Electron, platform and arch. */
export function nativeIsCurrent(nativeDir, tag) {
  if (!existsSync(join(nativeDir, NATIVE_FILE))) return false;
  try {
    return readFileSync(join(nativeDir, 'VERSION'), 'utf8').trim() === tag;
  } catch {
    return false;
  }
}

function defaultRun(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_build_from_source: undefined } });
  return r.status === 0;
}

/** The commands tried in order, each run inside the temporary package copy. */
export function buildCommands(root, { electronVersion, platform, arch }) {
  const require = createRequire(join(root, 'package.json'));
  const resolveBin = (spec) => {
    try {
      return require.resolve(spec);
    } catch {
      return null;
    }
  };
  const prebuild = resolveBin('prebuild-install/bin.js');
  const gyp = resolveBin('node-gyp/bin/node-gyp.js');
  const commands = [];
  if (prebuild)
    commands.push({
      name: 'prebuild-install',
      command: process.execPath,
      args: [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform],
    });
  if (gyp)
    commands.push({
      name: 'node-gyp',
      command: process.execPath,
      args: [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
    });
  return commands;
}

/**
 * Make native/electron/better_sqlite3.node match this Electron. Returns {skipped} when it already
 * does, {builtWith} on success; throws when every method failed. `run(command, args, cwd)` → boolean
 * is injectable for tests.
 */
export function prepareElectronNative({
  root,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  sourceDir = join(root, 'node_modules', 'better-sqlite3'),
  nativeDir = join(root, 'native', 'electron'),
  commands,
  run = defaultRun,
  log = console.log,
}) {
  const tag = nativeTag(electronVersion, platform, arch);
  if (nativeIsCurrent(nativeDir, tag)) return { skipped: true, tag };
  const work = mkdtempSync(join(tmpdir(), 'reviewdesk-sqlite-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    // Copy without build/: the Node addon must neither be modified nor mistaken for the result.
    const nodeBuild = join(sourceDir, 'build');
    cpSync(sourceDir, pkg, { recursive: true, filter: (src) => src !== nodeBuild });
    const built = join(pkg, 'build', 'Release', NATIVE_FILE);
    for (const c of commands ?? buildCommands(root, { electronVersion, platform, arch })) {
      log(`审议台：为 Electron ${electronVersion} 准备数据库组件（${c.name}）… / preparing better-sqlite3 for Electron with ${c.name}`);
      if (run(c.command, c.args, pkg) && existsSync(built)) {
        mkdirSync(nativeDir, { recursive: true });
        copyFileSync(built, join(nativeDir, NATIVE_FILE));
        writeFileSync(join(nativeDir, 'VERSION'), `${tag}\n`);
        return { skipped: false, tag, builtWith: c.name };
      }
    }
    throw new Error(
      `无法为 Electron ${electronVersion} 准备 better-sqlite3（需要联网下载预编译文件，或安装 C++ 编译环境）。可先用 npm run web 在浏览器中使用。\n` +
        `Could not prepare better-sqlite3 for Electron ${electronVersion} (needs network for a prebuilt binary, or a C++ toolchain). Use npm run web meanwhile.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
