import fc from "fast-check";
import { CLAUSE_OF_LEVEL } from "../../src/engine/ids.js";
import {
  APPLICANT_KINDS, BASE_LEVELS, INFRASTRUCTURE_KINDS, ITEM_IDS, RECOGNITION_LEVELS, SECTORS, type Screening,
} from "../../src/engine/screening.js";

/** Amounts around the policy's thresholds as well as anywhere in range, with whole fen. */
const money = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000_00 }).map((fen) => fen / 100),
  fc.constantFrom(0, 0.01, 100000, 666666.66, 666666.67, 1000000, 2000000, 20000000, 100000000, 1e12),
);
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(1000));

/** A complete screening: every fact known. Removing facts from it gives partial ones. */
export const completeScreening: fc.Arbitrary<Screening> = fc.record({
  asOf: fc.constantFrom("2025-04-29", "2025-04-30", "2026-03-01", "2028-04-29", "2028-04-30"),
  applicant: fc.record({
    kind: fc.constantFrom(...APPLICANT_KINDS),
    inJurisdiction: fc.boolean(),
    sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 }),
    sme: fc.boolean(),
  }),
  growth: fc.record({ fastGrowth: fc.boolean(), receivedBefore: fc.boolean() }),
  filings: fc.record({
    generativeAi: fc.boolean(), deepSynthesis: fc.boolean(), blockchainInfo: fc.boolean(), goodOutcomes: fc.boolean(),
    receivedThisYear: money,
  }),
  vouchers: fc.record({
    modelServices: money, computingServices: money, significantResults: fc.boolean(),
    modelReceivedThisYear: money, computingReceivedThisYear: money,
  }),
  standards: fc.record({ international: count, national: count, local: count, receivedThisYear: money }),
  recognitions: fc.array(
    fc.record({ level: fc.constantFrom(...RECOGNITION_LEVELS), promotedFrom: fc.option(fc.constantFrom(...RECOGNITION_LEVELS)) }),
    { maxLength: 3 },
  ),
  itai: fc.record({ benchmarkFirstSolution: fc.boolean(), contractAmount: money, receivedBefore: money }).chain((itai) =>
    fc.integer({ min: 0, max: Math.round(itai.contractAmount * 100) }).map((hardwareFen) => ({ ...itai, hardwareAmount: hardwareFen / 100 })),
  ),
  futureIndustries: fc.record({
    createForTheFuture: fc.boolean(),
    createForTheFutureReceived: fc.boolean(),
    innovationBase: fc.option(fc.record({ level: fc.constantFrom(...BASE_LEVELS), yearsSupported: fc.integer({ min: 0, max: 4 }), amountReceived: money })),
  }),
  infrastructure: fc.array(
    fc.record({ kind: fc.constantFrom(...INFRASTRUCTURE_KINDS), eligibleInvestment: money, yearsSupported: fc.integer({ min: 0, max: 4 }), amountReceived: money }),
    { maxLength: 3 },
  ),
  scenarios: fc.record({ projects: count, receivedThisYear: money }),
  platform: fc.record({ publicServicePlatform: fc.boolean(), outstandingOutcomes: fc.boolean(), receivedBefore: fc.boolean() }),
  events: fc.record({ expenses: money, significantResults: fc.boolean(), receivedThisYear: money }),
});

/** Paths of facts that may be left unknown (the received… fields default instead). */
export const UNKNOWABLE = [
  "applicant.kind", "applicant.inJurisdiction", "applicant.sectors", "applicant.sme",
  "growth.fastGrowth", "filings.generativeAi", "filings.deepSynthesis", "filings.blockchainInfo", "filings.goodOutcomes",
  "vouchers.modelServices", "vouchers.computingServices", "vouchers.significantResults",
  "standards.international", "standards.national", "standards.local", "recognitions",
  "itai.benchmarkFirstSolution", "itai.contractAmount", "futureIndustries.createForTheFuture", "futureIndustries.innovationBase",
  "infrastructure", "scenarios.projects", "platform.publicServicePlatform", "platform.outstandingOutcomes",
  "events.expenses", "events.significantResults",
] as const;

export function withoutPaths(s: Screening, paths: readonly string[]): Screening {
  const copy = structuredClone(s) as Record<string, unknown>;
  for (const path of paths) {
    const [head, tail] = path.split(".") as [string, string | undefined];
    if (tail === undefined) delete copy[head];
    else delete (copy[head] as Record<string, unknown> | undefined)?.[tail];
  }
  return copy as Screening;
}

/** A complete screening and a partial copy of it with some facts unknown. */
export const partialOfComplete = completeScreening.chain((complete) =>
  fc.subarray([...UNKNOWABLE]).map((removed) => ({ complete, partial: withoutPaths(complete, removed), removed })),
);

type Member = NonNullable<Screening["overlaps"]>[number][number];

/** The items that have parts, and every part of them a screening's overlap groups could name. */
function partPool(s: Screening): Member[] {
  const pool: Member[] = ["11", "12", "8.1", "8.2"];
  const projects = s.scenarios?.projects ?? 0;
  for (let units = 1; units <= Math.min(projects, 3); units++) pool.push({ item: "12", units });
  (s.infrastructure ?? []).forEach((_, project) => pool.push({ item: "11", project }, `11#${project + 1}` as Member));
  (s.recognitions ?? []).forEach(({ level }, recognition) => pool.push({ item: CLAUSE_OF_LEVEL[level], recognition }));
  return pool;
}

const itemOf = (member: Member) => (typeof member === "string" ? member.split("#")[0]! : member.item);
const isWhole = (member: Member) => typeof member === "string" && !member.includes("#");
/** "11#1" and { item: "11", project: 0 } are one member; units of 12 in one group are one part. */
function identityOf(member: Member): string {
  if (typeof member === "string") return member.includes("#") ? `11 ${Number(member.split("#")[1]) - 1}` : member;
  if ("units" in member) return "12 units";
  return "project" in member ? `11 ${member.project}` : `${member.item} r${member.recognition}`;
}

/**
 * A complete screening in force, in Tongzhou and in a named sector (so that items are eligible
 * and Article 16 has something to choose), with one to three overlap groups of two or three
 * members, valid: no member twice in a group, and no whole item beside a part of it.
 */
export const screeningWithOverlaps: fc.Arbitrary<Screening> = completeScreening.chain((complete) => {
  const s: Screening = { ...complete, asOf: "2026-03-01", applicant: { ...complete.applicant, inJurisdiction: true, sectors: ["ai"] } };
  // Parts, and the items they belong to, are drawn more often than the other whole items.
  const member = fc.oneof({ arbitrary: fc.constantFrom(...partPool(s)), weight: 3 }, { arbitrary: fc.constantFrom(...ITEM_IDS), weight: 1 });
  const group = fc
    .uniqueArray(member, { minLength: 2, maxLength: 3, selector: identityOf })
    .filter((members) => !members.some((a) => isWhole(a) && members.some((b) => b !== a && itemOf(b) === itemOf(a))));
  return fc.array(group, { minLength: 1, maxLength: 3 }).map((overlaps) => ({ ...s, overlaps }));
});
