import type { Lang } from "../i18n/lang.js";
import type { Evaluation } from "../engine/outcome.js";
import { answerQuestion } from "../faq/answer.js";
import { offlineReply } from "../faq/faqReply.js";
import { explainResult } from "../result/explainResult.js";
import type { CompiledRules } from "../rules/loadRules.js";
import type { Assistant, ExplainContext, Explanation, FaqReply } from "./assistant.js";

/** The assistant without an LLM: a template explanation of the sums and offline FAQ retrieval. */
export function templateAssistant(rules: CompiledRules): Assistant {
  return {
    async explain(evaluation: Evaluation, lang: Lang, { describe }: ExplainContext): Promise<Explanation> {
      return { text: explainResult(evaluation, rules, lang, describe), source: "template" };
    },
    async ask(question: string, lang: Lang): Promise<FaqReply> {
      return offlineReply(answerQuestion(question, lang));
    },
  };
}
