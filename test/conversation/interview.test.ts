import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { t } from "../../src/i18n/translate.js";
import { welcomeText } from "../../src/conversation/menus.js";
import { CONTRACT_PERSONA } from "../channels/channelContract.js";
import { action, build, CASE_ID, casesOf, command, core, expectedReplies, ID, interview, interviewToEnd, NOW, questionOf, recordOf, text, TODAY } from "./harness.js";

const OUTSIDE: Screening = { asOf: TODAY, applicant: { inJurisdiction: false } };

const caseChoices = (lang: "en" | "zh", caseId: string) => [
  [{ label: t(lang, "bot.button.report"), action: { kind: "report", caseId } }, { label: t(lang, "bot.button.explain"), action: { kind: "explain", caseId } }],
  [{ label: t(lang, "bot.button.newScreening"), action: { kind: "new" } }],
];

describe("a screening from start to case", () => {
  it("a whole interview by buttons and typed amounts ends in the engine's result and a stored case", async () => {
    const built = build();
    const { last, questions } = await interviewToEnd(built, CONTRACT_PERSONA);
    expect(questions).toBeGreaterThan(10);
    const [stored] = await casesOf(built);
    expect(await built.store.casesOf(ID)).toHaveLength(1);
    const evaluation = evaluate(stored!.screening, interview.rules, TODAY);
    expect(evaluation.totalMaxSupportFen).toBe(evaluate(CONTRACT_PERSONA, interview.rules, TODAY).totalMaxSupportFen);
    expect(evaluation.totalMaxSupportFen).toBeGreaterThan(0);
    const result = last.replies.find((reply) => reply.type === "result");
    expect(result).toMatchObject({ type: "result", final: true, evaluation: { totalMaxSupportFen: evaluation.totalMaxSupportFen } });
    expect(last.replies.at(-1)).toEqual({ type: "message", text: t("en", "bot.case.saved", { caseId: stored!.caseId }), choices: caseChoices("en", stored!.caseId) });
    expect(last.outcome).toBe("ok");
    expect(stored).toMatchObject({
      schema: 3,
      conversationId: ID,
      createdAt: NOW.toISOString(),
      lang: "en",
      asOf: TODAY,
      inForce: evaluation.inForce,
      rulesVersion: evaluation.rulesVersion,
      totalMaxSupportFen: evaluation.totalMaxSupportFen,
    });
    expect(stored!.caseId).toMatch(new RegExp(`^TZ-${TODAY.replaceAll("-", "")}-[0-9A-Z]{8}$`));
    expect(stored!.items.map((item) => [item.id, item.status, item.maxSupportFen, item.potentialMaxSupportFen, item.project, item.counted, item.countedSupportFen])).toEqual(
      evaluation.items.map((item) => [item.id, item.status, item.maxSupportFen, item.potentialMaxSupportFen, item.project?.index ?? null, item.counted, item.countedSupportFen]),
    );
    expect((await recordOf(built)).interview?.done).toBe(true);
  });

  it("one answer that ends it (outside the district): the final result, then the case number with its buttons", async () => {
    const built = build();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    await built.handle(command("check"));
    const turn = await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    const expected = core([{ type: "answer", key: "jurisdiction", turn: 1, value: false }], "zh");
    const [stored] = await casesOf(built);
    expect(turn.replies).toEqual([...expectedReplies(expected.state, expected.out, true), { type: "message", text: t("zh", "bot.case.saved", { caseId: stored!.caseId }), choices: caseChoices("zh", stored!.caseId) }]);
    expect(turn.replies[0]).toMatchObject({ type: "result", final: true });
    expect(stored).toMatchObject({ lang: "zh", totalMaxSupportFen: evaluate(OUTSIDE, interview.rules, TODAY).totalMaxSupportFen });
    expect(stored!.items.filter((item) => item.missing !== undefined || item.nearMiss !== undefined)).toEqual([]);
  });

  it("a finished screening is not stored again by /result, and /result shows it without a case number", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    const again = await built.handle(command("result"));
    const expected = core([{ type: "answer", key: "jurisdiction", turn: 1, value: false }, { type: "result" }]);
    expect(again.replies).toEqual(expectedReplies(expected.state, expected.out, false));
    expect(again.replies.some((reply) => CASE_ID.test("text" in reply ? reply.text : ""))).toBe(false);
    expect(await built.store.casesOf(ID)).toHaveLength(1);
  });

  it("a case's items keep what is missing and the near miss of an item that failed on one condition", async () => {
    const built = build();
    await interviewToEnd(built, { ...CONTRACT_PERSONA, growth: {}, vouchers: { ...CONTRACT_PERSONA.vouchers, significantResults: false } });
    const [stored] = await casesOf(built);
    const evaluation = evaluate(stored!.screening, interview.rules, TODAY);
    const withMissing = evaluation.items.filter((item) => item.missing.length > 0);
    const nearMisses = evaluation.items.filter((item) => item.ifConditionMetFen !== null && item.reasons[0]);
    expect(withMissing.length).toBeGreaterThan(0);
    expect(nearMisses.length).toBeGreaterThan(0);
    for (const [i, item] of evaluation.items.entries()) {
      expect(stored!.items[i]!.missing).toEqual(item.missing.length > 0 ? item.missing : undefined);
      expect(stored!.items[i]!.nearMiss).toEqual(item.ifConditionMetFen !== null && item.reasons[0] ? item.reasons[0].code : undefined);
    }
  });
});

