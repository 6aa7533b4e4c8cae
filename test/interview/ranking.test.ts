import { describe, expect, it } from "vitest";
import type { ItemId } from "../../src/engine/screening.js";
import { currentResult } from "../../src/interview/interview.js";
import { rankQuestions, type Candidate } from "../../src/interview/nextQuestion.js";
import { questionBankOf, type QuestionBank } from "../../src/interview/questionBank.js";
import { initialState, type LogEntry } from "../../src/interview/state.js";
import { AS_OF, ctx } from "./conversation.js";

const ALL_TOPICS = ["growth", "filings", "vouchers", "standards", "recognitions", "itai", "createForTheFuture", "innovationBase", "infrastructure", "scenarios", "platform", "events"];

/** An enterprise in the district, in AI, with the given topics, its name skipped, then `more`. */
const opening = (topics: string[], more: LogEntry[] = []): LogEntry[] => [
  { key: "jurisdiction", value: true },
  { key: "kind", value: "enterprise" },
  { key: "sectors", value: ["ai"] },
  { key: "topics", value: topics },
  { key: "name", value: null },
  ...more,
];

/** The ranking for the answers in `log` (read with the project's bank), of the questions of `bank`. */
function ranked(log: LogEntry[], bank: QuestionBank = ctx.bank) {
  const { screening, evaluation } = currentResult(ctx, { ...initialState("en", AS_OF), log });
  const candidates = rankQuestions(bank, ctx.rules, screening, evaluation, new Set(log.map((e) => e.key)));
  const item = (id: ItemId) => evaluation.items.find((i) => i.id === id)!;
  return { candidates, keys: candidates.map((c) => c.key), byKey: (key: string) => candidates.find((c) => c.key === key)!, item };
}

const fields = ({ valueFen, settles, refinement, last, items }: Candidate) => ({ valueFen, settles, refinement, last, items });

describe("which question comes next", () => {
  it("before any answer, the opening questions come first in the bank's order, the name among them, whatever each can move", () => {
    const { keys, byKey } = ranked([]);
    expect(keys.slice(0, 5)).toEqual(["jurisdiction", "kind", "sectors", "topics", "name"]);
    // The kind bears on fewer Articles than the sectors, yet it is asked before them.
    expect(byKey("kind").valueFen).toBeLessThan(byKey("sectors").valueFen);
    expect(fields(byKey("name"))).toEqual({ valueFen: 0, settles: 0, refinement: false, last: false, items: [] });
    // After the opening, the question about the most support: Article 11's projects, not the bank's next (the SME).
    expect(keys[5]).toBe("infrastructureProjects");
  });

  it("after the opening, by the support each can move, ties in bank order; received amounts after them; Article 16 last", () => {
    const { keys, candidates } = ranked(opening(ALL_TOPICS));
    expect(keys).toEqual([
      // what each question can move: Article 11 (20m), 8 (5m + 1m), 10(2) (5m), 12 (2m), 5, 7, 9, 14 (1m each), 6 (800k), 10(1) and 13 (500k), 4 (200k)
      "infrastructureProjects",
      "recognitions",
      "innovationBase",
      "scenarioProjects",
      "generativeAi", "deepSynthesis", "blockchainInfo", "goodOutcomes",
      "standardsInternational", "standardsNational", "standardsLocal",
      "itaiBenchmark", "itaiContract",
      "eventExpenses", "eventResults",
      "sme", "modelServices", "computingServices", "vouchersResults",
      "createForTheFuture", "platform", "platformOutcomes",
      "fastGrowth",
      // support already received only narrows an undecided item: by the same measure, after everything else
      "baseReceived",
      "scenariosReceived",
      "filingsReceived", "standardsReceived", "itaiHardware", "itaiReceived", "eventsReceived",
      "modelReceived", "computingReceived",
      "createForTheFutureReceived", "platformReceived",
      "growthReceived",
      // which items are one project: once every amount is known
      "overlap#0",
    ]);
    const ordinary = candidates.filter((c) => !c.refinement && !c.last);
    const refinements = candidates.filter((c) => c.refinement);
    for (const list of [ordinary, refinements]) {
      list.slice(1).forEach((c, i) => expect(c.valueFen, c.key).toBeLessThanOrEqual(list[i]!.valueFen));
    }
  });

  it("a question bears on the undecided items missing its fact, each worth what it could pay", () => {
    const { byKey, item } = ranked(opening(ALL_TOPICS));
    expect(fields(byKey("sme"))).toEqual({ valueFen: item("6").potentialMaxSupportFen, settles: 1, refinement: false, last: false, items: ["6"] });
    expect(fields(byKey("recognitions"))).toEqual({
      valueFen: item("8.1").potentialMaxSupportFen! + item("8.2").potentialMaxSupportFen!,
      settles: 2,
      refinement: false,
      last: false,
      items: ["8.1", "8.2"],
    });
    expect(fields(byKey("growthReceived"))).toEqual({ valueFen: item("4").potentialMaxSupportFen, settles: 1, refinement: true, last: false, items: ["4"] });
  });

  it("only questions that an undecided item still needs are ranked", () => {
    const { keys } = ranked(opening(["growth", "scenarios", "events"], [{ key: "fastGrowth", value: true }]));
    expect(keys).toEqual(["scenarioProjects", "eventExpenses", "eventResults", "growthReceived", "scenariosReceived", "eventsReceived", "overlap#0"]);
  });

  it("support received for an item already granted can lower that grant: an ordinary question worth the grant", () => {
    const { byKey, keys, item } = ranked(opening(["growth", "scenarios", "events"], [{ key: "fastGrowth", value: true }]));
    expect(item("4").status).toBe("eligible");
    expect(fields(byKey("growthReceived"))).toEqual({ valueFen: item("4").maxSupportFen, settles: 1, refinement: false, last: false, items: ["4"] });
    // ranked with the questions that can decide an item, before the received amounts of undecided ones
    expect(keys.indexOf("growthReceived")).toBeLessThan(keys.indexOf("scenariosReceived"));
    expect(fields(byKey("scenariosReceived"))).toEqual({ valueFen: item("12").potentialMaxSupportFen, settles: 1, refinement: true, last: false, items: ["12"] });
  });

  it("the Article 16 question bears on its open members, worth what they could pay together", () => {
    const { byKey, item } = ranked(opening(["growth", "scenarios", "events"], [{ key: "fastGrowth", value: true }]));
    expect(byKey("overlap#0").options).toEqual(["none", "scenario", "event"]);
    expect(fields(byKey("overlap#0"))).toEqual({ valueFen: item("12").potentialMaxSupportFen! + item("14").potentialMaxSupportFen!, settles: 2, refinement: false, last: true, items: ["12", "14"] });
  });

  it("the Article 16 question is not ranked while only one member is open", () => {
    const { keys, byKey } = ranked(opening(["growth", "scenarios"]));
    expect(byKey("scenarioProjects")).toBeDefined();
    expect(keys.some((key) => key.startsWith("overlap"))).toBe(false);
  });
});

