import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAUSE_OF_LEVEL } from "../../src/engine/ids.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { MAX_YUAN } from "../../src/engine/money.js";
import type { Evaluation, ItemOutcome } from "../../src/engine/outcome.js";
import { MAX_COUNT, RECOGNITION_LEVELS, type Screening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { partialOfComplete, withoutPaths } from "../support/screeningArbitrary.js";

/**
 * "Asks only what can still change the answer": an unknown fact an item lists as missing can
 * change that item when it is answered, and one it does not list cannot. Facts are set here at
 * the screening level, the most and the least favourable answer each, with the other unknown
 * facts all favourable, all unfavourable, or (for facts that add up, where a favourable one can
 * hide another behind a cap) favourable except those it adds up with. Unknown infrastructure lists stand
 * for projects not yet listed, so Article 11 is left to its own cases.
 */
const rules = loadRules();
const TODAY = "2026-03-01";
// A fixed number of runs keeps `npm test` quick; fast-check prints the seed of a failing run.
const RUNS = { numRuns: 60 };

type Answer = { favourable: unknown; unfavourable: unknown };
const yesNo: Answer = { favourable: true, unfavourable: false };
const amount: Answer = { favourable: MAX_YUAN, unfavourable: 0 };
const count: Answer = { favourable: MAX_COUNT, unfavourable: 0 };
const paid = (level: (typeof RECOGNITION_LEVELS)[number]) => rules.byId.get(CLAUSE_OF_LEVEL[level])!.params as unknown as { levelAmounts: Record<string, number> };
/** The best-paid recognition of each clause of Article 8. */
const topRecognitions = (["8.1", "8.2"] as const).map((clause) =>
  RECOGNITION_LEVELS.filter((level) => CLAUSE_OF_LEVEL[level] === clause).reduce((a, b) => ((paid(b).levelAmounts[b] ?? 0) > (paid(a).levelAmounts[a] ?? 0) ? b : a)),
);

const ANSWERS: Record<string, Answer> = {
  "applicant.kind": { favourable: "enterprise", unfavourable: "social_organization" },
  "applicant.inJurisdiction": yesNo,
  "applicant.sectors": { favourable: ["ai"], unfavourable: [] },
  "applicant.sme": yesNo,
  "growth.fastGrowth": yesNo,
  "filings.generativeAi": yesNo,
  "filings.deepSynthesis": yesNo,
  "filings.blockchainInfo": yesNo,
  "filings.goodOutcomes": yesNo,
  "vouchers.modelServices": amount,
  "vouchers.computingServices": amount,
  "vouchers.significantResults": yesNo,
  "standards.international": count,
  "standards.national": count,
  "standards.local": count,
  recognitions: { favourable: topRecognitions.map((level) => ({ level })), unfavourable: [] },
  "itai.benchmarkFirstSolution": yesNo,
  "itai.contractAmount": amount,
  "futureIndustries.createForTheFuture": yesNo,
  "futureIndustries.innovationBase": { favourable: { level: "municipal", yearsSupported: 0, amountReceived: 0 }, unfavourable: null },
  "scenarios.projects": count,
  "platform.publicServicePlatform": yesNo,
  "platform.outstandingOutcomes": yesNo,
  "events.expenses": amount,
  "events.significantResults": yesNo,
};

type Side = keyof Answer;

function withAnswers(s: Screening, answers: Record<string, Side>): Screening {
  const copy = structuredClone(s) as Record<string, Record<string, unknown> | unknown>;
  for (const [path, side] of Object.entries(answers)) {
    const [head, tail] = path.split(".") as [string, string | undefined];
    const value = ANSWERS[path]![side];
    if (tail === undefined) copy[head] = value;
    else copy[head] = { ...(copy[head] as Record<string, unknown> | undefined), [tail]: value };
  }
  return copy as Screening;
}

const outcome = (item: ItemOutcome | undefined) => `${item?.status} ${item?.maxSupportFen} ${item?.potentialMaxSupportFen}`;
/** Facts that add up to one amount: Article 5's filings and Article 7's standards. */
const ADDING_UP = [["filings.generativeAi", "filings.deepSynthesis", "filings.blockchainInfo"], ["standards.international", "standards.national", "standards.local"]];
const addsUpWith = (a: string, b: string) => ADDING_UP.some((group) => group.includes(a) && group.includes(b));

/** Whether answering `path` one way or the other changes `id`, with the other unknown facts answered as `others` says. */
function changes(partial: Screening, unknown: readonly string[], path: string, id: string, others: (other: string) => Side): boolean {
  const answers = Object.fromEntries(unknown.filter((other) => other !== path).map((other) => [other, others(other)]));
  const [a, b] = (["favourable", "unfavourable"] as const).map((side) => {
    const items = evaluate(withAnswers(partial, { ...answers, [path]: side }), rules, TODAY).items;
    return outcome(items.find((item) => item.id === id));
  });
  return a !== b;
}

const answerable = partialOfComplete.map(({ complete, removed }) => {
  const unknown = removed.filter((path) => path !== "infrastructure");
  return { partial: withoutPaths(complete, unknown), unknown };
});

describe("missing facts", () => {
  it("a fact an undecided item lists as missing can change it; an unknown fact it does not list cannot", () => {
    fc.assert(
      fc.property(answerable, ({ partial, unknown }) => {
        for (const item of evaluate(partial, rules, TODAY).items) {
          if (item.status !== "needs_info" || item.id === "11") continue;
          for (const path of unknown) {
            const contexts: ((other: string) => Side)[] = [() => "favourable", () => "unfavourable"];
            if (ADDING_UP.some((group) => group.includes(path))) contexts.push((other) => (addsUpWith(other, path) ? "unfavourable" : "favourable"));
            const canChange = contexts.some((others) => changes(partial, unknown, path, item.id, others));
            expect(canChange, `Article ${item.id} ${item.missing.includes(path) ? "lists" : "does not list"} ${path}`).toBe(item.missing.includes(path));
          }
        }
      }),
      RUNS,
    );
  });

  it("a decided item stays as it is however its unknown facts are answered", () => {
    fc.assert(
      fc.property(answerable, ({ partial, unknown }) => {
        const before = evaluate(partial, rules, TODAY).items.filter((item) => item.status !== "needs_info" && item.id !== "11");
        for (const side of ["favourable", "unfavourable"] as const) {
          const after = evaluate(withAnswers(partial, Object.fromEntries(unknown.map((path) => [path, side]))), rules, TODAY).items;
          for (const item of before) expect(outcome(after.find((other) => other.id === item.id)), `Article ${item.id}`).toBe(outcome(item));
        }
      }),
      RUNS,
    );
  });

  it("answering every fact listed as missing, as the applicant would, leaves no item undecided", () => {
    fc.assert(
      fc.property(partialOfComplete, ({ complete, partial, removed }) => {
        const listed = new Set(evaluate(partial, rules, TODAY).items.flatMap((item) => item.missing));
        const answered = withoutPaths(complete, removed.filter((path) => !listed.has(path)));
        const open = evaluate(answered, rules, TODAY).items.filter((item) => item.status === "needs_info");
        expect(open.map((item) => `${item.id}: ${item.missing.join(", ")}`)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("without sorting out the relevant facts an item lists every unknown fact it read, and nothing else of its outcome changes", () => {
    fc.assert(
      fc.property(partialOfComplete, ({ partial }) => {
        const full = evaluate(partial, rules, TODAY);
        const quick = evaluate(partial, rules, TODAY, { relevantMissing: false });
        const withoutMissing = (e: Evaluation) => ({ ...e, items: e.items.map(({ missing: _missing, ...rest }) => rest) });
        expect(withoutMissing(quick)).toEqual(withoutMissing(full));
        full.items.forEach((item, i) => expect(quick.items[i]!.missing).toEqual(expect.arrayContaining(item.missing)));
      }),
      RUNS,
    );
  });
});
