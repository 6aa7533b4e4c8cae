import type { Evaluation } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import type { DescribeFact } from "../result/resultScreen.js";

import type { FaqReply } from "../faq/faqReply.js";
import type { Explanation } from "../llm/explain.js";

/** Plain-language help around the engine: explanations of a result and answers to policy questions. */
export type { Explanation, FaqReply };

/**
 * The caller's permission to spend one LLM call; asked only when a call is about to be made (a
 * cached explanation costs nothing). The conversation layer keeps the per-user daily count.
 */
export interface LlmAllowance {
  tryTake(): boolean;
}

/** For the command-line tools, where the operator pays for what they run. */
export const UNLIMITED_LLM: LlmAllowance = { tryTake: () => true };

export interface ExplainContext {
  /** Names the question behind each unknown fact of this screening. */
  describe: DescribeFact;
  allowance: LlmAllowance;
}

export interface Assistant {
  explain(evaluation: Evaluation, lang: Lang, context: ExplainContext): Promise<Explanation>;
  ask(question: string, lang: Lang, allowance: LlmAllowance): Promise<FaqReply>;
}
