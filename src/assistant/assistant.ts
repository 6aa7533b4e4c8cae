import type { Evaluation } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";

/** Plain-language help around the engine: explanations of a result and answers to policy questions. */
export interface Explanation {
  text: string;
  /** "template" when no LLM was used, or its reply was rejected. */
  source: "llm" | "template";
}

export interface FaqReply {
  text: string;
  /** Cited Articles, most relevant first. */
  articles: string[];
  source: "faq" | "article" | "llm" | "refusal" | "how_much";
}

export interface Assistant {
  /** `userId` keys the per-user daily limit on LLM calls. */
  explain(evaluation: Evaluation, lang: Lang, userId: string): Promise<Explanation>;
  ask(question: string, lang: Lang, userId: string): Promise<FaqReply>;
}
