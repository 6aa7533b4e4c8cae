import { describe, expect, it } from "vitest";
import type { Screening } from "../../src/engine/screening.js";
import { buildScreening, parseKey, readPath, setPath } from "../../src/interview/buildScreening.js";
import { currentResult } from "../../src/interview/interview.js";
import { offeredOptions } from "../../src/interview/offeredOptions.js";
import { groupOf, memberOutcome, nextGroup } from "../../src/interview/overlapMembers.js";
import type { InterviewEvent } from "../../src/interview/messages.js";
import { initialState, type LogEntry } from "../../src/interview/state.js";
import { AS_OF, ctx, play } from "./conversation.js";

const typed = (...texts: string[]): InterviewEvent[] => texts.map((text) => ({ type: "text", text }));
const screeningOf = (log: LogEntry[]) => buildScreening(ctx.bank, log, AS_OF);

describe("the screening the answers describe", () => {
  it("no answers make a screening with only its format version and date", () => {
    expect(screeningOf([])).toEqual({ version: 1, asOf: AS_OF });
  });

  it("the eleventh project's investment is recorded on the eleventh project", () => {
    const s = screeningOf([
      { key: "infrastructureProjects", value: 11 },
      { key: "projectInvestment#10", value: 123_400 },
    ]);
    expect(s.infrastructure).toHaveLength(11);
    expect(s.infrastructure![10]).toEqual({ eligibleInvestment: 1234 });
    expect(s.infrastructure!.slice(0, 10).every((p) => Object.keys(p).length === 0)).toBe(true);
  });

  it("answers about projects no longer listed (the count edited down) are left out", () => {
    const s = screeningOf([
      { key: "infrastructureProjects", value: 2 },
      { key: "projectInvestment#0", value: 100_00 },
      { key: "projectInvestment#3", value: 500_00 },
    ]);
    expect(s.infrastructure).toEqual([{ eligibleInvestment: 100 }, {}]);
  });

  it("answers about projects are left out when the number of projects is not known", () => {
    const s = screeningOf([
      { key: "infrastructureProjects", value: null },
      { key: "projectInvestment#0", value: 100_00 },
      { key: "projectInvestment#10", value: 500_00 },
    ]);
    expect(s).toEqual({ version: 1, asOf: AS_OF });
  });

  it("a fact is set along its path, creating what is missing, but never a list entry", () => {
    const root: Record<string, unknown> = {};
    expect(setPath(root, "futureIndustries.innovationBase.level", "district")).toBe(true);
    expect(root).toEqual({ futureIndustries: { innovationBase: { level: "district" } } });
    const withList: Record<string, unknown> = { infrastructure: [{}] };
    expect(setPath(withList, "infrastructure[0].yearsSupported", 2)).toBe(true);
    expect(setPath(withList, "infrastructure[1].yearsSupported", 2)).toBe(false);
    expect(withList).toEqual({ infrastructure: [{ yearsSupported: 2 }] });
  });

  it("an innovation base changed to none by an edit is none, whatever was said about its years", () => {
    let { state } = play([{ type: "start" }, ...typed("yes", "1", "1", "8", "skip")]);
    expect(state.current).toBe("innovationBase");
    state = play(typed("2", "2"), state).state;
    expect(state.log.slice(-2)).toEqual([{ key: "innovationBase", value: "district" }, { key: "baseYears", value: 2 }]);
    state = play([{ type: "edit", n: 6 }, ...typed("3")], state).state;
    expect(state.log.slice(-2)).toEqual([{ key: "innovationBase", value: "none" }, { key: "baseYears", value: 2 }]);
    const { screening, evaluation } = currentResult(ctx, state);
    expect(screening.futureIndustries?.innovationBase).toBeNull();
    expect(evaluation.items.find((item) => item.id === "10.2")?.status).toBe("not_eligible");
    expect(state.done).toBe(true);
  });
});

