import { defineConfig } from 'vitest/config';

// One run over every suite so `npm test` can print a single "N passed, N failed" line.
// Timeouts are generous because a shared two-core machine can be several times slower than a
// quiet one; they catch hangs, not slowness (speed is measured in bench/).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'contract', include: ['test/contract/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, globalSetup: ['test/helpers/global-build.ts'] } },
      { test: { name: 'cli', include: ['test/cli/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, globalSetup: ['test/helpers/global-build.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores and Chromium is heavy.
          fileParallelism: false,
        },
      },
      { test: { name: 'e2e-electron', include: ['test/e2e-electron/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
    ],
  },
});
