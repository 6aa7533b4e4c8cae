import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { articlesByDay } from "../../src/faq/articles.js";
import { articleLabel } from "../../src/i18n/articleLabel.js";
import type { Lang } from "../../src/i18n/lang.js";
import { t } from "../../src/i18n/translate.js";
import { describeFact, type InterviewEvent } from "../../src/interview/index.js";
import { buildReportHtml } from "../../src/report/reportHtml.js";
import { explainResult } from "../../src/result/explainResult.js";
import { action, build, type Built, casesOf, command, core, expectedReplies, ID, interview, questionOf, recordOf, text, TODAY } from "./harness.js";

const YES_ENTERPRISE: InterviewEvent[] = [{ type: "answer", key: "jurisdiction", turn: 1, value: true }, { type: "answer", key: "kind", turn: 2, value: "enterprise" }];

/** Answers the first two questions (in the district, an enterprise) by their buttons. */
async function toSectors(built: Built) {
  await built.handle(command("check"));
  await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: true }));
  return built.handle(action({ kind: "answer", key: "kind", turn: 2, value: "enterprise" }));
}

/** Presses Don't know until `key` is asked; returns the events the core needs to be in the same place. */
async function skipTo(built: Built, key: string): Promise<InterviewEvent[]> {
  const events = [...YES_ENTERPRISE];
  let turn = await toSectors(built);
  for (let guard = 0; questionOf(turn).question.key !== key; guard++) {
    if (guard > 50) throw new Error(`${key} never asked`);
    turn = await built.handle(action({ kind: "move", move: "skip", turn: questionOf(turn).question.turn }));
    events.push({ type: "skip" });
  }
  return events;
}

async function finishedCase(built: Built, id = ID) {
  await built.handle(command("check"), {}, id);
  await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }), {}, id);
  return (await casesOf(built, id)).at(-1)!;
}

const articleOf = (article: string) => articlesByDay(interview.rules, TODAY)(TODAY).articles.find((a) => a.article === article)!;

