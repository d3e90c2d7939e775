import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { BUNDLED_REPORT } from '../../electron/api/app';
import { importReportBytes } from '../../electron/core/report';
import { outsideAsar } from '../../electron/core/report/pdf';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The parts of electron-builder.yml these tests read (electron-builder's own check validates the rest). */
interface Platform {
  target: (string | { target: string })[];
  icon: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  linux: Platform & { category: string };
  win: Platform;
  mac: Platform;
  nsis: Record<string, unknown>;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  electronFuses: unknown;
  asar: boolean;
}
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const targets = (platform: Platform): string[] => platform.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration check', async () => {
    // Loaded with Node's require: it is electron-builder's own (CommonJS) validator.
    const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config');
    const { DebugLogger } = requireFromRoot('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // and the check is real: a misspelt option is rejected
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false))).rejects.toThrow(/nsis/);
  });

  it('names the app 审议台 and writes installers to dist/', () => {
    expect(config.appId).toBe('cn.reviewdesk.app');
    expect(config.productName).toBe('审议台');
    expect(config.directories.output).toBe('dist');
  });

  it('builds an AppImage and a deb for Linux (Office) and an NSIS installer for Windows that lets the user pick the folder', () => {
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(targets(config.win)).toEqual(['nsis']);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
  });

  it('ships the built app without source maps, with better-sqlite3 unpacked and rebuilt for Electron', () => {
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('package.json');
    expect(config.files).toContain('!**/*.map');
    expect(config.asarUnpack.some((p) => p.startsWith('node_modules/better-sqlite3'))).toBe(true);
    // pdfjs is imported by path in the job worker: shipped unpacked, read from there
    expect(config.asarUnpack).toContain('node_modules/pdfjs-dist/**');
    expect(outsideAsar('/opt/审议台/resources/app.asar/node_modules/pdfjs-dist')).toBe('/opt/审议台/resources/app.asar.unpacked/node_modules/pdfjs-dist');
    expect(outsideAsar('C:\\审议台\\resources\\app.asar\\node_modules\\pdfjs-dist')).toBe('C:\\审议台\\resources\\app.asar.unpacked\\node_modules\\pdfjs-dist');
    expect(outsideAsar('/opt/app/resources/app.asar.unpacked/node_modules/pdfjs-dist')).toBe('/opt/app/resources/app.asar.unpacked/node_modules/pdfjs-dist');
    expect(outsideAsar('/work/main/node_modules/pdfjs-dist')).toBe('/work/main/node_modules/pdfjs-dist');
    expect(config.npmRebuild).toBe(true);
    expect(pkg.main).toBe('out/main/index.cjs');
    expect(pkg.dependencies['better-sqlite3']).toBeTruthy();
  });

  it('bundles the default report folder, and that folder really holds a report that imports', () => {
    const entry = config.extraResources.find((r) => r.from === 'resources/reports');
    expect(entry).toEqual({ from: 'resources/reports', to: 'reports' });
    const dir = join(ROOT, entry!.from);
    expect(readdirSync(dir)).toContain(BUNDLED_REPORT);
    const parsed = importReportBytes(readFileSync(join(dir, BUNDLED_REPORT)), BUNDLED_REPORT);
    expect(parsed.blocks.length).toBeGreaterThan(50);
    expect(parsed.blocks.some((b) => b.text.includes('咸宁'))).toBe(true);
  });

  it('has a 512×512 PNG icon for every platform', () => {
    for (const platform of ['linux', 'win', 'mac'] as const) {
      const icon = join(ROOT, config[platform].icon);
      expect(existsSync(icon), icon).toBe(true);
      const png = readFileSync(icon);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
  });

  it('flips Electron’s fuses in the packaged binary: no RunAsNode, NODE_OPTIONS or --inspect; encrypted cookies; asar only, with integrity', async () => {
    // electron-builder's own mapping from the yml to @electron/fuses, applied by @electron/fuses
    // to a stand-in binary that has Electron's fuse wire (sentinel, version 1, 8 fuses, all "inherit").
    const { PlatformPackager } = requireFromRoot('app-builder-lib');
    const fuses = { ...requireFromRoot('@electron/fuses'), ...requireFromRoot('@electron/fuses/dist/constants') };
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const dir = mkdtempSync(join(tmpdir(), 'rd-fuses-'));
    try {
      const binary = join(dir, 'electron');
      const wire = Buffer.alloc(8, fuses.FuseState.INHERIT);
      writeFileSync(binary, Buffer.concat([Buffer.from('\x7fELF…padding…'), Buffer.from(fuses.SENTINEL), Buffer.from([1, 8]), wire, Buffer.alloc(64)]));
      await fuses.flipFuses(binary, fuseConfig);
      const flipped = await fuses.getCurrentFuseWire(binary);
      const O = fuses.FuseV1Options;
      const state = (o: number) => (flipped[o] === fuses.FuseState.ENABLE ? 'on' : flipped[o] === fuses.FuseState.DISABLE ? 'off' : 'unset');
      expect(state(O.RunAsNode)).toBe('off');
      expect(state(O.EnableNodeOptionsEnvironmentVariable)).toBe('off');
      expect(state(O.EnableNodeCliInspectArguments)).toBe('off');
      expect(state(O.EnableCookieEncryption)).toBe('on');
      expect(state(O.OnlyLoadAppFromAsar)).toBe('on');
      expect(state(O.EnableEmbeddedAsarIntegrityValidation)).toBe('on');
      // every fuse the wire has is decided explicitly, none left to Electron's default
      for (let i = 0; i < 8; i++) expect(state(i), O[i]).not.toBe('unset');
      expect(config.asar).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm start and npm run dist go through the scripts that protect the Node build of better-sqlite3', () => {
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(readFileSync(join(ROOT, 'scripts', 'dist.mjs'), 'utf8')).toMatch(/--config', 'electron-builder\.yml'/);
  });
});

describe('scripts/build.mjs', () => {
  it('fails, naming the file, when an entry point is missing, instead of building an app without it', () => {
    // From an empty folder every entry is missing; the check comes before any bundling.
    const cwd = mkdtempSync(join(tmpdir(), 'rd-build-'));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('missing entry points: electron/main/index.ts, electron/preload/index.ts');
      expect(r.stderr).toContain('electron/core/jobs/worker.ts');
      expect(existsSync(join(cwd, 'out'))).toBe(false);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
