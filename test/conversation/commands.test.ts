import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { answerQuestion } from "../../src/faq/answer.js";
import { articlesByDay } from "../../src/faq/articles.js";
import { offlineReply } from "../../src/faq/faqReply.js";
import type { Lang } from "../../src/i18n/lang.js";
import { t } from "../../src/i18n/translate.js";
import { currentResult, describeFact } from "../../src/interview/index.js";
import { COMMANDS, isCommand } from "../../src/conversation/index.js";
import { readSlashCommand } from "../../src/conversation/input.js";
import { buildReportHtml } from "../../src/report/reportHtml.js";
import { explainResult } from "../../src/result/explainResult.js";
import type { ScreeningRecord } from "../../src/store/store.js";
import { action, build, type Built, casesOf, command, ID, interview, interviewOf, recordOf, text, TODAY } from "./harness.js";

const languageMenu = (lang: Lang) => ({ type: "message", text: t(lang, "bot.chooseLanguage"), choices: [[{ label: "中文", action: { kind: "lang", lang: "zh" } }, { label: "English", action: { kind: "lang", lang: "en" } }]] });

/** The Articles as buttons, five to a row. */
function articleRows() {
  const ids = articlesByDay(interview.rules, TODAY)(TODAY).articles.map((a) => a.article);
  const rows = [];
  for (let i = 0; i < ids.length; i += 5) rows.push(ids.slice(i, i + 5).map((article) => ({ label: article, action: { kind: "article", article } })));
  return rows;
}

/** Finishes a one-answer screening (outside the district) and returns its stored case. */
async function finishedCase(built: Built, id = ID): Promise<ScreeningRecord> {
  await built.handle(command("check"), {}, id);
  await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }), {}, id);
  return (await casesOf(built, id)).at(-1)!;
}

const reportOf = (record: ScreeningRecord, lang: Lang) => ({
  type: "document",
  filename: `${record.caseId}.html`,
  mediaType: "text/html",
  content: buildReportHtml({ record, evaluation: evaluate(record.screening, interview.rules, record.asOf), rules: interview.rules, bank: interview.bank, lang }),
  caption: t(lang, "bot.report.caption", { caseId: record.caseId }),
});

const explanationOf = (record: Pick<ScreeningRecord, "screening" | "asOf">, lang: Lang) =>
  explainResult(evaluate(record.screening, interview.rules, record.asOf), interview.rules, lang, describeFact({ ...interview, screening: record.screening }));

describe("the command list", () => {
  it("names every command a channel offers, and nothing else", () => {
    expect(COMMANDS).toEqual(["start", "check", "result", "report", "articles", "ask", "explain", "lang", "help", "cancel", "delete", "stats", "export", "case"]);
    for (const name of COMMANDS) expect(isCommand(name)).toBe(true);
    expect(isCommand("Start")).toBe(false);
    expect(isCommand("")).toBe(false);
    expect(isCommand("toString")).toBe(false);
  });
});