describe("/check, /result and /cancel", () => {
  it("/check starts a screening: the first question, as a new message, and the conversation is saved at turn 1", async () => {
    const built = build();
    const turn = await built.handle(command("check"));
    const expected = core([]);
    expect(turn).toEqual({ replies: expectedReplies(expected.state, expected.out, false), later: null, outcome: "ok", standalone: true });
    expect(questionOf(turn).question).toMatchObject({ key: "jurisdiction", turn: 1, answer: "yes_no" });
    const record = await recordOf(built);
    expect(record).toEqual({ schema: 2, conversationId: ID, lang: "en", interview: expected.state, active: true, llm: { day: TODAY, calls: 0 }, updatedAt: NOW.toISOString() });
  });

  it("/check during a screening resumes it: a note, then the current question again", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const turn = await built.handle(command("check"));
    const expected = core([{ type: "text", text: "yes" }, { type: "start" }]);
    expect(turn).toEqual({ replies: [{ type: "notice", text: t("en", "bot.check.resume") }, ...expectedReplies(expected.state, expected.out, false)], later: null, outcome: "ok", standalone: true });
    expect(questionOf(turn).question.turn).toBe(2);
  });

  it("/result with no screening says there is none", async () => {
    const built = build();
    expect(await built.handle(command("result"))).toEqual({ replies: [{ type: "message", text: t("en", "bot.check.none") }], later: null, outcome: "ok" });
    expect(await built.store.getConversation(ID)).toBeNull();
  });

  it("/result mid-screening shows the interim result and stores no case", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const turn = await built.handle(command("result"));
    const expected = core([{ type: "text", text: "yes" }, { type: "result" }]);
    expect(turn.replies).toEqual(expectedReplies(expected.state, expected.out, false));
    expect(turn.replies[0]).toMatchObject({ type: "result", final: false });
    expect(await built.store.casesOf(ID)).toEqual([]);
  });

  it("/cancel drops the screening in progress and says so; then there is nothing to cancel", async () => {
    const built = build();
    await built.handle(command("check"));
    const turn = await built.handle(command("cancel"));
    expect(turn).toEqual({ replies: [{ type: "message", text: t("en", "bot.cancel.done") }], later: null, outcome: "ok" });
    expect((await recordOf(built)).interview).toBeNull();
    expect((await built.handle(command("cancel"))).replies).toEqual([{ type: "message", text: t("en", "bot.cancel.nothing") }]);
  });

  it("/cancel with nothing stored, or after a finished screening, changes nothing", async () => {
    const built = build();
    expect((await built.handle(command("cancel"))).replies).toEqual([{ type: "message", text: t("en", "bot.cancel.nothing") }]);
    expect(await built.store.getConversation(ID)).toBeNull();
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    expect((await built.handle(command("cancel"))).replies).toEqual([{ type: "message", text: t("en", "bot.cancel.nothing") }]);
    expect((await recordOf(built)).interview?.done).toBe(true);
  });

  it("Start after a finished screening, and New screening at any time, begin afresh; the case stays", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    const go = await built.handle(action({ kind: "go" }));
    const fresh = core([]);
    expect(go).toEqual({ replies: expectedReplies(fresh.state, fresh.out, false), later: null, outcome: "ok", standalone: true });
    await built.handle(text("yes"));
    const restarted = await built.handle(action({ kind: "new" }));
    expect(restarted).toEqual({ replies: expectedReplies(fresh.state, fresh.out, false), later: null, outcome: "ok", standalone: true });
    expect((await recordOf(built)).interview).toEqual(fresh.state);
    expect(await built.store.casesOf(ID)).toHaveLength(1);
  });

  it("a case id that is taken is drawn again", async () => {
    const built = build();
    const taken: string[] = [];
    const realGet = built.store.getScreening.bind(built.store);
    built.store.getScreening = async (caseId) => {
      taken.push(caseId);
      return taken.length < 3 ? { caseId } as never : realGet(caseId);
    };
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    const stored = await built.store.casesOf(ID);
    expect(taken).toHaveLength(3);
    expect(stored).toEqual([taken[2]]);
  });

  it("a case id is drawn at most five times", async () => {
    const built = build();
    const asked: string[] = [];
    built.store.getScreening = async (caseId) => {
      asked.push(caseId);
      return { caseId } as never;
    };
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    expect(asked).toHaveLength(4);
    expect(await built.store.casesOf(ID)).toHaveLength(1);
  });
});

