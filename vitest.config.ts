import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browser- and LibreOffice-backed suites are heavy on a 2-core machine.
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
