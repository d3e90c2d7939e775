export const NATIVE_FILE: string;
export function nativeTag(electronVersion: string, platform: string, arch: string): string;
export function nativeIsCurrent(nativeDir: string, tag: string): boolean;
export interface BuildCommand {
  name: string;
  command: string;
  args: string[];
}
export function buildCommands(root: string, target: { electronVersion: string; platform: string; arch: string }): BuildCommand[];
export function prepareElectronNative(options: {
  root: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  sourceDir?: string;
  nativeDir?: string;
  commands?: BuildCommand[];
  run?: (command: string, args: string[], cwd: string) => boolean;
  log?: (message: string) => void;
}): { skipped: boolean; tag: string; builtWith?: string };
