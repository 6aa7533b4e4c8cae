import { once } from "node:events";
import { chmodSync, chownSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { undeliveredBatches, type RunAs } from "./childBot.js";
import { Dialog } from "./dialog.js";
import { answerJurisdiction, questionWords } from "./driveInterview.js";
import { newDataDir, useBotTests } from "./harness.js";

const tests = useBotTests();

/** Root writes through any file mode: as root the bot runs as nobody, on a data folder nobody owns. */
const NOBODY: RunAs = { uid: 65534, gid: 65534 };
const runAs = process.getuid?.() === 0 ? NOBODY : undefined;

/** Every folder and file under `dir`, itself included. */
function entriesUnder(dir: string): string[] {
  return [dir, ...readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => join(dir, name))];
}

/** Makes the data folder read-only, as a remount would; returns what puts the modes back. */
function makeReadOnly(dir: string): () => void {
  // A temporary file the bot renames meanwhile has no mode to change.
  const modes = entriesUnder(dir).flatMap((path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? [{ path, mode: stat.mode & 0o7777 }] : [];
  });
  for (const { path, mode } of modes) chmodSync(path, mode & 0o555);
  return () => {
    for (const { path, mode } of modes) chmodSync(path, mode);
  };
}

describe("a read-only DATA_DIR", () => {
  it("tells the user something went wrong, shows the last saved question again, and after a restart on a writable folder the state is the one before the failed write", async () => {
    const dir = newDataDir();
    if (runAs) chownSync(dir, runAs.uid, runAs.gid);
    const child = tests.spawn(dir, "source", {}, runAs);
    let logged = "";
    child.stderr?.on("data", (chunk: Buffer) => (logged += chunk.toString("utf8")));
    await tests.fake.whenPolling();
    const dlg = new Dialog(tests.fake, 8300);
    const model = await answerJurisdiction(dlg);

    // The reply just shown is still leaving the outbox: the folder goes read-only once it has.
    await expect.poll(() => undeliveredBatches(dir), { timeout: 10_000 }).toBe(0);
    const writable = makeReadOnly(dir);
    dlg.press(`a|${model.turn}|kind|o0`);
    await dlg.nextText(t("en", "bot.error"));
    dlg.command("/check");
    expect((await dlg.nextText(t("en", "bot.check.resume"))).text).toContain(questionWords(model));
    child.kill("SIGKILL");
    await once(child, "exit");
    // The write failed because the file system refused it, not for any other reason.
    expect(logged).toMatch(/EACCES|EROFS|EPERM/);

    writable();
    const bot = await tests.start({ dir });
    dlg.command("/check");
    expect((await dlg.nextText(t("en", "bot.check.resume"))).text).toContain(questionWords(model));
    expect((await bot.store.getConversation("tg:8300"))?.interview?.log).toEqual([{ key: "jurisdiction", value: true }]);
  });
});
