import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The inner layers (engine → interview → result) are pure: no I/O, no transport, no storage,
 * nothing of the layers outside them. These patterns keep them so.
 */
const innerLayerImports = {
  patterns: [
    { group: ["node:*", "fs", "fs/*", "path", "http", "https", "net", "child_process", "worker_threads"], message: "The inner layers do no I/O: read files in src/rules or an adapter, and pass the data in." },
    { group: ["telegraf", "telegraf/*", "lowdb", "lowdb/*", "openai", "openai/*", "hono", "hono/*", "@hono/*", "exceljs"], message: "Transport, storage and LLM libraries belong to the adapters (src/channels, src/store, src/llm)." },
    { group: ["**/channels/**", "**/store/**", "**/conversation/**", "**/llm/**", "**/assistant/**", "**/app/**", "**/bin/**", "**/cli/**"], message: "The inner layers do not know the layers around them." },
    { group: ["**/rules/loadRules*", "**/rules/loadQuestions*", "**/rules/readRulesFile*"], message: "The rules are read outside the inner layers and passed in (CompiledRules is in src/engine/compiledRules.ts)." },
  ],
};

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", ".stryker-tmp/", "reports/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/engine/**", "src/interview/**", "src/result/**"],
    rules: { "no-restricted-imports": ["error", innerLayerImports] },
  },
  {
    // The conversation layer uses the store and the assistant through their interfaces, never a channel.
    files: ["src/conversation/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["telegraf", "telegraf/*", "lowdb", "lowdb/*", "openai", "openai/*", "hono", "hono/*", "@hono/*"], message: "The conversation layer is channel- and storage-neutral." },
            { group: ["**/channels/**", "**/app/**", "**/bin/**"], message: "Channels depend on the conversation layer, not the other way round." },
          ],
        },
      ],
    },
  },
  {
    files: ["bench/**", "scripts/**", "test/**", "src/cli/**", "src/channels/console/**"],
    rules: { "no-console": "off" },
  },
);