describe("menu and case actions", () => {
  it("Articles: the list, in place of the message whose button was pressed", async () => {
    const built = build();
    const turn = await built.handle(action({ kind: "articles" }));
    expect(turn.outcome).toBe("ok");
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]).toMatchObject({ type: "message", text: t("en", "bot.articles.choose"), inPlace: true });
    expect((turn.replies[0] as { choices: unknown[][] }).choices.flat()).toHaveLength(articlesByDay(interview.rules, TODAY)(TODAY).articles.length);
  });

  it.each(["en", "zh"] as const)("one Article (%s): its title and summary in the reader's language, then the official text, with a way back", async (lang: Lang) => {
    const built = build();
    const article = articleOf("6");
    const turn = await built.handle(action({ kind: "article", article: "6" }), { languageHint: lang });
    const title = lang === "zh" ? article.titleZh : article.titleEn;
    const summary = lang === "zh" ? article.summaryZh : article.summaryEn;
    const body = [`${articleLabel("6", lang)} ${title}`, "", t(lang, "bot.articles.summary"), summary, "", t(lang, "bot.articles.official"), article.officialTextEn].join("\n");
    expect(turn).toEqual({ replies: [{ type: "message", text: body, choices: [[{ label: t(lang, "bot.button.allArticles"), action: { kind: "articles" } }]], inPlace: true }], later: null, outcome: "ok" });
  });

  it("an Article that does not exist is a forged button", async () => {
    const built = build();
    expect(await built.handle(action({ kind: "article", article: "20" }))).toEqual({ replies: [{ type: "notice", text: t("en", "bot.callback.unknown") }], later: null, outcome: "forged" });
  });

  it("Delete, confirmed: everything of the conversation is erased, other conversations' data stays, and it says done", async () => {
    const built = build();
    await finishedCase(built);
    const other = await finishedCase(built, "web:other");
    await built.handle(command("check"));
    const turn = await built.handle(action({ kind: "delete", yes: true }));
    expect(turn).toEqual({ replies: [{ type: "message", text: t("en", "bot.delete.done"), inPlace: true }], later: null, outcome: "ok" });
    expect(await built.store.getConversation(ID)).toBeNull();
    expect(await built.store.casesOf(ID)).toEqual([]);
    expect(await built.store.getScreening(other.caseId)).not.toBeNull();
    expect(built.store.erased).toEqual([ID]);
    expect(built.logger.lines).toContainEqual(expect.objectContaining({ level: "info", msg: "conversation data erased", conversation: ID }));
  });

  it("Delete, declined: nothing is erased, and it says so in place", async () => {
    const built = build();
    const stored = await finishedCase(built);
    const before = await recordOf(built);
    const turn = await built.handle(action({ kind: "delete", yes: false }));
    expect(turn).toEqual({ replies: [{ type: "message", text: t("en", "bot.delete.kept"), inPlace: true }], later: null, outcome: "ok" });
    expect(await recordOf(built)).toEqual(before);
    expect(await built.store.getScreening(stored.caseId)).not.toBeNull();
    expect(built.store.erased).toEqual([]);
  });

  it("Delete, confirmed, in Chinese: the reply keeps the language the conversation had", async () => {
    const built = build();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect((await built.handle(action({ kind: "delete", yes: true }))).replies).toEqual([{ type: "message", text: t("zh", "bot.delete.done"), inPlace: true }]);
  });

  it("Explain under a case explains that case, later, even when a newer screening is open", async () => {
    const built = build();
    const stored = await finishedCase(built);
    await built.handle(action({ kind: "new" }));
    await built.handle(text("yes"));
    const turn = await built.handle(action({ kind: "explain", caseId: stored.caseId }));
    const evaluation = evaluate(stored.screening, interview.rules, stored.asOf);
    expect(turn.replies).toEqual([]);
    expect(turn.outcome).toBe("ok");
    expect(await turn.later).toEqual([{ type: "message", text: explainResult(evaluation, interview.rules, "en", describeFact({ ...interview, screening: stored.screening })) }]);
  });

  it("Explain of another conversation's case: not found and ignored, unless the caller is staff", async () => {
    const built = build();
    const theirs = await finishedCase(built, "web:other");
    expect(await built.handle(action({ kind: "explain", caseId: theirs.caseId }))).toEqual({ replies: [{ type: "message", text: t("en", "bot.report.notFound", { caseId: theirs.caseId }) }], later: null, outcome: "ignored" });
    const staff = await built.handle(action({ kind: "explain", caseId: theirs.caseId }), { staff: true });
    expect(staff.outcome).toBe("ok");
    expect(await staff.later).toHaveLength(1);
  });

  it("Report under a case sends that case's report", async () => {
    const built = build();
    const stored = await finishedCase(built);
    const turn = await built.handle(action({ kind: "report", caseId: stored.caseId }));
    expect(turn.replies).toEqual([
      {
        type: "document",
        filename: `${stored.caseId}.html`,
        mediaType: "text/html",
        content: buildReportHtml({ record: stored, evaluation: evaluate(stored.screening, interview.rules, stored.asOf), rules: interview.rules, bank: interview.bank, lang: "en" }),
        caption: t("en", "bot.report.caption", { caseId: stored.caseId }),
      },
    ]);
  });
});

describe("inputs a channel could not read", () => {
  it("a photo or a sticker: the assistant reads text only", async () => {
    const built = build();
    expect(await built.handle({ type: "unsupported" }, { languageHint: "zh" })).toEqual({ replies: [{ type: "message", text: t("zh", "bot.notText") }], later: null, outcome: "ignored" });
    expect(await built.store.getConversation(ID)).toBeNull();
  });

  it("button data the channel could not read: forged", async () => {
    const built = build();
    await built.handle(command("check"));
    const before = await recordOf(built);
    expect(await built.handle({ type: "forged" })).toEqual({ replies: [{ type: "notice", text: t("en", "bot.callback.unknown") }], later: null, outcome: "forged" });
    expect(await recordOf(built)).toEqual(before);
  });
});

