import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,bot,dev,functions,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['scripts/check-node.mjs', 'test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
