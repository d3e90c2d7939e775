import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One `vitest run` runs every layer: core units (node), renderer (happy-dom) and the browser e2e
// suite (real host over HTTP + Debian's Chromium). e2e runs its files one at a time: 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/electron/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          // Waiting for the app (an import in the job worker, a re-render) is what e2e polls do;
          // vitest's 1 s default fails them on a busy machine, not on a broken app.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
