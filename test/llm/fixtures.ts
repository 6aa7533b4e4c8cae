import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { describeFact } from "../../src/interview/render.js";
import { openAiClient, type LlmClient } from "../../src/llm/client.js";
import type { DescribeFact } from "../../src/result/resultScreen.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { ROOT } from "../support/runCli.js";

export const rules = loadRules();
const bank = loadQuestionBank();

export function screeningOf(data: unknown): Screening {
  const parsed = parseScreening(data);
  if (!parsed.ok) throw new Error(`bad test screening: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

export const exampleScreening = screeningOf(JSON.parse(readFileSync(join(ROOT, "examples", "spec-example.json"), "utf8")));

export function evaluationOf(screening: Screening): { evaluation: Evaluation; describe: DescribeFact } {
  return { evaluation: evaluate(screening, rules, "2026-03-01"), describe: describeFact({ bank, rules, screening }) };
}

/** The spec's example: eleven eligible items (Article 14 not counted), two not eligible, none open. */
export const example = evaluationOf(exampleScreening);

/** A half-finished interview: some items still need facts. */
export const partial = evaluationOf(screeningOf({ version: 1, applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] }, growth: { fastGrowth: true, receivedBefore: false }, vouchers: { modelServices: 800000 } }));

export function mockClient(url: string, timeoutMs = 2_000): LlmClient {
  return openAiClient({ apiKey: "test", baseURL: url, model: "mock-model", timeoutMs });
}
