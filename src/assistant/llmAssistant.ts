import type { Config } from "../config.js";
import type { Evaluation } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import { LruCache } from "../lruCache.js";
import { createLlmClient, type LlmClient } from "../llm/client.js";
import { explainWithLlm } from "../llm/explain.js";
import { answerWithLlm } from "../llm/faq.js";
import { ConcurrencyGate, type AcquireSlot } from "../llm/limits.js";
import type { Logger } from "../log.js";
import type { CompiledRules } from "../rules/loadRules.js";
import type { Assistant, ExplainContext, Explanation, FaqReply, LlmAllowance } from "./assistant.js";
import { templateAssistant } from "./templateAssistant.js";

export interface AssistantDeps {
  config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "LLM_TIMEOUT_MS" | "LLM_CONCURRENCY">;
  rules: CompiledRules;
  logger: Logger;
  /** A client to use instead of the one the configuration gives (tests); null forces template answers. */
  client?: LlmClient | null;
  /** Read replies as streams (the default is one whole response). */
  stream?: boolean;
}

const EXPLANATION_CACHE_SIZE = 500;

/**
 * The assistant: with an API key, the LLM rewords explanations and answers (checked, see src/llm);
 * without one, the template assistant. Any failure, a spent allowance (the caller's daily limit),
 * or all LLM slots in use gives the template answer at once. Callers show the deterministic result before awaiting
 * an explanation: nothing here needs to run first.
 */
export function createAssistant(deps: AssistantDeps): Assistant {
  const { config, rules, logger } = deps;
  const template = templateAssistant(rules);
  const client = deps.client !== undefined ? deps.client : createLlmClient(config);
  if (!client) {
    logger.info("LLM not configured: template answers only");
    return template;
  }
  logger.info("LLM configured", { model: client.model });
  const gate = new ConcurrencyGate(config.LLM_CONCURRENCY);
  const cache = new LruCache<string, string>(EXPLANATION_CACHE_SIZE);
  const slotFor =
    (allowance: LlmAllowance): AcquireSlot =>
    () => {
      const release = gate.tryEnter();
      if (!release) {
        logger.info("llm busy: template answer", { inFlight: gate.active });
        return null;
      }
      if (!allowance.tryTake()) {
        release();
        logger.info("llm daily limit reached: template answer");
        return null;
      }
      return release;
    };
  const shared = { client, logger, stream: deps.stream };

  return {
    async explain(evaluation: Evaluation, lang: Lang, context: ExplainContext): Promise<Explanation> {
      try {
        return (await explainWithLlm(evaluation, lang, { ...shared, rules, describe: context.describe, cache }, slotFor(context.allowance))).explanation;
      } catch (error) {
        logger.error("llm explanation crashed: template answer", { error: String(error) });
        return template.explain(evaluation, lang, context);
      }
    },
    async ask(question: string, lang: Lang, allowance: LlmAllowance): Promise<FaqReply> {
      try {
        return (await answerWithLlm(question, lang, shared, slotFor(allowance))).reply;
      } catch (error) {
        logger.error("llm answer crashed: offline answer", { error: String(error) });
        return template.ask(question, lang, allowance);
      }
    },
  };
}
