import { execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";
import type { FakeBotApi } from "../../support/fakeBotApi.js";
import { spawnBot } from "./childBot.js";
import { Dialog } from "./dialog.js";
import { questionWords, startModel } from "./driveInterview.js";
import { newDataDir, removeDataDirs, startFake } from "./harness.js";

let fake: FakeBotApi;
let child: ChildProcess;

/** The bundle `npm start` runs, built now from these sources: minifying once broke long polling. */
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ["scripts/build.mjs"], { cwd: projectRoot });
  fake = await startFake();
  child = spawnBot(fake, newDataDir(), "bundle");
}, 60_000);

afterAll(async () => {
  child.kill("SIGKILL");
  await fake.close();
  removeDataDirs();
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
});
