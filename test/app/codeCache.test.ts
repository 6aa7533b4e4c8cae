import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheFile } from "../../src/app/codeCache.js";

const SOURCE = "module.exports = { twice: (n) => 2 * n };\n";

let dir: string;
let bundle: string;
let cacheDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "code-cache-"));
  bundle = join(dir, "tool.bundle.cjs");
  cacheDir = join(dir, ".cache");
  writeFileSync(bundle, SOURCE);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codeCache = new URL("../../src/app/codeCache.ts", import.meta.url).href;

/**
 * Compiles the bundle as the launcher does, calls what it exports, and saves the cache unless
 * it was used: in a process of its own, since V8 keeps what an isolate compiled and would not
 * look at the cache again in this one.
 */
function runTwice(n: number): { state: string; result: number; saved: boolean } {
  const program = `
    import { compileBundle, saveCache } from ${JSON.stringify(codeCache)};
    const { script, file, state } = compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)});
    const module = { exports: {} };
    script.runInThisContext()(module.exports, undefined, module);
    const result = module.exports.twice(${n});
    const saved = state === "accepted" ? false : saveCache(script, file);
    process.stdout.write(JSON.stringify({ state, result, saved }));`;
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", program], { encoding: "utf8" }));
}

describe("the code cache of a bundle", () => {
  it("is absent at first, written at the end of the run, and used by the next run", () => {
    expect(runTwice(2)).toEqual({ state: "absent", result: 4, saved: true });
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^tool\.bundle\.cjs-[0-9a-f]{16}\.v8$/)]);
    expect(runTwice(3)).toEqual({ state: "accepted", result: 6, saved: false });
  });

  it("is never used for a rebuilt bundle of the same length, whose bytecode would be another's", () => {
    runTwice(1);
    writeFileSync(bundle, "module.exports = { twice: (n) => 3 * n };\n");
    expect(runTwice(2)).toEqual({ state: "absent", result: 6, saved: true });
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it("refused by V8 (damaged, or from another Node.js) is replaced", () => {
    const file = cacheFile(Buffer.from(SOURCE), bundle, cacheDir);
    runTwice(1);
    writeFileSync(file, "not a code cache");
    expect(runTwice(5)).toEqual({ state: "rejected", result: 10, saved: true });
    expect(runTwice(5).state).toBe("accepted");
  });

  it("is used by the next run of a command that sets V8 flags, since runCached sets them before compiling", () => {
    const program = `
      import { runCached } from ${JSON.stringify(codeCache)};
      runCached(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)}, ["--no-allocation-site-pretenuring"]);`;
    const run = () => execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", program]);
    run();
    const file = cacheFile(Buffer.from(SOURCE), bundle, cacheDir);
    const written = statSync(file).mtimeMs;
    run();
    // Refused, the cache would have been written again at the end of the run.
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it("that cannot be written leaves the run as it was", () => {
    writeFileSync(cacheDir, "a file where the cache folder should be");
    expect(runTwice(4)).toEqual({ state: "absent", result: 8, saved: false });
  });
});
