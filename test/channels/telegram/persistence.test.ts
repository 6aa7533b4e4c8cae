import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { step } from "../../../src/interview/interview.js";
import { toScreeningRecord } from "../../../src/conversation/screeningRecord.js";
import { evaluate } from "../../../src/engine/evaluate.js";
import { createLogger } from "../../../src/log.js";
import { journalRecord } from "../../../src/store/journalFile.js";
import { openLowdbStore } from "../../../src/store/lowdbStore.js";
import { MemoryStore } from "../../../src/store/memoryStore.js";
import type { ConversationRecord } from "../../../src/store/store.js";
import { Dialog } from "./dialog.js";
import { answerJurisdiction, questionWords, startModel } from "./driveInterview.js";
import { interview, newDataDir, useBotTests } from "./harness.js";
import { FAST_GROWER } from "./personas.js";

const tests = useBotTests();
const { start, stop } = tests;
const spawnBot = (dir: string) => tests.spawn(dir);

/** Answers the first two questions by button, as the core would; returns the core's state after. */
async function answerTwo(dlg: Dialog) {
  let model = await answerJurisdiction(dlg);
  dlg.press(`a|${model.turn}|kind|o0`);
  model = step(interview, model, { type: "answer", key: "kind", turn: model.turn, value: "enterprise" }).state;
  await dlg.nextText(questionWords(model));
  return model;
}

describe("persistence across restarts", () => {
  it("a bot restarted mid-interview on the same DATA_DIR resumes at the same question", async () => {
    const dir = newDataDir();
    const first = await start({ dir });
    const dlg = new Dialog(tests.fake, 201);
    const model = await answerTwo(dlg);
    await stop(first);

    await start({ dir });
    dlg.command("/check");
    const resumed = await dlg.nextText(t("en", "bot.check.resume"));
    expect(resumed.text).toContain(questionWords(model));
    // The question's buttons from before the restart still work: the turn was saved with the answers.
    dlg.press(`a|${model.turn}|sectors|0`.replace("a|", "t|"));
    await dlg.nextMethod("editMessageText");
    expect(dlg.messages().at(-1)).toMatchObject({ reply_markup: { inline_keyboard: expect.arrayContaining([[expect.objectContaining({ text: expect.stringMatching(/^☑/) })]]) } });
  });

  it("a bot killed with SIGKILL between two answers loses neither", async () => {
    const dir = newDataDir();
    const child = spawnBot(dir);
    await tests.fake.whenPolling();
    const dlg = new Dialog(tests.fake, 202);
    const model = await answerTwo(dlg);
    child.kill("SIGKILL");
    await once(child, "exit");

    await start({ dir });
    dlg.command("/check");
    const resumed = await dlg.nextText(t("en", "bot.check.resume"));
    expect(resumed.text).toContain(questionWords(model));
    expect(model.log.map((entry) => entry.key)).toEqual(["jurisdiction", "kind"]);
  });

  it("SIGTERM stops the bot gracefully: replies delivered, store flushed and unlocked, exit code 0", async () => {
    const dir = newDataDir();
    const child = spawnBot(dir);
    await tests.fake.whenPolling();
    const dlg = new Dialog(tests.fake, 205);
    const model = await answerTwo(dlg);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(join(dir, ".lock"))).toBe(false);
    // The child runs on today's date, the model on the tests' one: compare what the answers made.
    const saved = (journalRecord(readFileSync(join(dir, "chats", "tg_205.json"), "utf8")) as ConversationRecord).interview!;
    expect([saved.log, saved.current, saved.turn]).toEqual([model.log, model.current, model.turn]);
  });

  it("screenings and idle chats older than RETENTION_DAYS are purged at start-up", async () => {
    const dir = newDataDir();
    const store = await openLowdbStore({ dir, logger: createLogger("silent") });
    const old = toScreeningRecord({ caseId: "TZ-20240101-7KQ3M2XA", conversationId: "tg:206", createdAt: new Date("2024-01-01T08:00:00Z"), lang: "en", screening: FAST_GROWER, evaluation: evaluate(FAST_GROWER, interview.rules, "2026-03-01") });
    const recent = { ...old, caseId: "TZ-20260220-7KQ3M2XA", createdAt: "2026-02-20T08:00:00.000Z" };
    await store.addScreening(old);
    await store.addScreening(recent);
    await store.close();
    const bot = await start({ dir, env: { RETENTION_DAYS: "30" } });
    expect(await bot.store.getScreening(old.caseId)).toBeNull();
    expect(await bot.store.getScreening(recent.caseId)).not.toBeNull();
  });

  it("a corrupted chat file does not stop the bot; the user is told and can start again", async () => {
    const dir = newDataDir();
    const first = await start({ dir });
    const dlg = new Dialog(tests.fake, 203);
    const model = await answerTwo(dlg);
    await stop(first);
    writeFileSync(join(dir, "chats", "tg_203.json"), '{"schema":1,"chatId":203,"lang":"en","interview":{"v":1,"lo');

    await start({ dir });
    const id = dlg.press(`t|${model.turn}|sectors|0`);
    await tests.fake.waitFor((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === id);
    expect(tests.fake.callbackAnswer(id)?.text).toBe(t("en", "bot.callback.noInterview"));
    dlg.command("/check");
    await dlg.nextText(questionWords(startModel("en")));
  });

  it("an interview state that fails its schema is treated as absent, and the user is told", async () => {
    const store = new MemoryStore();
    await store.putConversation({ schema: 2, conversationId: "tg:204", lang: "en", interview: { v: 99 } as never, active: true, llm: { day: "2026-03-01", calls: 0 }, updatedAt: "2026-03-01T00:00:00.000Z" });
    await start({ store });
    const dlg = new Dialog(tests.fake, 204);
    dlg.command("/result");
    await dlg.nextText(t("en", "bot.check.unreadable"));
    await dlg.nextText(t("en", "bot.check.none"));
    expect((await store.getConversation(`tg:${204}`))?.interview).toBeNull();
  });
});
