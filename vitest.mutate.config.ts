import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Mutation runs (npm run mutate) use only the in-process tests of the mutated areas: tests that
// spawn the built CLI or drive a browser run dist/, so they cannot kill a mutant in src/.
// Instrumented code runs several times slower, so a test gets far longer than in `npm test`;
// Stryker times out a mutant that loops by its own measure. (mergeConfig would add to the base's
// `include` rather than replace it, hence the spread.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "test/engine/**/*.test.ts",
      "test/interview/**/*.test.ts",
      "test/result/**/*.test.ts",
      "test/rules/**/*.test.ts",
      "test/conversation/**/*.test.ts",
    ],
    testTimeout: 600_000,
  },
});
