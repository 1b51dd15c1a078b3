import { defineConfig } from 'vitest/config';

// Four projects, one per kind of test: pure units, HTTP walkthroughs on Node against a real
// libSQL file, the worker bundle under workerd with a local D1, and pages in Debian Chromium.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/engine/**/*.test.ts',
            'src/bank/**/*.test.ts',
            'src/auth/**/*.test.ts',
            'src/candidate/**/*.test.ts',
            'src/manage/**/*.test.ts',
            'src/middleware/**/*.test.ts',
            'src/http/**/*.test.ts',
            'src/email/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/db/**/*.test.ts', 'src/routes/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/node/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