describe("commands", () => {
  it.each(["start", "lang"])("/%s shows the language menu in both languages, and stores nothing", async (name) => {
    const built = build();
    expect(await built.handle(command(name))).toEqual({ replies: [languageMenu("en")], later: null, outcome: "ok" });
    expect(await built.store.getConversation(ID)).toBeNull();
  });

  it("/help, and any unknown command, answers with the help", async () => {
    const built = build();
    for (const name of ["help", "frobnicate", ""]) expect(await built.handle(command(name))).toEqual({ replies: [{ type: "message", text: t("en", "bot.help") }], later: null, outcome: "ok" });
    expect((await built.handle(command("nope"), { languageHint: "zh" })).replies).toEqual([{ type: "message", text: t("zh", "bot.help") }]);
  });

  it("/articles lists the Articles, five to a row, as a new message", async () => {
    const built = build();
    const turn = await built.handle(command("articles"));
    expect(turn).toEqual({ replies: [{ type: "message", text: t("en", "bot.articles.choose"), choices: articleRows() }], later: null, outcome: "ok" });
    expect(articleRows().map((row) => row.length)).toEqual([5, 5, 5, 4]);
  });

  it("/delete asks before erasing, with Yes and No", async () => {
    const built = build();
    expect(await built.handle(command("delete"), { languageHint: "zh" })).toEqual({
      replies: [{ type: "message", text: t("zh", "bot.delete.confirm"), choices: [[{ label: t("zh", "bot.button.deleteYes"), action: { kind: "delete", yes: true } }, { label: t("zh", "bot.button.deleteNo"), action: { kind: "delete", yes: false } }]] }],
      later: null,
      outcome: "ok",
    });
  });

  it("/ask alone says how to use it; /ask QUESTION answers later from the FAQ", async () => {
    const built = build();
    expect(await built.handle(command("ask"))).toEqual({ replies: [{ type: "message", text: t("en", "bot.ask.usage") }], later: null, outcome: "ok" });
    const turn = await built.handle(command("ask", "Who can apply?"));
    expect(turn.replies).toEqual([]);
    expect(turn.outcome).toBe("ok");
    expect(await turn.later).toEqual([{ type: "message", text: offlineReply(answerQuestion("Who can apply?", "en")).text }]);
  });

  it("/explain with nothing to explain says there is no screening", async () => {
    const built = build();
    expect(await built.handle(command("explain"))).toEqual({ replies: [{ type: "message", text: t("en", "bot.check.none") }], later: null, outcome: "ignored" });
  });

  it("/explain during a screening explains the result so far, later", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const turn = await built.handle(command("explain"));
    const { screening } = currentResult(interview, await interviewOf(built));
    expect(turn.replies).toEqual([]);
    expect(await turn.later).toEqual([{ type: "message", text: explanationOf({ screening, asOf: TODAY }, "en") }]);
  });

  it("/explain after the screening was cancelled explains the latest case", async () => {
    const built = build();
    const stored = await finishedCase(built);
    await built.handle(action({ kind: "new" }));
    await built.handle(command("cancel"));
    const turn = await built.handle(command("explain"));
    expect(await turn.later).toEqual([{ type: "message", text: explanationOf(stored, "en") }]);
    expect(turn.outcome).toBe("ok");
  });
});

describe("/report", () => {
  it("with no finished screening says so", async () => {
    const built = build();
    expect(await built.handle(command("report"))).toEqual({ replies: [{ type: "message", text: t("en", "bot.report.none") }], later: null, outcome: "ok" });
  });

  it("alone sends the printable report of the latest case", async () => {
    const built = build();
    await finishedCase(built);
    const latest = await finishedCase(built);
    expect(await built.store.casesOf(ID)).toHaveLength(2);
    expect(await built.handle(command("report"))).toEqual({ replies: [reportOf(latest, "en")], later: null, outcome: "ok" });
  });

  it("alone skips a listed case the store no longer has", async () => {
    const built = build();
    const stored = await finishedCase(built);
    const listed = built.store.casesOf.bind(built.store);
    built.store.casesOf = async (id) => [...(await listed(id)), "TZ-20260301-ZZZZZZZZ"];
    expect((await built.handle(command("report"))).replies).toEqual([reportOf(stored, "en")]);
  });

  it("with the id of one of the conversation's cases sends that report, in the conversation's language", async () => {
    const built = build();
    const stored = await finishedCase(built);
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect((await built.handle(command("report", stored.caseId))).replies).toEqual([reportOf(stored, "zh")]);
  });

  it("with another conversation's case: not found, unless the caller is staff", async () => {
    const built = build();
    const theirs = await finishedCase(built, "web:other");
    expect(await built.handle(command("report", theirs.caseId))).toEqual({ replies: [{ type: "message", text: t("en", "bot.report.notFound", { caseId: theirs.caseId }) }], later: null, outcome: "ok" });
    expect((await built.handle(command("report", theirs.caseId), { staff: true })).replies).toEqual([reportOf(theirs, "en")]);
  });

  it("with an id of no case: not found", async () => {
    const built = build();
    expect((await built.handle(command("report", "TZ-20260301-7KQ3M2XA"))).replies).toEqual([{ type: "message", text: t("en", "bot.report.notFound", { caseId: "TZ-20260301-7KQ3M2XA" }) }]);
  });

  it("with text that is no case id: not found, its first 40 characters quoted, and ignored", async () => {
    const built = build();
    const junk = "x".repeat(39) + "yz";
    expect(await built.handle(command("report", junk))).toEqual({ replies: [{ type: "message", text: t("en", "bot.report.notFound", { caseId: junk.slice(0, 40) }) }], later: null, outcome: "ignored" });
    expect((await built.handle(command("report", "tz-20260301-7kq3m2xa"))).outcome).toBe("ignored");
  });
});

