import type { LlmAllowance } from "../assistant/assistant.js";
import { todayInBeijing } from "../clock.js";
import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import { describeFact } from "../interview/index.js";
import { LruCache } from "../lruCache.js";
import type { ConversationDeps } from "./deps.js";
import { DailyAllowance } from "./llmAllowance.js";
import { message, type Reply } from "./reply.js";
import type { Session } from "./session.js";

interface CallAllowance extends LlmAllowance {
  counter: DailyAllowance;
  /** A call was made, so the new count is to be stored. */
  taken: boolean;
}

/** Conversations whose LLM count is kept in memory between its writes to the store. */
const ALLOWANCES_KEPT = 10_000;

/**
 * FAQ answers and explanations through the assistant, outside the conversation's queue (an LLM
 * may take seconds, and the conversation's buttons should not wait for it). Each conversation
 * has a daily allowance of LLM calls, counted here and written to its record after each call.
 */
export class Assist {
  private readonly allowances = new LruCache<string, DailyAllowance>(ALLOWANCES_KEPT);

  constructor(
    private readonly deps: ConversationDeps,
    /** Writes a conversation's new LLM count (through its queue). */
    private readonly saveCount: (conversationId: string, used: DailyAllowance["used"]) => Promise<void>,
  ) {}

  ask(session: Session, question: string): Promise<Reply[]> {
    const allowance = this.allowanceOf(session);
    return this.guard(session, allowance, async () => {
      const reply = await this.deps.assistant.ask(question, session.lang, allowance);
      return [message(reply.text)];
    });
  }

  explain(session: Session, evaluation: Evaluation, screening: Screening, lang: Lang = session.lang): Promise<Reply[]> {
    const allowance = this.allowanceOf(session);
    const { bank, rules } = this.deps.interview;
    // The facts are named from this screening's own answers ("project 2", "the recognition …").
    const describe = describeFact({ bank, rules, screening });
    return this.guard(session, allowance, async () => {
      const explanation = await this.deps.assistant.explain(evaluation, lang, { describe, allowance });
      return [message(explanation.text)];
    });
  }

  /** One call's allowance, drawn from the conversation's count of the day (shared by its calls in flight). */
  private allowanceOf(session: Session): CallAllowance {
    const today = todayInBeijing(this.deps.clock());
    let counter = this.allowances.get(session.conversationId);
    if (counter?.day !== today) {
      counter = new DailyAllowance(today, session.record?.llm, this.deps.llmDailyLimit);
      this.allowances.set(session.conversationId, counter);
    }
    const shared = counter;
    const call: CallAllowance = {
      counter: shared,
      taken: false,
      tryTake: () => (call.taken = shared.tryTake()),
    };
    return call;
  }

  private async guard(session: Session, allowance: CallAllowance, work: () => Promise<Reply[]>): Promise<Reply[]> {
    try {
      return await work();
    } catch (error) {
      this.deps.logger.error("assistant failed", { conversation: session.conversationId, error: (error as Error).name });
      return [message(t(session.lang, "bot.error"))];
    } finally {
      if (allowance.taken) {
        await this.saveCount(session.conversationId, allowance.counter.used).catch((error: unknown) => this.deps.logger.warn("could not store the LLM count", { error: String(error) }));
      }
    }
  }
}
