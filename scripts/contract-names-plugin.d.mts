import type { Plugin } from 'esbuild';
export function contractMethodNames(entry?: string): Promise<string[]>;
export const contractNamesPlugin: Plugin;
