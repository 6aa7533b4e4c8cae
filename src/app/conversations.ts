import type { Assistant } from "../assistant/assistant.js";
import { createAssistant } from "../assistant/llmAssistant.js";
import type { Config } from "../config.js";
import { ConversationService } from "../conversation/index.js";
import { articlesByDay } from "../faq/articles.js";
import type { InterviewContext } from "../interview/index.js";
import { loadQuestionBank } from "../rules/loadQuestions.js";
import type { Logger } from "../log.js";
import { loadRules } from "../rules/loadRules.js";
import type { Store } from "../store/store.js";
import { todayInBeijing } from "../clock.js";

export interface ConversationsOptions {
  config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "LLM_TIMEOUT_MS" | "LLM_CONCURRENCY" | "LLM_DAILY_LIMIT_PER_USER">;
  store: Store;
  logger: Logger;
  /** The rules and questions; loaded from rules/ by default. */
  interview?: InterviewContext;
  /** By default the LLM assistant the configuration describes (templates without a key). */
  assistant?: Assistant;
  clock?: () => Date;
}

/** The conversation layer as every channel of this process shares it. */
export function createConversations(options: ConversationsOptions): ConversationService {
  const { config, store, logger } = options;
  const interview = options.interview ?? { bank: loadQuestionBank(), rules: loadRules() };
  const clock = options.clock ?? (() => new Date());
  return new ConversationService({
    store,
    logger,
    interview,
    assistant: options.assistant ?? createAssistant({ config, rules: interview.rules, logger }),
    articles: articlesByDay(interview.rules, todayInBeijing(clock())),
    clock,
    llmDailyLimit: config.LLM_DAILY_LIMIT_PER_USER,
  });
}
