import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'testbed/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Two files at a time, not vitest's default of cores − 1 (one here): the testbed files
    // spend much of their time waiting for containers, which the other file's CPU work fills.
    maxWorkers: 2,
  },
});
