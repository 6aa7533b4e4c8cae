import type { Screening } from "../../../src/engine/screening.js";
import { NOTHING_TO_CLAIM } from "../../support/nothingToClaim.js";
import { AS_OF } from "./harness.js";

/** An applicant outside the district: the first answer settles the screening. */
export const OUTSIDE: Screening = { asOf: AS_OF, applicant: { inJurisdiction: false } };

/** A fast-growing enterprise with nothing else to claim: a short interview with one eligible item. */
export const FAST_GROWER: Screening = { ...NOTHING_TO_CLAIM, asOf: AS_OF, growth: { fastGrowth: true, receivedBefore: false } };
