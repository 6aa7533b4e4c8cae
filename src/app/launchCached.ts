import { basename, join } from "node:path";
import { runCached } from "./codeCache.js";

/*
 * The screening CLI's process runs without V8's allocation-site pretenuring. A batch's worker
 * threads make a screening's objects and drop them a line later, yet V8 sometimes decides from
 * a few young collections that some of those objects live long, and from then on makes them in
 * the old generation. In 2 of 9 runs of a 100,000-line `--csv` batch it did, and the workers
 * then promoted 68 and 112 MB to the old generation instead of 16–26 MB (every run
 * without pretenuring: 0 of 9), and the run that was timed took 1.73 s against 1.40–1.64 s.
 * V8 flags belong to the whole process, so the command's own launcher (dist/screen.cjs, on the
 * main thread) sets it, before the bundle compiles and before any worker starts; a batch worker's
 * launcher (dist/batch-worker.cjs) finds it set, and setting it again there would write a
 * process-wide flag while the other threads run. Told apart by name, not by asking
 * node:worker_threads, which a one-shot run would otherwise load for this alone.
 */
const V8_FLAGS: Record<string, string[]> = { screen: ["--no-allocation-site-pretenuring"] };

// Bundled as CommonJS beside its command's bundle (scripts/build.mjs), where __filename is the
// launcher's own path: dist/screen.cjs runs dist/screen.bundle.cjs, its cache in dist/.cache/.
const command = basename(__filename, ".cjs");
runCached(join(__dirname, `${command}.bundle.cjs`), join(__dirname, ".cache"), V8_FLAGS[command]);