describe("the language", () => {
  it("a language button: a note and the welcome in that language, remembered for the conversation", async () => {
    const built = build();
    const turn = await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(turn).toEqual({
      replies: [
        { type: "notice", text: t("zh", "interview.langChanged") },
        { type: "message", text: welcomeText(interview.rules, "zh"), choices: [[{ label: t("zh", "bot.button.start"), action: { kind: "go" } }], [{ label: t("zh", "bot.button.articles"), action: { kind: "articles" } }]], inPlace: true },
      ],
      later: null,
      outcome: "ok",
    });
    expect(await recordOf(built)).toMatchObject({ lang: "zh", interview: null });
    expect((await built.handle(command("help"), { languageHint: "en" })).replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
  });

  it("the welcome text: title, body, what the assistant does and the disclaimer", () => {
    expect(welcomeText(interview.rules, "en")).toBe([t("en", "welcome.title"), "", t("en", "welcome.body"), "", t("en", "bot.about"), "", t("en", "bot.disclaimerTitle"), interview.rules.policy.disclaimer.text.en].join("\n"));
  });

  it("changing language mid-screening changes the interview's too, and offers to continue", async () => {
    const built = build();
    await built.handle(command("check"));
    const turn = await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(turn.replies[1]).toMatchObject({ choices: [[{ label: t("zh", "bot.button.continue"), action: { kind: "go" } }], [{ label: t("zh", "bot.button.articles"), action: { kind: "articles" } }]] });
    expect((await recordOf(built)).interview?.lang).toBe("zh");
    const resumed = await built.handle(action({ kind: "go" }));
    const expected = core([{ type: "lang", lang: "zh" }, { type: "start" }]);
    expect(resumed.replies).toEqual([{ type: "notice", text: t("zh", "bot.check.resume") }, ...expectedReplies(expected.state, expected.out, false)]);
  });

  it("after a finished screening, a language change offers to start, not continue", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    const turn = await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(turn.replies[1]).toMatchObject({ choices: [[{ label: t("zh", "bot.button.start"), action: { kind: "go" } }], [{ label: t("zh", "bot.button.articles"), action: { kind: "articles" } }]] });
    expect(await recordOf(built)).toMatchObject({ lang: "zh", interview: { lang: "zh", done: true } });
  });

  it("a first contact takes the channel's language hint; a Chinese hint in any case and spacing means Chinese", async () => {
    const built = build();
    expect((await built.handle(command("help"), { languageHint: " ZH-hans" })).replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
    expect((await built.handle(command("help"), { languageHint: "fr" })).replies).toEqual([{ type: "message", text: t("en", "bot.help") }]);
    expect((await built.handle(command("help"))).replies).toEqual([{ type: "message", text: t("en", "bot.help") }]);
  });

  it("a screening started in Chinese asks in Chinese, and the interview's language is the one stored", async () => {
    const built = build();
    await built.handle(command("start"), { languageHint: "zh-CN" });
    const turn = await built.handle(command("check"), { languageHint: "zh-CN" });
    const expected = core([], "zh");
    expect(turn.replies).toEqual(expectedReplies(expected.state, expected.out, false));
    expect(await recordOf(built)).toMatchObject({ lang: "zh", interview: { lang: "zh" } });
  });
});

describe("what a turn writes", () => {
  it("a turn that leaves the screening as it was writes nothing: resuming, the result so far, text that is no answer", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const writes = built.store.puts.length;
    await built.handle(command("check"));
    await built.handle(command("result"));
    await built.handle(text("blah"));
    expect(built.store.puts).toHaveLength(writes);
    await built.handle(text("1"));
    expect(built.store.puts).toHaveLength(writes + 1);
    expect((await recordOf(built)).interview?.turn).toBe(3);
  });

  it("lang zh typed mid-screening changes the conversation's language as well as the interview's", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const turn = await built.handle(text("lang zh"));
    const expected = core([{ type: "text", text: "yes" }, { type: "text", text: "lang zh" }]);
    expect(turn.replies).toEqual(expectedReplies(expected.state, expected.out, false));
    expect(await recordOf(built)).toMatchObject({ lang: "zh", interview: { lang: "zh" } });
    expect((await built.handle(command("help"))).replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
  });

  it("the interview's other messages come as plain messages: items ruled out, the summary, help with a question", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const excluded = await built.handle(action({ kind: "answer", key: "kind", turn: 2, value: "social_organization" }));
    const afterKind = core([{ type: "text", text: "yes" }, { type: "answer", key: "kind", turn: 2, value: "social_organization" }]);
    expect(afterKind.out.map((msg) => msg.type)).toEqual(["excluded", "question"]);
    expect(excluded.replies).toEqual(expectedReplies(afterKind.state, afterKind.out, true));
    expect(excluded.replies[0]).toMatchObject({ type: "message" });
    for (const typed of ["summary", "help"]) {
      const turn = await built.handle(text(typed));
      const expected = core([{ type: "text", text: "yes" }, { type: "answer", key: "kind", turn: 2, value: "social_organization" }, { type: "text", text: typed }]);
      expect(turn.replies).toEqual(expectedReplies(expected.state, expected.out, false));
      expect(turn.replies[0]).toMatchObject({ type: "message" });
    }
  });
});
