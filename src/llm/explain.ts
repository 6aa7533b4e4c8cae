import { createHash } from "node:crypto";
import type { Evaluation } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import type { Logger } from "../log.js";
import { explainResult } from "../result/explainResult.js";
import type { DescribeFact } from "../result/resultScreen.js";
import type { CompiledRules } from "../rules/loadRules.js";
import type { LruCache } from "../lruCache.js";
import { checkExplanation, describeProblem, type ExplanationProblem } from "./checkExplanation.js";
import type { ChatMessage, LlmClient } from "./client.js";
import { buildExplainData, type ExplainData } from "./explainData.js";
import { ALWAYS, type AcquireSlot } from "./limits.js";
import { fillSlots, loadPrompt, type Prompt } from "./prompts.js";

/** An explanation of a result in plain words. */
export interface Explanation {
  text: string;
  /** "template" when no LLM was used, or its reply was rejected. */
  source: "llm" | "template";
}

export interface ExplainDeps {
  client: LlmClient;
  rules: CompiledRules;
  describe: DescribeFact;
  logger: Logger;
  /** Validated explanations only, by a hash of the result, language, prompt version and model. */
  cache?: LruCache<string, string>;
  stream?: boolean;
  promptsDir?: string;
}

/** How the explanation came about: from the cache, the model (first or second try), or the template. */
export type ExplainOutcome = "cached" | "accepted" | "accepted_on_retry" | "rejected" | "failed" | "limited";

export interface ExplainResult {
  explanation: Explanation;
  outcome: ExplainOutcome;
}

/**
 * The model rewords the result; the code checks every figure and claim (checkExplanation). A
 * rejected reply gets one more try with the problems named; then, as on any failure, the
 * template explanation. The model never sees a figure, so it can only place the engine's.
 */
export async function explainWithLlm(evaluation: Evaluation, lang: Lang, deps: ExplainDeps, acquire: AcquireSlot = ALWAYS): Promise<ExplainResult> {
  const template = (outcome: ExplainOutcome): ExplainResult => ({
    explanation: { text: explainResult(evaluation, deps.rules, lang, deps.describe), source: "template" },
    outcome,
  });
  const data = buildExplainData(evaluation, deps.rules, lang, deps.describe);
  const prompt = loadPrompt("explain", lang, deps.promptsDir);
  const key = cacheKey(data, lang, prompt.version, deps.client.model);
  const cached = deps.cache?.get(key);
  if (cached !== undefined) return { explanation: { text: cached, source: "llm" }, outcome: "cached" };
  const release = acquire();
  if (!release) return template("limited");
  try {
    const result = await converse(data, lang, prompt, deps);
    if (result.outcome !== "accepted" && result.outcome !== "accepted_on_retry") return template(result.outcome);
    deps.cache?.set(key, result.text);
    return { explanation: { text: result.text, source: "llm" }, outcome: result.outcome };
  } finally {
    release();
  }
}

type Conversation = { outcome: "accepted" | "accepted_on_retry"; text: string } | { outcome: "rejected" | "failed" };

async function converse(data: ExplainData, lang: Lang, prompt: Prompt, deps: ExplainDeps): Promise<Conversation> {
  const log = { promptVersion: prompt.version, model: deps.client.model, lang };
  const messages: ChatMessage[] = [
    { role: "system", content: prompt.system },
    { role: "user", content: fillSlots(prompt.request, { RESULT: JSON.stringify(data.view) }) },
  ];
  for (let attempt = 1; attempt <= 2; attempt++) {
    const reply = await deps.client.complete({ messages, stream: deps.stream });
    if (!reply.ok && reply.failure.kind !== "empty") {
      deps.logger.warn("llm explanation failed", { ...log, failure: reply.failure.kind, status: reply.failure.status, attempts: reply.failure.attempts });
      return { outcome: "failed" };
    }
    const checked = reply.ok ? checkExplanation(reply.text, data, lang) : { ok: false as const, problems: [{ code: "empty" } as ExplanationProblem] };
    if (checked.ok) return { outcome: attempt === 1 ? "accepted" : "accepted_on_retry", text: checked.text };
    deps.logger.warn("llm explanation rejected", { ...log, attempt, problems: checked.problems.map((problem) => problem.code) });
    if (!prompt.retry) break;
    if (reply.ok) messages.push({ role: "assistant", content: reply.text });
    messages.push({ role: "user", content: fillSlots(prompt.retry, { PROBLEMS: checked.problems.map((problem) => `- ${describeProblem(problem)}`).join("\n") }) });
  }
  return { outcome: "rejected" };
}

function cacheKey(data: ExplainData, lang: Lang, promptVersion: string, model: string): string {
  return createHash("sha256").update(JSON.stringify([promptVersion, model, lang, data.view, data.table.entries()])).digest("hex");
}
