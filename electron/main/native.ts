/**
 * better-sqlite3 under two ABIs. node_modules/better-sqlite3 stays built for Node (tests, CLI,
 * web host). `npm start` puts an Electron-ABI copy in native/electron/better_sqlite3.node with
 * native/electron/VERSION = "<electron version>-<platform>-<arch>" (format shared with
 * scripts/start.mjs). A packaged app needs no override: electron-builder rebuilt its own copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_DIR = join('native', 'electron');
export const NATIVE_FILE = 'better_sqlite3.node';

export function nativeTag(electronVersion: string, platform: string, arch: string): string {
  return `${electronVersion}-${platform}-${arch}`;
}

export interface NativeBindingInput {
  isPackaged: boolean;
  root: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

/** Path to the Electron-ABI addon for a development run, or undefined to use the default lookup. */
export function electronNativeBinding(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return undefined;
  const dir = join(input.root, NATIVE_DIR);
  const file = join(dir, NATIVE_FILE);
  if (!existsSync(file)) return undefined;
  let recorded = '';
  try {
    recorded = readFileSync(join(dir, 'VERSION'), 'utf8').trim();
  } catch {}
  // A copy built for another Electron would fail to load with an ABI error; better to say why.
  return recorded === nativeTag(input.electronVersion, input.platform, input.arch) ? file : undefined;
}
