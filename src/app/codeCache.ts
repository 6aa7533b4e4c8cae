import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";

/** What became of a bundle's code cache: none yet, used, or refused by V8 (another Node.js, other flags). */
export type CacheState = "absent" | "accepted" | "rejected";

/**
 * V8 checks a code cache against its own version and flags, and against the source's length
 * only: a cache is named after a hash of the whole source, so a rebuilt bundle never runs
 * with the bytecode of another.
 */
export function cacheFile(source: Uint8Array, bundle: string, cacheDir: string): string {
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  return join(cacheDir, `${basename(bundle)}-${hash}.v8`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Compiles a CommonJS bundle with its code cache when there is one. Returns the module
 * function to call and how the cache fared.
 */
export function compileBundle(bundle: string, cacheDir: string): { script: Script; file: string; state: CacheState } {
  // Read as bytes, hashed as bytes and decoded once: reading it as text takes longer.
  const bytes = readFileSync(bundle);
  const file = cacheFile(bytes, bundle, cacheDir);
  const cachedData = readCache(file);
  const script = new Script(Module.wrap(bytes.toString("utf8")), { filename: bundle, cachedData });
  const state = cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "accepted";
  return { script, file, state };
}

/**
 * Writes the cache of everything compiled so far, through a temporary file so that a process
 * starting meanwhile reads a whole cache or none. A cache that cannot be written (a read-only
 * install) only costs the next start its compile time, so the failure is not reported.
 */
export function saveCache(script: Script, file: string): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Unique to this thread: the batch's workers may all save at once.
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a CommonJS bundle the way Node.js would, but with V8's code cache kept beside it in
 * `cacheDir`: a command that starts often (the screening CLI and its batch workers) then skips
 * compiling its half-megabyte bundle. The cache is written at exit, when it holds every
 * function the run compiled, and only when there was none or V8 refused it. `v8Flags` are set
 * first: V8 checks a code cache against its flags, so flags set once the bundle had compiled
 * would make every start refuse the cache written by the start before.
 */
export function runCached(bundle: string, cacheDir: string, v8Flags: readonly string[] = []): void {
  for (const flag of v8Flags) setFlagsFromString(flag);
  const { script, file, state } = compileBundle(bundle, cacheDir);
  if (state !== "accepted") process.once("exit", () => saveCache(script, file));
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
