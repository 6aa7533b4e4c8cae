import type { Assistant, FaqReply } from "../../assistant/assistant.js";
import type { Logger } from "../../log.js";
import type { FaqGapOutcome } from "../../store/activity.js";
import type { Store } from "../../store/store.js";

/**
 * A question the FAQ could not answer well: refused, or answered from an Article's text because
 * no FAQ entry matched it (what staff may want to add to the FAQ). An LLM's rewording hides
 * which it was, and is not counted.
 */
export function faqGapOf(reply: FaqReply): FaqGapOutcome | null {
  if (reply.source === "refusal") return "refused";
  return reply.source === "article" ? "weak" : null;
}

/** The assistant, counting the questions it answered badly in the store (the question only, never who asked). */
export function countingFaqGaps(assistant: Assistant, store: Store, clock: () => Date, logger: Logger): Assistant {
  return {
    explain: (evaluation, lang, context) => assistant.explain(evaluation, lang, context),
    ask: async (question, lang, allowance) => {
      const reply = await assistant.ask(question, lang, allowance);
      const outcome = faqGapOf(reply);
      if (outcome) await store.recordActivity({ kind: "faq_gap", question, outcome, at: clock() }).catch((error: unknown) => logger.warn("could not count a FAQ gap", { error: String(error) }));
      return reply;
    },
  };
}
