/**
 * Where things are, for a development run (`npm start`: the repository) and a packaged app
 * (inside app.asar; bundled reports in process.resourcesPath). Also which data folder to use.
 */
import { join, resolve } from 'node:path';

export interface AppPaths {
  /** the app root: the repository, or app.asar when packaged */
  root: string;
  preload: string;
  indexFile: string;
  icon: string;
}

/** `mainDir` is the folder of the running main bundle (out/main). */
export function appPaths(mainDir: string): AppPaths {
  const root = resolve(mainDir, '..', '..');
  return {
    root,
    preload: join(root, 'out', 'preload', 'index.cjs'),
    indexFile: join(root, 'out', 'renderer', 'index.html'),
    icon: join(root, 'resources', 'icons', 'icon.png'),
  };
}

/** Folder holding reports/: resources/ in the repository, process.resourcesPath when packaged. */
export function resourcesDir(isPackaged: boolean, root: string, processResourcesPath: string): string {
  return isPackaged ? processResourcesPath : join(root, 'resources');
}

/**
 * The data folder a user chose for this run: `--data DIR` (or `--data=DIR`) wins over the
 * REVIEWDESK_DATA environment variable; undefined means the default (userData).
 */
export function explicitDataDir(argv: readonly string[], env: Record<string, string | undefined>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data' && argv[i + 1] && !argv[i + 1].startsWith('--')) return resolve(argv[i + 1]);
    if (a.startsWith('--data=') && a.length > '--data='.length) return resolve(a.slice('--data='.length));
  }
  return env.REVIEWDESK_DATA ? resolve(env.REVIEWDESK_DATA) : undefined;
}