describe("question keys", () => {
  it("a key names a question of the bank, with an entry index exactly when the question is asked per entry", () => {
    expect(parseKey(ctx.bank, "sme")).toEqual({ question: ctx.bank.byId.get("sme"), index: null });
    expect(parseKey(ctx.bank, "projectInvestment#3")).toEqual({ question: ctx.bank.byId.get("projectInvestment"), index: 3 });
    expect(parseKey(ctx.bank, "overlap#0")).toEqual({ question: ctx.bank.byId.get("overlap"), index: 0 });
    for (const key of ["retired", "retired#0", "sme#0", "projectInvestment", "overlap"]) expect(parseKey(ctx.bank, key), key).toBeNull();
  });

  it("reads keys and paths the same after more forged ones than it remembers", () => {
    const log: LogEntry[] = [{ key: "jurisdiction", value: true }, { key: "kind", value: "enterprise" }, { key: "topics", value: ["infrastructure"] }, { key: "infrastructureProjects", value: 1 }, { key: "projectInvestment#0", value: 50_000_000_00 }];
    const before = buildScreening(ctx.bank, log, AS_OF);
    // Each a key (and a path) never seen: the memos of both fill and are emptied more than once.
    for (let i = 0; i < 10_000; i++) {
      expect(parseKey(ctx.bank, `forged${i}`)).toBeNull();
      expect(parseKey(ctx.bank, `projectInvestment#${i}`)?.index).toBe(i);
      expect(readPath(before, `infrastructure[${i}].eligibleInvestment`)).toBe(i === 0 ? 50_000_000 : undefined);
    }
    expect(parseKey(ctx.bank, "sme")).toEqual({ question: ctx.bank.byId.get("sme"), index: null });
    expect(buildScreening(ctx.bank, log, AS_OF)).toEqual(before);
  });
});

describe("Article 16's members", () => {
  const twoProjects: LogEntry[] = [
    { key: "jurisdiction", value: true },
    { key: "kind", value: "enterprise" },
    { key: "sectors", value: ["ai"] },
    { key: "topics", value: ["infrastructure"] },
    { key: "infrastructureProjects", value: 2 },
    { key: "projectInvestment#0", value: 50_000_000_00 },
  ];

  it("a project option stands for that project's result", () => {
    const { screening, evaluation } = currentResult(ctx, { ...initialState("en", AS_OF), log: twoProjects });
    const second = memberOutcome({ item: "11", each: "infrastructure", index: 1 }, screening, evaluation);
    expect(second).toBe(evaluation.items.find((item) => item.id === "11" && item.project?.index === 2));
    expect(second?.project?.index).toBe(2);
    expect(memberOutcome({ item: "11", each: "infrastructure", index: 0 }, screening, evaluation)?.project?.index).toBe(1);
  });

  it("a recognition not listed is no member: with one other option it makes no group", () => {
    const overlap = ctx.bank.byId.get("overlap")!;
    const s = { version: 1, asOf: AS_OF, recognitions: [] } as unknown as Screening;
    expect(groupOf(overlap, ["recognition:0", "scenario"], s)).toBeNull();
    expect(groupOf(overlap, ["scenario", "event"], s)).toEqual([{ item: "12", units: 1 }, "14"]);
  });

  it("another shared project is asked about only while two more members fit in the screening's sixteen", () => {
    const withGroups = (...sizes: number[]) => ({ version: 1, asOf: AS_OF, overlaps: sizes.map((n) => Array.from({ length: n }, () => "14")) }) as unknown as Screening;
    expect(nextGroup(withGroups())).toEqual([0]);
    expect(nextGroup(withGroups(7, 7))).toEqual([2]);
    expect(nextGroup(withGroups(8, 7))).toEqual([]);
    expect(nextGroup(withGroups(8, 8))).toEqual([]);
  });
});

describe("the recognitions a promotion can come from", () => {
  const promotedFrom = ctx.bank.byId.get("promotedFrom")!;
  const offeredFor = (question: typeof promotedFrom, recognitions: unknown[]) => {
    const log: LogEntry[] = [{ key: "jurisdiction", value: true }, { key: "kind", value: "enterprise" }];
    const { screening, evaluation } = currentResult(ctx, { ...initialState("en", AS_OF), log });
    return offeredOptions(ctx.rules, question, 0, { ...screening, recognitions } as Screening, evaluation).map((o) => o.value);
  };
  const every = promotedFrom.options!.map((o) => o.value);

  it("are those paid less than the recognition it led to, besides not a promotion", () => {
    expect(offeredFor(promotedFrom, [{ level: "miit_key_laboratory" }])).toEqual(["none", "beijing_high_end_design_center", "beijing_enterprise_technology_center"]);
  });

  it("are all of them while the recognition's level is not known", () => {
    expect(offeredFor(promotedFrom, [{}])).toEqual(every);
  });

  it("are all of them when the rules hold no amounts to compare", () => {
    const withoutTable = { ...promotedFrom, optionsBelow: { ...promotedFrom.optionsBelow!, param: "noSuchTable" } };
    expect(offeredFor(withoutTable, [{ level: "miit_key_laboratory" }])).toEqual(every);
  });
});
