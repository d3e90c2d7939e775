/** Electron main entry: hand the real Electron module to the lifecycle; everything else lives in small modules. */
import * as electron from 'electron';
import { runApp } from './lifecycle';
import { appPaths } from './paths';

runApp(electron, {
  paths: appPaths(__dirname),
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  electronVersion: process.versions.electron ?? '',
  processResourcesPath: process.resourcesPath,
});