/** A bank of the project's questions in another order, or changed: the ranking does not rest on the file's order. */
const bankOf = (...questions: (string | { from: string; id: string; paths: string[] })[]) =>
  questionBankOf(questions.map((q) => (typeof q === "string" ? ctx.bank.byId.get(q)! : { ...ctx.bank.byId.get(q.from)!, id: q.id, paths: q.paths })));

describe("the ranking rests on what the questions are, not where the bank lists them", () => {
  it("an opening question listed after the others is still asked first", () => {
    const { keys } = ranked([], bankOf("fastGrowth", "sme", "jurisdiction"));
    expect(keys).toEqual(["jurisdiction", "sme", "fastGrowth"]);
  });

  it("the Article 16 question listed before the others is still asked last", () => {
    const { keys } = ranked(opening(["scenarios", "events"]), bankOf("overlap", "eventExpenses", "scenarioProjects"));
    expect(keys).toEqual(["scenarioProjects", "eventExpenses", "overlap#0"]);
  });

  it("a received amount listed before the others is still asked after them", () => {
    const { keys } = ranked(opening(["scenarios", "events"]), bankOf("scenariosReceived", "eventExpenses"));
    expect(keys).toEqual(["eventExpenses", "scenariosReceived"]);
  });

  it("at equal support, the question that settles more items comes first", () => {
    // Article 4 (fast growth) and Article 6 (an SME) together can pay what Article 5 alone can.
    const bank = bankOf("generativeAi", { from: "fastGrowth", id: "growthAndSme", paths: ["growth.fastGrowth", "applicant.sme"] });
    const { keys, byKey } = ranked(opening(["growth", "filings", "vouchers"]), bank);
    expect(byKey("growthAndSme").valueFen).toBe(byKey("generativeAi").valueFen);
    expect(fields(byKey("growthAndSme"))).toMatchObject({ settles: 2, items: ["4", "6"] });
    expect(keys).toEqual(["growthAndSme", "generativeAi"]);
  });

  it("a question that fills several facts is asked while one of them is still unknown", () => {
    const bank = bankOf({ from: "fastGrowth", id: "growthAndSme", paths: ["growth.fastGrowth", "applicant.sme"] });
    const { keys, byKey } = ranked(opening(["growth", "vouchers"], [{ key: "fastGrowth", value: true }]), bank);
    expect(keys).toEqual(["growthAndSme"]);
    expect(byKey("growthAndSme").items).toEqual(["6"]);
  });
});
