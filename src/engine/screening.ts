import { z } from "zod";
import { hasWholeFen, MAX_YUAN } from "./money.js";
import { checkOverlaps, overlapsSchema } from "./overlaps.js";
import { RECOGNITION_LEVELS } from "./ids.js";
import { parseWith, type Parsed } from "../validation/issues.js";

/** Screening file, format 1.1 (docs/screening-format.md), still written `"version": 1`. Every field is optional: absent = unknown. */

export const MAX_COUNT = 1000;
const MAX_LIST = 100;
const MAX_NAME = 200;

export { ITEM_IDS, RECOGNITION_LEVELS, type ItemId, type RecognitionLevel } from "./ids.js";

export const APPLICANT_KINDS = ["enterprise", "innovation_consortium", "social_organization", "industrial_service_institution"] as const;
export const SECTORS = [
  "ai", "cybersecurity", "itai", "data_elements", "advanced_computing",
  "blockchain", "metaverse", "next_gen_it", "future_information", "other",
] as const;
export const INFRASTRUCTURE_KINDS = [
  "internet_exchange_center", "blockchain_node", "computing_power_dispatch_center",
  "cybersecurity_facility", "satellite_internet_facility", "other",
] as const;
export const BASE_LEVELS = ["municipal", "district"] as const;

export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export type Sector = (typeof SECTORS)[number];
export type InfrastructureKind = (typeof INFRASTRUCTURE_KINDS)[number];
export type BaseLevel = (typeof BASE_LEVELS)[number];

const bool = z.boolean({ error: "must be true or false" });
const money = z
  .number({ error: "must be an amount in yuan (a number)" })
  .min(0, { error: "must be >= 0" })
  .max(MAX_YUAN, { error: `must be <= ${MAX_YUAN} (1e12 yuan)` })
  .refine(hasWholeFen, { error: "must have at most two decimals (whole fen)" });
const count = z
  .number({ error: "must be a whole number" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "must be >= 0" })
  .max(MAX_COUNT, { error: `must be <= ${MAX_COUNT}` });
const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(", ")}` });

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
export const isoDate = z
  .string({ error: "must be a date YYYY-MM-DD" })
  .refine(isRealDate, { error: "must be a real date written YYYY-MM-DD" });

const applicant = z.strictObject({
  name: z.string().max(MAX_NAME, { error: `must be at most ${MAX_NAME} characters` }).optional(),
  kind: enumOf(APPLICANT_KINDS).optional(),
  inJurisdiction: bool.optional(),
  sectors: z.array(enumOf(SECTORS)).max(SECTORS.length).optional(),
  sme: bool.optional(),
});

const recognition = z.strictObject({
  level: enumOf(RECOGNITION_LEVELS),
  promotedFrom: enumOf(RECOGNITION_LEVELS).nullable().optional(),
});

const innovationBase = z.strictObject({
  level: enumOf(BASE_LEVELS).optional(),
  yearsSupported: count.optional(),
  amountReceived: money.optional(),
});

const infrastructureProject = z.strictObject({
  name: z.string().max(MAX_NAME, { error: `must be at most ${MAX_NAME} characters` }).optional(),
  kind: enumOf(INFRASTRUCTURE_KINDS).optional(),
  eligibleInvestment: money.optional(),
  yearsSupported: count.optional(),
  amountReceived: money.optional(),
});

const screeningShape = z.strictObject({
  version: z.literal(1, { error: "must be 1 (the only screening format version)" }).optional(),
  asOf: isoDate.optional(),
  applicant: applicant.optional(),
  growth: z.strictObject({ fastGrowth: bool.optional(), receivedBefore: bool.optional() }).optional(),
  filings: z
    .strictObject({
      generativeAi: bool.optional(),
      deepSynthesis: bool.optional(),
      blockchainInfo: bool.optional(),
      goodOutcomes: bool.optional(),
      receivedThisYear: money.optional(),
    })
    .optional(),
  vouchers: z
    .strictObject({
      modelServices: money.optional(),
      computingServices: money.optional(),
      significantResults: bool.optional(),
      modelReceivedThisYear: money.optional(),
      computingReceivedThisYear: money.optional(),
    })
    .optional(),
  standards: z
    .strictObject({
      international: count.optional(),
      national: count.optional(),
      local: count.optional(),
      receivedThisYear: money.optional(),
    })
    .optional(),
  recognitions: z.array(recognition).max(MAX_LIST, { error: `must have at most ${MAX_LIST} entries` }).optional(),
  itai: z
    .strictObject({
      benchmarkFirstSolution: bool.optional(),
      contractAmount: money.optional(),
      hardwareAmount: money.optional(),
      receivedBefore: money.optional(),
    })
    .optional(),
  futureIndustries: z
    .strictObject({
      createForTheFuture: bool.optional(),
      createForTheFutureReceived: bool.optional(),
      innovationBase: innovationBase.nullable().optional(),
    })
    .optional(),
  infrastructure: z.array(infrastructureProject).max(MAX_LIST, { error: `must have at most ${MAX_LIST} entries` }).optional(),
  scenarios: z.strictObject({ projects: count.optional(), receivedThisYear: money.optional() }).optional(),
  platform: z
    .strictObject({
      publicServicePlatform: bool.optional(),
      outstandingOutcomes: bool.optional(),
      receivedBefore: bool.optional(),
    })
    .optional(),
  events: z
    .strictObject({ expenses: money.optional(), significantResults: bool.optional(), receivedThisYear: money.optional() })
    .optional(),
  overlaps: overlapsSchema.optional(),
});

/** Checks that need more than one field: references between parts of the file. */
export const screeningSchema = screeningShape.superRefine((s, ctx) => {
  const itai = s.itai;
  // Stryker disable next-line ConditionalExpression: a comparison with an absent contract amount is false anyway
  if (itai?.hardwareAmount !== undefined && itai.contractAmount !== undefined && itai.hardwareAmount > itai.contractAmount) {
    ctx.addIssue({
      // Stryker disable next-line StringLiteral: an issue is shown by its path and message, never its code
      code: "custom",
      path: ["itai", "hardwareAmount"],
      message: "must be <= itai.contractAmount (hardware is part of the contract)",
    });
  }
  if (!s.overlaps) return;
  const context = { scenarioProjects: s.scenarios?.projects, infrastructure: s.infrastructure?.length, recognitions: s.recognitions };
  // Stryker disable next-line StringLiteral: an issue is shown by its path and message, never its code
  for (const issue of checkOverlaps(s.overlaps, context)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

export type Screening = z.infer<typeof screeningSchema>;

export function parseScreening(input: unknown): Parsed<Screening> {
  return parseWith(screeningSchema, input);
}
