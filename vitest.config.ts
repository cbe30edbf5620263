import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests live beside the code and need neither root nor network; `e2e` tests under
// test/ spawn the built binaries (bin/) as root against real components.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/*/src/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
