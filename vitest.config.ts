import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The dashboard's components (src/web/ui) are Preact JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['src/test-support/engines/server-suites.ts'],
  },
});
