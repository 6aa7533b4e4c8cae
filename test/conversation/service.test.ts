import { describe, expect, it } from "vitest";
import type { Assistant } from "../../src/assistant/assistant.js";
import { ErasureIncompleteError } from "../../src/conversation/service.js";
import type { Turn } from "../../src/conversation/index.js";
import { t } from "../../src/i18n/translate.js";
import { currentResult } from "../../src/interview/index.js";
import { CONVERSATION_RECORD_VERSION, type ConversationRecord } from "../../src/store/store.js";
import { action, build, type Built, casesOf, command, core, expectedReplies, FakeAssistant, ID, interview, interviewOf, NOW, recordOf, text, TODAY } from "./harness.js";

const languageMenu = (lang: "en" | "zh") => ({ type: "message", text: t(lang, "bot.chooseLanguage"), choices: [[{ label: "中文", action: { kind: "lang", lang: "zh" } }, { label: "English", action: { kind: "lang", lang: "en" } }]] });
const errorTurn = (lang: "en" | "zh") => ({ replies: [{ type: "message", text: t(lang, "bot.error") }], later: null, outcome: "error" });

const stored = (change: Partial<ConversationRecord> & Record<string, unknown>): ConversationRecord =>
  ({ schema: CONVERSATION_RECORD_VERSION, conversationId: ID, lang: "en", interview: null, active: true, llm: { day: TODAY, calls: 0 }, updatedAt: "2026-02-01T00:00:00.000Z", ...change }) as ConversationRecord;

async function finish(built: Built) {
  await built.handle(command("check"));
  await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
  return (await casesOf(built))[0]!;
}

