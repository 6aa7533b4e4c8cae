// Bundles each command in src/bin/ into dist/<name>.mjs: one file loads far faster than
// hundreds of modules, which keeps a one-shot `npm run screen` quick. The benchmarks are
// bundled the same way (dist/bench.mjs), so they measure the code that ships.
import { build } from "esbuild";
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { resolve, sep } from "node:path";
import { cwd } from "node:process";

// zod re-exports every message locale (about 260 KB of the screening CLI's bundle, read and
// compiled at each start); the project configures none but English, its default.
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      importer.includes("node_modules/zod/") ? { path: "zod-locales", namespace: "zod-english-only" } : undefined);
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, () => ({ contents: 'export { default as en } from "zod/v4/locales/en.js";', resolveDir: cwd() }));
  },
};

// telegraf's long polling makes its AbortController with the abort-controller package, a
// polyfill for Node.js versions that had none, and node-fetch tells an AbortSignal by its class's
// name, which minifying renames (long polling stopped when it did). Node.js 20 has both classes
// built in, named by the runtime: telegraf gets those. Keeping every name instead (esbuild's
// keepNames) defined a property on every closure made: 81 against 70 µs of CPU per interview step.
const nativeAbortController = {
  name: "native-abort-controller",
  setup(build) {
    build.onResolve({ filter: /^abort-controller$/ }, () => ({ path: "abort-controller", namespace: "native-abort-controller" }));
    build.onLoad({ filter: /.*/, namespace: "native-abort-controller" }, () => ({
      contents: "module.exports = { __esModule: true, default: AbortController, AbortController, AbortSignal };",
      loader: "js",
    }));
  },
};

const options = {
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: true,
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [zodEnglishOnly, nativeAbortController],
  // Some dependencies are CommonJS and call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

const commands = readdirSync("src/bin").filter((name) => name.endsWith(".ts")).map((name) => `src/bin/${name}`);
// The servers under test of `npm run bench:bot` and `bench:web`, built as the server is: they
// measure the code `npm start` runs, without tsx's loader thread (about 45 MB of resident memory).
const BENCH_SERVERS = [{ in: "bench/botServer.ts", out: "bench-bot-server" }, { in: "bench/webServer.ts", out: "bench-web-server" }];

// The screening CLI and its batch workers start often and do little each time: each is a
// CommonJS bundle (dist/screen.bundle.cjs) run by a small launcher (dist/screen.cjs) that keeps
// V8's code cache of it (src/app/codeCache.ts). CommonJS because Node.js 20 compiles an ES
// module with no code cache; import.meta.url is the bundle's own address there too.
const CACHED = new Set(["src/bin/screen.ts", "src/bin/batch-worker.ts"]);
const nameOf = (command) => command.slice("src/bin/".length, -".ts".length);
const commonJs = { ...options, format: "cjs", outExtension: { ".js": ".cjs" }, banner: {} };

await build({ ...options, entryPoints: [...commands.filter((c) => !CACHED.has(c)), { in: "bench/index.ts", out: "bench" }, ...BENCH_SERVERS] });
const cachedBundles = {
  ...commonJs,
  entryPoints: [...CACHED].map((command) => ({ in: command, out: `${nameOf(command)}.bundle` })),
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const launchers = { ...commonJs, entryPoints: [...CACHED].map((command) => ({ in: "src/app/launchCached.ts", out: nameOf(command) })), sourcemap: false };
await build(cachedBundles);
await build(launchers);

// `npm run bench` times the batch CLI beside a copy of it with the rules engine taken out
// (bench/noEngine.ts): the same start, reading, parsing, checking and writing of every line, so
// the difference is the engine's. Built here, from the same options, so that the two differ in
// that alone.
const NO_ENGINE = "dist/bench-no-engine";
let engineTakenOut = false;
const noEngine = {
  name: "no-engine",
  setup(build) {
    build.onResolve({ filter: /\/engine\/evaluate\.js$/ }, ({ importer }) => {
      if (!importer.endsWith(`src${sep}cli${sep}screenLines.ts`)) return undefined;
      engineTakenOut = true;
      return { path: resolve("bench/noEngine.ts") };
    });
  },
};
await build({ ...cachedBundles, outdir: NO_ENGINE, sourcemap: false, plugins: [...commonJs.plugins, noEngine] });
// Otherwise the copy would be the CLI itself, and the bench would report it as a floor.
if (!engineTakenOut) throw new Error("the bench's copy of the CLI still has its engine: src/cli/screenLines.ts no longer imports ../engine/evaluate.js");
await build({ ...launchers, outdir: NO_ENGINE });
for (const dir of ["dist", NO_ENGINE]) rmSync(`${dir}/.cache`, { recursive: true, force: true });

// The web chat (src/channels/web/client/): one script, one stylesheet and the page, all served by
// our own server (no CDN). Syntax down to ES2019 for the older WebViews of in-app browsers.
const WEB_CLIENT = "src/channels/web/client";
const web = { outdir: "dist/web/assets", bundle: true, minify: true, sourcemap: "linked", logLevel: "warning" };
await build({ ...web, entryPoints: { app: `${WEB_CLIENT}/main.ts` }, platform: "browser", format: "iife", target: "es2019" });
await build({ ...web, entryPoints: { app: `${WEB_CLIENT}/app.css` }, target: ["chrome70", "safari12"] });
copyFileSync(`${WEB_CLIENT}/index.html`, "dist/web/index.html");
copyFileSync(`${WEB_CLIENT}/icon.svg`, "dist/web/assets/icon.svg");

// The staff console (src/channels/web/client/staff/): its page, script and stylesheet, ECharts
// included in the script, so the page needs nothing from another host. Desktop browsers only.
const STAFF_CLIENT = `${WEB_CLIENT}/staff`;
await build({ ...web, entryPoints: { staff: `${STAFF_CLIENT}/main.ts` }, platform: "browser", format: "iife", target: "es2019" });
await build({ ...web, entryPoints: { staff: `${STAFF_CLIENT}/staff.css` }, target: ["chrome80", "firefox78", "safari13"] });
copyFileSync(`${STAFF_CLIENT}/staff.html`, "dist/web/staff.html");
