import { execFile, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import type { FakeBotApi } from "../support/fakeBotApi.js";
import { runBuiltCli, runCli } from "../support/runCli.js";
import { spawnBot } from "../channels/telegram/childBot.js";
import { Dialog } from "../channels/telegram/dialog.js";
import { questionWords, startModel } from "../channels/telegram/driveInterview.js";
import { newDataDir, removeDataDirs, startFake } from "../channels/telegram/harness.js";

let fake: FakeBotApi;
let child: ChildProcess;

const tmp = mkdtempSync(join(tmpdir(), "bundles-"));

/**
 * The bundles `npm start` and `npm run screen` run, built now from these sources: minifying once
 * broke long polling, and the screening CLI loads parts of itself only when a run needs them.
 */
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ["scripts/build.mjs"], { cwd: projectRoot });
  fake = await startFake();
  child = spawnBot(fake, newDataDir(), "bundle");
}, 60_000);

afterAll(async () => {
  child.kill("SIGKILL");
  await fake.close();
  removeDataDirs();
  rmSync(tmp, { recursive: true, force: true });
});

describe("the built bundle (dist/start.mjs)", () => {
  it("polls the Bot API and answers /start, then /check with the first question", async () => {
    await fake.whenPolling();
    const dlg = new Dialog(fake, 9100);
    dlg.command("/start");
    await dlg.nextMethod("sendMessage");
    expect(dlg.buttons()).toEqual(expect.arrayContaining(["l|en", "l|zh"]));
    dlg.command("/check");
    // The child runs on today's date: the first question's words do not depend on it.
    expect((await dlg.nextMethod("sendMessage")).text).toContain(questionWords(startModel("en")).split("\n").at(-1));
  });

  it("stops on SIGTERM while a long poll is held, and exits 0", async () => {
    await fake.whenPolling();
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});

/** The built screening CLI (its launcher, dist/screen.cjs), without an LLM key as the sources run below. */
const NO_KEY = { OPENAI_API_KEY: "" };
const runBuilt = (args: string[]) => runBuiltCli("screen.cjs", args, undefined, NO_KEY);

describe("the built screening CLI (dist/screen.cjs)", () => {
  const example = join(projectRoot, "examples", "spec-example.json");

  it.each([
    ["the result JSON", ["--json", example]],
    ["the readable result", ["--lang", "zh", example]],
    ["the readable result and its template explanation", ["--explain", example]],
    ["an invalid --jobs refused", ["--batch", example, "--jobs", "0"]],
  ])("prints what the sources print: %s", async (_, args) => {
    const [built, source] = await Promise.all([runBuilt(args), runCli("screen", args, undefined, NO_KEY)]);
    expect(built).toEqual(source);
    expect(built.stdout + built.stderr).not.toBe("");
  });

  it("screens a batch on two worker threads as on one, in input order", async () => {
    const batch = join(tmp, "batch.jsonl");
    const screening = JSON.parse(readFileSync(example, "utf8")) as { applicant: { name: string } };
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ ...screening, applicant: { ...screening.applicant, name: `Applicant ${i}` } }));
    writeFileSync(batch, `${lines.join("\n")}\n{"version": 1, "asOf": "not a date"}\n`);
    const [one, two] = await Promise.all([runBuilt(["--batch", batch, "--csv", "--jobs", "1"]), runBuilt(["--batch", batch, "--csv", "--jobs", "2"])]);
    expect(two).toEqual(one);
    expect(one.code).toBe(2);
    expect(one.stdout.trim().split("\n")).toHaveLength(1 + 41);
  });
});