describe("commands typed as text", () => {
  it("reads /word, /word@bot and arguments; a word is letters only, up to 32", () => {
    expect(readSlashCommand("/report TZ-20260301-7KQ3M2XA")).toEqual({ command: "report", args: "TZ-20260301-7KQ3M2XA" });
    expect(readSlashCommand("  /Check@my_bot  ")).toEqual({ command: "check", args: "" });
    expect(readSlashCommand("/ask@bot   who can\n apply?  ")).toEqual({ command: "ask", args: "who can\n apply?" });
    expect(readSlashCommand(`/${"a".repeat(32)}`)).toEqual({ command: "a".repeat(32), args: "" });
    expect(readSlashCommand(`/${"a".repeat(33)}`)).toBeNull();
    expect(readSlashCommand("/")).toBeNull();
    expect(readSlashCommand("/123")).toBeNull();
    expect(readSlashCommand("/help!")).toBeNull();
    expect(readSlashCommand("help")).toBeNull();
    expect(readSlashCommand("x /help")).toBeNull();
    expect(readSlashCommand("/ask\twhy")).toEqual({ command: "ask", args: "why" });
  });

  it("/Check@bot typed starts the screening as /check does", async () => {
    const built = build();
    const typed = await built.handle(text("/Check@tongzhou_bot"));
    const other = build();
    expect(typed).toEqual(await other.handle(command("check")));
  });

  it("/report CASE typed sends that case's report", async () => {
    const built = build();
    const stored = await finishedCase(built);
    expect((await built.handle(text(`/report ${stored.caseId}`))).replies).toEqual([reportOf(stored, "en")]);
  });

  it("/ask typed with spaces only says how to use it", async () => {
    const built = build();
    expect((await built.handle(text("/ask    "))).replies).toEqual([{ type: "message", text: t("en", "bot.ask.usage") }]);
  });

  it("an unknown /word typed gets the help, even mid-screening, and the screening is unchanged", async () => {
    const built = build();
    await built.handle(command("check"));
    const before = await recordOf(built);
    expect((await built.handle(text("/whatever now"))).replies).toEqual([{ type: "message", text: t("en", "bot.help") }]);
    expect(await recordOf(built)).toEqual(before);
  });
});

describe("staff commands", () => {
  it.each(["stats", "export", "case"])("/%s is refused to a caller the channel does not vouch for, with a warning in the log", async (name) => {
    const built = build();
    const turn = await built.handle(command(name, "TZ-20260301-7KQ3M2XA"), { userId: 42, staff: false });
    expect(turn).toEqual({ replies: [{ type: "message", text: t("en", "bot.admin.refused") }], later: null, outcome: "refused" });
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "warn", msg: "staff command refused", conversation: ID, user: 42, command: name })]);
  });

  it("typed as text by a non-staff caller: refused in the conversation's language", async () => {
    const built = build();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(await built.handle(text("/stats"), { userId: "u1" })).toMatchObject({ replies: [{ type: "message", text: t("zh", "bot.admin.refused") }], outcome: "refused" });
  });

  it("answered for staff", async () => {
    const built = build();
    const turn = await built.handle(text("/stats"), { staff: true, userId: 42 });
    expect(turn.outcome).toBe("ok");
    expect(turn.replies[0]).toMatchObject({ type: "message" });
    expect(built.logger.lines.filter((line) => line.msg === "staff command refused")).toEqual([]);
  });
});
