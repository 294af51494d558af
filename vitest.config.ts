import { defineConfig } from 'vitest/config';

// In CI each run also writes a JSON report (named after its --project) that .ci/summarize-tests.mjs adds up.
// (test:int:older runs the int project again on an older PostgreSQL: its report gets the major in its name)
const olderMajor = process.env.TICKETZ_TEST_PG_MAJOR;
const projectArg = `${process.argv[process.argv.indexOf('--project') + 1] ?? 'all'}${olderMajor ? `-pg${olderMajor}` : ''}`;
const reporters = process.env.CI
  ? ['default', ['json', { outputFile: `.ci-reports/vitest-${projectArg}.json` }] as ['json', { outputFile: string }]]
  : ['default'];

export default defineConfig({
  test: {
    reporters,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'bench/**/*.test.ts',
            '.ci/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          // One real PostgreSQL for the whole run; each test file gets its own database.
          globalSetup: ['electron/core/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
