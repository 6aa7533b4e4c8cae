import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { MemoryStore } from "../../../src/store/memoryStore.js";
import type { Store } from "../../../src/store/store.js";
import { conversationRecord, screeningRecord } from "../../store/fixtures/records.js";
import { Dialog } from "./dialog.js";
import { questionWords, startModel } from "./driveInterview.js";
import { newDataDir, useBotTests } from "./harness.js";

const tests = useBotTests();
const start = tests.start;

async function erase(dlg: Dialog): Promise<void> {
  dlg.command("/delete");
  await dlg.nextText(t("en", "bot.delete.confirm"));
  dlg.press("del|y");
}

describe("files the store cannot use", () => {
  it("a newer-schema chat file and a directory in chats/ stop neither the purge nor anyone's /delete, their own included; what is left is named in the log", async () => {
    const dir = newDataDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    const newer = join(dir, "chats", "tg_8101.json");
    const directory = join(dir, "chats", "tg_8102.json");
    writeFileSync(newer, JSON.stringify({ ...conversationRecord("tg:8101", { updatedAt: "2020-01-01T00:00:00.000Z" }), schema: 99 }));
    mkdirSync(directory);
    const bot = await start({ dir });
    const skipped = bot.logger.lines.filter((l) => l.msg === "store: retention purge skipped a file it cannot use").map((l) => l.file);
    expect(skipped).toEqual(expect.arrayContaining([newer, directory]));
    expect(bot.logger.lines.some((l) => l.msg === "retention purge")).toBe(true);

    const other = new Dialog(tests.fake, 8103);
    other.command("/check");
    await other.nextText(questionWords(startModel("en")));
    await erase(other);
    await other.nextText(t("en", "bot.delete.done"));
    expect(await bot.store.getConversation("tg:8103")).toBeNull();

    const newerOne = new Dialog(tests.fake, 8101);
    await erase(newerOne);
    await newerOne.nextText(t("en", "bot.delete.done"));
    expect(existsSync(newer)).toBe(false);

    const odd = new Dialog(tests.fake, 8102);
    await erase(odd);
    await odd.nextText(t("en", "bot.error"));
    expect(bot.logger.lines.find((l) => l.msg === "store: conversation erased in part; these files are left")).toMatchObject({ notErased: [directory] });
  });
});

describe("/report with 10,000 stored screenings", () => {
  it("finds the chat's case from its own list of cases: no scan of the store, one screening read", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 10_000; i++) await store.addScreening(screeningRecord(`tg:${100_000 + i}`, `2025-06-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00.000Z`));
    const mine = screeningRecord("tg:8200", "2025-06-15T09:00:00.000Z");
    await store.addScreening(mine);
    const reads = { scans: 0, screenings: 0 };
    const counting: Store = Object.assign(Object.create(store) as MemoryStore, {
      screenings: (from: string, to: string) => {
        reads.scans += 1;
        return store.screenings(from, to);
      },
      getScreening: (caseId: string) => {
        reads.screenings += 1;
        return store.getScreening(caseId);
      },
    });
    await start({ store: counting });
    const dlg = new Dialog(tests.fake, 8200);
    dlg.command("/report");
    const sent = await dlg.nextMethod("sendDocument");
    expect(sent.document?.filename).toBe(`${mine.caseId}.html`);
    expect(reads).toEqual({ scans: 0, screenings: 1 });
  });
});
