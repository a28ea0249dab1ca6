import { defineConfig } from "vitest/config";

// Two projects: `unit` needs nothing but Node; `emulator` runs inside `firebase emulators:exec`
// (see scripts/test.ts) against the Auth, Firestore, Functions and Hosting emulators and Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["contracts/**/*.test.ts", "functions/src/**/*.test.ts", "web/src/**/*.test.ts", "web/tracking/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "emulator",
          include: ["tests/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          // The suites share one set of emulators; running files one at a time keeps their data apart.
          fileParallelism: false,
          testTimeout: 60_000,
          // Listeners and triggers settle in seconds, not milliseconds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