/** A promise the test settles. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("view: where a conversation stands, without changing it", () => {
  it("a new conversation: the language menu, in the hinted language, and nothing is stored", async () => {
    const built = build();
    expect(await built.service.view(ID, { languageHint: "zh-TW" })).toEqual({ lang: "zh", replies: [languageMenu("zh")] });
    expect(await built.service.view(ID)).toEqual({ lang: "en", replies: [languageMenu("en")] });
    expect(await built.store.getConversation(ID)).toBeNull();
  });

  it("a conversation without a screening: the language menu in its own language", async () => {
    const built = build();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(await built.service.view(ID, { languageHint: "en" })).toEqual({ lang: "zh", replies: [languageMenu("zh")] });
  });

  it("mid-screening: the current question, as it was asked, with no note", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const before = await recordOf(built);
    const expected = core([{ type: "text", text: "yes" }, { type: "start" }]);
    expect(await built.service.view(ID)).toEqual({ lang: "en", replies: expectedReplies(expected.state, expected.out, false) });
    expect(await recordOf(built)).toEqual(before);
  });

  it("after a screening: the final result and its case with the case's buttons", async () => {
    const built = build();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    const stored = await finish(built);
    const expected = core([{ type: "answer", key: "jurisdiction", turn: 1, value: false }], "zh");
    const { replies } = await built.service.view(ID);
    expect(replies).toEqual([
      ...expectedReplies(expected.state, [{ type: "result", evaluation: currentResult(interview, expected.state).evaluation, final: true }], false),
      {
        type: "message",
        text: t("zh", "bot.case.saved", { caseId: stored.caseId }),
        choices: [
          [{ label: t("zh", "bot.button.report"), action: { kind: "report", caseId: stored.caseId } }, { label: t("zh", "bot.button.explain"), action: { kind: "explain", caseId: stored.caseId } }],
          [{ label: t("zh", "bot.button.newScreening"), action: { kind: "new" } }],
        ],
      },
    ]);
  });

  it("after a screening whose case is gone: the result alone", async () => {
    const built = build();
    await finish(built);
    built.store.casesOf = async () => [];
    const { replies } = await built.service.view(ID);
    expect(replies.map((reply) => reply.type)).toEqual(["result"]);
  });
});

describe("exists, current and setReachable", () => {
  it("exists: only once something is stored, and no longer after erasure", async () => {
    const built = build();
    expect(await built.service.exists(ID)).toBe(false);
    await built.handle(command("help"));
    expect(await built.service.exists(ID)).toBe(false);
    await built.handle(command("check"));
    expect(await built.service.exists(ID)).toBe(true);
    await built.service.erase(ID);
    expect(await built.service.exists(ID)).toBe(false);
  });

  it("current: null without a screening; else its language, the screening so far and its result", async () => {
    const built = build();
    expect(await built.service.current(ID)).toBeNull();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(await built.service.current(ID)).toBeNull();
    await built.handle(command("check"));
    await built.handle(text("是"));
    const state = await interviewOf(built);
    expect(await built.service.current(ID)).toEqual({ lang: "zh", ...currentResult(interview, state) });
    expect((await built.service.current(ID))!.screening.applicant).toEqual({ inJurisdiction: true });
  });

  it("setReachable(false) marks a stored conversation inactive; the same state again writes nothing", async () => {
    const built = build();
    await built.handle(command("check"));
    const writes = built.store.puts.length;
    await built.service.setReachable(ID, true);
    expect(built.store.puts).toHaveLength(writes);
    await built.service.setReachable(ID, false);
    expect(await recordOf(built)).toMatchObject({ active: false });
    expect(built.store.puts).toHaveLength(writes + 1);
    await built.service.setReachable(ID, false);
    expect(built.store.puts).toHaveLength(writes + 1);
    await built.service.setReachable(ID, true);
    expect(await recordOf(built)).toMatchObject({ active: true });
  });

  it("setReachable of a conversation nothing is kept about stores nothing", async () => {
    const built = build();
    await built.service.setReachable(ID, false);
    await built.service.setReachable(ID, true);
    expect(await built.store.getConversation(ID)).toBeNull();
  });

  it("an inactive conversation that writes again is made active by its next turn, whatever the turn", async () => {
    const built = build();
    await built.store.putConversation(stored({ active: false, lang: "zh" }));
    const turn = await built.handle(command("help"));
    expect(turn.replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
    expect(await recordOf(built)).toEqual(stored({ active: true, lang: "zh", updatedAt: NOW.toISOString() }));
  });
});

describe("erasure", () => {
  it("erase() removes the conversation and its cases", async () => {
    const built = build();
    const { caseId } = await finish(built);
    await built.service.erase(ID);
    expect(await built.store.getConversation(ID)).toBeNull();
    expect(await built.store.getScreening(caseId)).toBeNull();
  });

  it("erase() that leaves files behind fails with what was left", async () => {
    const built = build();
    await built.handle(command("check"));
    built.store.notErased = ["/data/x.json"];
    const failed = await built.service.erase(ID).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ErasureIncompleteError);
    expect(failed).toMatchObject({ name: "ErasureIncompleteError", conversationId: ID, notErased: ["/data/x.json"], message: `conversation ${ID} erased in part: 1 file(s) could not be removed` });
    expect(built.logger.lines.filter((line) => line.msg === "conversation data erased")).toEqual([]);
  });

  it("Delete confirmed, erased in part: something went wrong, never done", async () => {
    const built = build();
    await built.handle(command("check"));
    built.store.notErased = ["a", "b"];
    expect(await built.handle(action({ kind: "delete", yes: true }), { languageHint: "zh" })).toEqual(errorTurn("zh"));
    expect(built.logger.lines).toContainEqual(expect.objectContaining({ level: "error", msg: "turn failed", conversation: ID, error: `ErasureIncompleteError: conversation ${ID} erased in part: 2 file(s) could not be removed` }));
  });

  it("a stored conversation that cannot be read can still be erased, without reading it", async () => {
    const built = build();
    await finish(built);
    built.store.failGet = 1;
    const turn = await built.handle(action({ kind: "delete", yes: true }), { languageHint: "zh" });
    expect(turn).toEqual({ replies: [{ type: "message", text: t("zh", "bot.delete.done"), inPlace: true }], later: null, outcome: "ok" });
    expect(await built.store.getConversation(ID)).toBeNull();
    expect(await built.store.casesOf(ID)).toEqual([]);
    expect(built.logger.lines).toContainEqual(expect.objectContaining({ level: "warn", msg: "stored conversation unusable; erasing without reading it", conversation: ID, error: "Error: unreadable file" }));
  });

  it("a stored conversation that cannot be read: /delete still asks; anything else fails the turn", async () => {
    const built = build();
    await built.handle(command("check"));
    built.store.failGet = 1;
    expect((await built.handle(command("delete"))).replies[0]).toMatchObject({ text: t("en", "bot.delete.confirm") });
    built.store.failGet = 1;
    expect(await built.handle(action({ kind: "delete", yes: false }))).toMatchObject({ outcome: "ok", replies: [{ text: t("en", "bot.delete.kept") }] });
    built.store.failGet = 1;
    expect(await built.handle(command("check"))).toEqual(errorTurn("en"));
    built.store.failGet = 1;
    expect(await built.handle(action({ kind: "go" }))).toEqual(errorTurn("en"));
    expect(built.logger.lines.filter((line) => line.msg === "stored conversation unusable; erasing without reading it")).toHaveLength(2);
  });
});

describe("a turn that fails", () => {
  it("is told as an error in the caller's language, logged, shown, and the next turn works", async () => {
    const built = build();
    await built.handle(command("check"));
    built.store.failPut = 1;
    const shown: Turn[] = [];
    const failed = await built.service.handle(ID, text("yes"), { languageHint: "zh" }, (turn) => shown.push(turn));
    expect(failed).toEqual(errorTurn("zh"));
    expect(shown).toEqual([failed]);
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "error", msg: "turn failed", conversation: ID, error: "Error: disk full" })]);
    const next = await built.handle(text("yes"));
    expect(next.outcome).toBe("ok");
    expect((await recordOf(built)).interview?.turn).toBe(2);
  });

  it("logs at most 300 characters of the error, and the type of something thrown that is no Error", async () => {
    const built = build();
    built.store.getConversation = () => Promise.reject(new Error("x".repeat(400)));
    await built.handle(command("check"));
    built.store.getConversation = () => Promise.reject("just a string");
    await built.handle(command("check"));
    const errors = built.logger.lines.filter((line) => line.msg === "turn failed").map((line) => line.error);
    expect(errors).toEqual([`Error: ${"x".repeat(293)}`, "string"]);
  });

  it("a turn shown through `show` is shown once, before handle resolves", async () => {
    const built = build();
    const shown: Turn[] = [];
    const turn = await built.service.handle(ID, command("help"), {}, (done) => shown.push(done));
    expect(shown).toEqual([turn]);
  });

  it("the turns of one conversation are shown in their order", async () => {
    const built = build();
    const shown: string[] = [];
    await Promise.all([
      built.service.handle(ID, command("check"), {}, () => shown.push("check")),
      built.service.handle(ID, text("yes"), {}, () => shown.push("yes")),
      built.service.handle(ID, command("result"), {}, () => shown.push("result")),
    ]);
    expect(shown).toEqual(["check", "yes", "result"]);
    expect((await recordOf(built)).interview?.turn).toBe(2);
  });

  it("a flood beyond 50 pending turns of one conversation is dropped, silently; other conversations go on", async () => {
    const built = build();
    const held = gate();
    const realGet = built.store.getConversation.bind(built.store);
    built.store.getConversation = async (id) => {
      if (id === ID) await held.promise;
      return realGet(id);
    };
    const turns = Array.from({ length: 50 }, () => built.handle(command("help")));
    const dropped = await built.handle(command("help"));
    expect(dropped).toEqual({ replies: [], later: null, outcome: "dropped" });
    expect((await built.handle(command("help"), {}, "tg:2")).outcome).toBe("ok");
    held.open();
    expect((await Promise.all(turns)).map((turn) => turn.outcome)).toEqual(Array(50).fill("ok"));
    expect(built.logger.lines).toEqual([]);
    expect((await built.handle(command("help"))).outcome).toBe("ok");
  });
});

describe("a stored interview this version cannot read", () => {
  it("is set aside with a warning, the user is told, and the turn goes on", async () => {
    const built = build();
    await built.store.putConversation(stored({ interview: { v: 0, nonsense: true } as never }));
    const turn = await built.handle(command("check"));
    const fresh = core([]);
    expect(turn.replies).toEqual([{ type: "message", text: t("en", "bot.check.unreadable") }, ...expectedReplies(fresh.state, fresh.out, false)]);
    expect(turn).toMatchObject({ outcome: "ok", standalone: true });
    expect((await recordOf(built)).interview).toEqual(fresh.state);
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "warn", msg: "stored interview unreadable; set aside", conversation: ID })]);
  });

  it("set aside even by a turn that changes nothing else; the next turn is told nothing", async () => {
    const built = build();
    await built.store.putConversation(stored({ lang: "zh", interview: { broken: 1 } as never }));
    expect((await built.handle(command("help"))).replies).toEqual([{ type: "message", text: t("zh", "bot.check.unreadable") }, { type: "message", text: t("zh", "bot.help") }]);
    expect(await recordOf(built)).toMatchObject({ interview: null, lang: "zh", updatedAt: NOW.toISOString() });
    expect((await built.handle(command("help"))).replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
  });

  it("is set aside and told of in a conversation marked inactive too, which the turn makes active again", async () => {
    const built = build();
    await built.store.putConversation(stored({ active: false, lang: "zh", interview: { broken: 1 } as never }));
    expect((await built.handle(command("help"))).replies).toEqual([{ type: "message", text: t("zh", "bot.check.unreadable") }, { type: "message", text: t("zh", "bot.help") }]);
    expect(await recordOf(built)).toMatchObject({ interview: null, active: true, lang: "zh" });
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "warn", msg: "stored interview unreadable; set aside", conversation: ID })]);
  });

  it("a stored language this version does not know falls back to the channel's hint", async () => {
    const built = build();
    await built.store.putConversation(stored({ lang: "fr" as never }));
    expect((await built.handle(command("help"), { languageHint: "zh" })).replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
    expect((await built.handle(command("help"))).replies).toEqual([{ type: "message", text: t("en", "bot.help") }]);
  });
});

describe("screenings begun, for the dashboard", () => {
  it("counted per channel when an interview opens, not when it goes on", async () => {
    const built = build();
    await built.handle(command("check"), {}, "web:abc");
    await built.handle(text("yes"), {}, "web:abc");
    await built.handle(command("check"), {}, "web:abc");
    expect((await built.store.activity(TODAY, TODAY)).get(TODAY)?.started).toEqual({ web: 1 });
  });

  it("a store that cannot count does not fail the turn: a warning", async () => {
    const built = build();
    built.store.failActivity = true;
    const turn = await built.handle(command("check"));
    expect(turn.outcome).toBe("ok");
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "warn", msg: "could not count a screening begun", error: "Error: activity unavailable" })]);
  });

  it("a record that cannot be read back after the turn is not counted, and the turn stands", async () => {
    const built = build();
    const realGet = built.store.getConversation.bind(built.store);
    let gets = 0;
    built.store.getConversation = (id) => (++gets === 2 ? Promise.reject(new Error("gone")) : realGet(id));
    const turn = await built.handle(command("check"));
    expect(turn.outcome).toBe("ok");
    expect(await built.store.activity(TODAY, TODAY)).toEqual(new Map());
    expect(built.logger.lines).toEqual([]);
  });
});

describe("work in hand: pending and drain", () => {
  it("an answer that comes later is in hand until it is written; drain waits for it", async () => {
    const held = gate<{ text: string; articles: string[]; source: "faq" }>();
    const assistant: Assistant = { ...new FakeAssistant(), explain: () => Promise.reject(new Error("unused")), ask: () => held.promise };
    const built = build({ assistant });
    const turn = await built.handle(command("ask", "who?"));
    await tick();
    expect(built.service.pending).toBe(1);
    let drained = false;
    const draining = built.service.drain().then(() => (drained = true));
    await tick();
    expect(drained).toBe(false);
    held.open({ text: "later", articles: [], source: "faq" });
    await draining;
    expect(await turn.later).toEqual([{ type: "message", text: "later" }]);
    expect(built.service.pending).toBe(0);
  });

  it("tracked work is in hand until it settles, even when it fails", async () => {
    const built = build();
    const held = gate();
    expect(built.service.pending).toBe(0);
    built.service.track(held.promise.then(() => Promise.reject(new Error("delivery failed"))));
    expect(built.service.pending).toBe(1);
    held.open();
    await built.service.drain();
    expect(built.service.pending).toBe(0);
  });
});
