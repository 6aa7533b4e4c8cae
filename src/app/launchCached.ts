import { basename, join } from "node:path";
import { runCached } from "./codeCache.js";

// Bundled as CommonJS beside its command's bundle (scripts/build.mjs), where __filename is the
// launcher's own path: dist/screen.cjs runs dist/screen.bundle.cjs, its cache in dist/.cache/.
runCached(join(__dirname, `${basename(__filename, ".cjs")}.bundle.cjs`), join(__dirname, ".cache"));
