import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// Mutation runs (npm run mutate) use only the in-process tests of the mutated areas: tests that
// spawn the built CLI or drive a browser run dist/, so they cannot kill a mutant in src/.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        "test/engine/**/*.test.ts",
        "test/interview/**/*.test.ts",
        "test/result/**/*.test.ts",
        "test/rules/**/*.test.ts",
        "test/conversation/**/*.test.ts",
      ],
    },
  }),
);