describe("interview buttons", () => {
  it("an answer button of the current question: the next question, in place", async () => {
    const built = build();
    await built.handle(command("check"));
    const turn = await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: true }));
    const expected = core([YES_ENTERPRISE[0]!]);
    expect(turn).toEqual({ replies: expectedReplies(expected.state, expected.out, true), later: null, outcome: "ok" });
    expect((await recordOf(built)).interview).toEqual(expected.state);
  });

  it("with no screening: no longer available, and stale", async () => {
    const built = build();
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect(await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: true }))).toEqual({ replies: [{ type: "notice", text: t("zh", "bot.callback.noInterview") }], later: null, outcome: "stale" });
    expect(await built.handle(action({ kind: "move", move: "back", turn: 1 }))).toMatchObject({ outcome: "stale" });
  });

  it("of an earlier turn, or another question: stale, and nothing changes", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const before = await recordOf(built);
    const stale = { replies: [{ type: "notice", text: t("en", "bot.callback.stale") }], later: null, outcome: "stale" };
    expect(await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }))).toEqual(stale);
    expect(await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 2, value: false }))).toEqual(stale);
    expect(await built.handle(action({ kind: "answer", key: "kind", turn: 1, value: "enterprise" }))).toEqual(stale);
    expect(await built.handle(action({ kind: "done", key: "kind", turn: 3 }))).toEqual(stale);
    expect(await built.handle(action({ kind: "move", move: "skip", turn: 1 }))).toEqual(stale);
    expect(await built.handle(action({ kind: "move", move: "skip", turn: 3 }))).toEqual(stale);
    expect(await recordOf(built)).toEqual(before);
  });

  it("a stale press is told in the interview's language", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(action({ kind: "lang", lang: "zh" }));
    expect((await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 9, value: true }))).replies).toEqual([{ type: "notice", text: t("zh", "bot.callback.stale") }]);
  });

  it("a question's button after the screening ended is stale; a move of its last turn is played", async () => {
    const built = build();
    await finishedCase(built);
    const { turn } = (await recordOf(built)).interview!;
    expect((await built.handle(action({ kind: "answer", key: "jurisdiction", turn, value: true }))).outcome).toBe("stale");
    const result = await built.handle(action({ kind: "move", move: "result", turn }));
    const expected = core([{ type: "answer", key: "jurisdiction", turn: 1, value: false }, { type: "result" }]);
    expect(result).toEqual({ replies: expectedReplies(expected.state, expected.out, true), later: null, outcome: "ok" });
  });

  it("naming an option the question does not have: forged, and nothing changes", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const before = await recordOf(built);
    const forged = { replies: [{ type: "notice", text: t("en", "bot.callback.unknown") }], later: null, outcome: "forged" };
    expect(await built.handle(action({ kind: "answer", key: "kind", turn: 2, value: "company" }))).toEqual(forged);
    expect(await built.handle(action({ kind: "toggle", key: "kind", turn: 2, option: "company" }))).toEqual(forged);
    expect(await built.handle(action({ kind: "answer", key: "kind", turn: 2, value: "enterprise " }))).toEqual(forged);
    expect(await recordOf(built)).toEqual(before);
  });

  it("a word for a yes/no question, which has no options, is forged", async () => {
    const built = build();
    await built.handle(command("check"));
    const before = await recordOf(built);
    expect(await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: "yes" }))).toEqual({ replies: [{ type: "notice", text: t("en", "bot.callback.unknown") }], later: null, outcome: "forged" });
    expect(await built.handle(action({ kind: "toggle", key: "jurisdiction", turn: 1, option: "yes" }))).toMatchObject({ outcome: "forged" });
    expect(await recordOf(built)).toEqual(before);
  });

  it("a yes/no value on a choice question is no forgery: the interview itself refuses it", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(text("yes"));
    const turn = await built.handle(action({ kind: "answer", key: "kind", turn: 2, value: true }));
    const expected = core([{ type: "text", text: "yes" }, { type: "answer", key: "kind", turn: 2, value: true }]);
    expect(turn).toEqual({ replies: expectedReplies(expected.state, expected.out, true), later: null, outcome: "ok" });
  });

  it("ticking options of a several-choice question, then Done", async () => {
    const built = build();
    const shown = await toSectors(built);
    expect(questionOf(shown).question).toMatchObject({ key: "sectors", turn: 3, answer: "multi" });
    const { buttonHint } = questionOf(shown).question;
    expect(buttonHint).toEqual(expect.any(String));
    expect(questionOf(shown).text.endsWith(`\n\n${buttonHint}`)).toBe(true);
    const ticked = await built.handle(action({ kind: "toggle", key: "sectors", turn: 3, option: "ai" }));
    const afterTick = core([...YES_ENTERPRISE, { type: "toggle", key: "sectors", turn: 3, option: "ai" }]);
    expect(ticked).toEqual({ replies: expectedReplies(afterTick.state, afterTick.out, true), later: null, outcome: "ok" });
    expect(questionOf(ticked).question.options.filter((o) => o.ticked)).toHaveLength(1);
    const done = await built.handle(action({ kind: "done", key: "sectors", turn: 3 }));
    const afterDone = core([...YES_ENTERPRISE, { type: "toggle", key: "sectors", turn: 3, option: "ai" }, { type: "done", key: "sectors", turn: 3 }]);
    expect(done.replies).toEqual(expectedReplies(afterDone.state, afterDone.out, true));
    expect((await recordOf(built)).interview).toEqual(afterDone.state);
  });

  it("Back and Don't know, pressed under the current question", async () => {
    const built = build();
    await toSectors(built);
    const skipped = await built.handle(action({ kind: "move", move: "skip", turn: 3 }));
    const afterSkip = core([...YES_ENTERPRISE, { type: "skip" }]);
    expect(skipped.replies).toEqual(expectedReplies(afterSkip.state, afterSkip.out, true));
    const back = await built.handle(action({ kind: "move", move: "back", turn: afterSkip.state.turn }));
    const afterBack = core([...YES_ENTERPRISE, { type: "skip" }, { type: "back" }]);
    expect(back.replies).toEqual(expectedReplies(afterBack.state, afterBack.out, true));
  });

  it("a large amount typed in 万 is asked back to confirm; Yes takes it, No asks again", async () => {
    const built = build();
    const events = await skipTo(built, "itaiContract");
    const typed = await built.handle(text("80万"));
    const asked = core([...events, { type: "text", text: "80万" }]);
    expect(typed.replies).toEqual(expectedReplies(asked.state, asked.out, false));
    const confirm = questionOf(typed).question;
    expect(confirm).toMatchObject({ key: "itaiContract", answer: "confirm" });
    expect(questionOf(typed).choices.flat().map((c) => c.action)).toEqual([
      { kind: "confirm", key: "itaiContract", turn: confirm.turn, yes: true },
      { kind: "confirm", key: "itaiContract", turn: confirm.turn, yes: false },
    ]);
    const no = await built.handle(action({ kind: "confirm", key: "itaiContract", turn: confirm.turn, yes: false }));
    const declined = core([...events, { type: "text", text: "80万" }, { type: "confirm", key: "itaiContract", turn: confirm.turn, yes: false }]);
    expect(no.replies).toEqual(expectedReplies(declined.state, declined.out, true));
    await built.handle(text("80万"));
    const yes = await built.handle(action({ kind: "confirm", key: "itaiContract", turn: confirm.turn, yes: true }));
    const accepted = core([...events, { type: "text", text: "80万" }, { type: "confirm", key: "itaiContract", turn: confirm.turn, yes: false }, { type: "text", text: "80万" }, { type: "confirm", key: "itaiContract", turn: confirm.turn, yes: true }]);
    expect(yes.replies).toEqual(expectedReplies(accepted.state, accepted.out, true));
    expect((await recordOf(built)).interview).toEqual(accepted.state);
  });

  it("questions answered by typing say so: a count, a name", async () => {
    const built = build();
    await skipTo(built, "name");
    const turn = await built.handle(action({ kind: "go" }));
    expect(questionOf(turn).question.answer).toBe("text");
    const counted = await built.handle(text("ACME Ltd"));
    expect(questionOf(counted).question).toMatchObject({ key: "infrastructureProjects", answer: "count" });
  });
});
