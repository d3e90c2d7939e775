import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCommands, nativeIsCurrent, nativeTag, prepareElectronNative, type BuildCommand } from '../../scripts/electron-native.mjs';
import { electronNativeBinding, nativeTag as mainNativeTag } from '../../electron/main/native';

const ROOT = resolve(import.meta.dirname, '..', '..');
const electronPath = (() => {
  try {
    const p = createRequire(join(ROOT, 'package.json'))('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
})();

let tmp: string;
let source: string;
let nativeDir: string;
const NODE_ADDON = 'node-abi addon (must stay untouched)';

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'reviewdesk-native-'));
  // A stand-in for node_modules/better-sqlite3 with its Node build.
  source = join(tmp, 'better-sqlite3');
  mkdirSync(join(source, 'build', 'Release'), { recursive: true });
  writeFileSync(join(source, 'package.json'), '{"name":"better-sqlite3","version":"12.0.0"}');
  writeFileSync(join(source, 'binding.gyp'), '{}');
  writeFileSync(join(source, 'build', 'Release', 'better_sqlite3.node'), NODE_ADDON);
  nativeDir = join(tmp, 'native', 'electron');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const commands: BuildCommand[] = [
  { name: 'prebuild-install', command: 'prebuild', args: [] },
  { name: 'node-gyp', command: 'gyp', args: [] },
];

/** A build step that "produces" an Electron addon in the copy it runs in, or fails. */
function fakeRun(succeeds: string[], seen: { command: string; cwd: string; sawNodeBuild: boolean }[] = []) {
  return (command: string, _args: string[], cwd: string) => {
    seen.push({ command, cwd, sawNodeBuild: existsSync(join(cwd, 'build')) });
    if (!succeeds.includes(command)) return false;
    mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
    writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), `electron addon by ${command}`);
    return true;
  };
}

function prepare(run: ReturnType<typeof fakeRun>, electronVersion = '41.7.1') {
  return prepareElectronNative({
    root: tmp,
    electronVersion,
    platform: 'linux',
    arch: 'x64',
    sourceDir: source,
    nativeDir,
    commands,
    run,
    log: () => undefined,
  });
}

describe('Electron copy of better-sqlite3 (npm start)', () => {
  it('puts an Electron addon in native/electron with its version, leaving the Node addon alone', () => {
    const seen: { command: string; cwd: string; sawNodeBuild: boolean }[] = [];
    expect(prepare(fakeRun(['prebuild'], seen))).toEqual({ skipped: false, tag: '41.7.1-linux-x64', builtWith: 'prebuild-install' });
    expect(readFileSync(join(nativeDir, 'better_sqlite3.node'), 'utf8')).toBe('electron addon by prebuild');
    expect(readFileSync(join(nativeDir, 'VERSION'), 'utf8').trim()).toBe('41.7.1-linux-x64');
    expect(readFileSync(join(source, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(NODE_ADDON);
    // the build ran in a temporary copy without the Node build, which is removed afterwards
    expect(seen[0].cwd.startsWith(source)).toBe(false);
    expect(seen[0].sawNodeBuild).toBe(false);
    expect(existsSync(seen[0].cwd)).toBe(false);
  });

  it('does nothing when the copy already matches this Electron', () => {
    prepare(fakeRun(['prebuild']));
    const seen: { command: string; cwd: string; sawNodeBuild: boolean }[] = [];
    expect(prepare(fakeRun(['prebuild'], seen)).skipped).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('rebuilds after an Electron upgrade', () => {
    prepare(fakeRun(['prebuild']), '41.7.1');
    const r = prepare(fakeRun(['prebuild']), '42.0.0');
    expect(r.skipped).toBe(false);
    expect(readFileSync(join(nativeDir, 'VERSION'), 'utf8').trim()).toBe('42.0.0-linux-x64');
  });

  it('falls back to compiling with node-gyp when no prebuilt binary can be had', () => {
    expect(prepare(fakeRun(['gyp'])).builtWith).toBe('node-gyp');
    expect(readFileSync(join(nativeDir, 'better_sqlite3.node'), 'utf8')).toBe('electron addon by gyp');
  });

  it('fails with a Chinese and English explanation when neither works, recording nothing', () => {
    expect(() => prepare(fakeRun([]))).toThrow(/无法为 Electron 41\.7\.1 准备 better-sqlite3[\s\S]*npm run web[\s\S]*Could not prepare/);
    expect(existsSync(join(nativeDir, 'VERSION'))).toBe(false);
    expect(readFileSync(join(source, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(NODE_ADDON);
  });

  it('asks prebuild-install and node-gyp for the Electron runtime of the installed version', () => {
    const [prebuild, gyp] = buildCommands(ROOT, { electronVersion: '41.7.1', platform: 'linux', arch: 'x64' });
    expect(prebuild.name).toBe('prebuild-install');
    expect(prebuild.args.join(' ')).toMatch(/--runtime electron --target 41\.7\.1 --arch x64/);
    expect(gyp.name).toBe('node-gyp');
    expect(gyp.args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=41.7.1', '--dist-url=https://electronjs.org/headers']));
  });

  it('main uses the copy only when it was made for the running Electron, and never when packaged', () => {
    prepare(fakeRun(['prebuild']));
    const input = { isPackaged: false, root: tmp, electronVersion: '41.7.1', platform: 'linux', arch: 'x64' };
    expect(mainNativeTag('41.7.1', 'linux', 'x64')).toBe(nativeTag('41.7.1', 'linux', 'x64'));
    expect(nativeIsCurrent(nativeDir, '41.7.1-linux-x64')).toBe(true);
    expect(electronNativeBinding(input)).toBe(join(nativeDir, 'better_sqlite3.node'));
    expect(electronNativeBinding({ ...input, electronVersion: '40.0.0' })).toBeUndefined();
    expect(electronNativeBinding({ ...input, isPackaged: true })).toBeUndefined();
    expect(electronNativeBinding({ ...input, root: join(tmp, 'elsewhere') })).toBeUndefined();
  });
});

describe('npm start without the Electron binary', () => {
  it.skipIf(electronPath !== null)('explains in Chinese and English how to get Electron or use the web version, and exits 1', () => {
    // The skip flag keeps start.mjs from trying the download (this machine has no GitHub access).
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/找不到 Electron/);
    expect(r.stderr).toMatch(/npm start/);
    expect(r.stderr).toMatch(/npm run web/);
    expect(r.stderr).toMatch(/Electron binary is missing/);
  });
});
