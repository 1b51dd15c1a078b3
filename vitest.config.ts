import { configDefaults, defineConfig } from 'vitest/config';

// The unit project runs every test beside the code, in src and views (a new folder needs no entry
// here) except in these folders, whose tests open a libSQL file or run the commands: the node
// project runs those.
const nodeTestsInSrc = ['src/db/**/*.test.ts', 'src/routes/**/*.test.ts', 'src/cli/**/*.test.ts'];

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
          include: ['src/**/*.test.ts', 'views/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...nodeTestsInSrc],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: [...nodeTestsInSrc, 'test/node/**/*.test.ts'],
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
