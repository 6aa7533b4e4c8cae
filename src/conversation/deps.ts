import type { Assistant } from "../assistant/assistant.js";
import type { ArticlesFile } from "../faq/articles.js";
import type { InterviewContext } from "../interview/index.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/store.js";

/** What every turn works with: the core, the store, the assistant and the clock. */
export interface ConversationDeps {
  store: Store;
  logger: Logger;
  interview: InterviewContext;
  assistant: Assistant;
  /** The Articles as readers see them on a day (Beijing), whose summaries state the figures in force. */
  articles: (day: string) => ArticlesFile;
  clock: () => Date;
  /** LLM calls per conversation per Beijing day; past it, the template answer. */
  llmDailyLimit: number;
}

/** Who is talking, as the channel knows it. */
export interface Caller {
  /** The channel's language hint (Telegram's language_code, a browser's Accept-Language), for a first contact. */
  languageHint?: string;
  /** The channel vouches for a staff member (Telegram: a user id in ADMIN_IDS): staff commands are allowed. */
  staff?: boolean;
  /** The channel's id of the person, for the log line of a refused staff command. */
  userId?: number | string;
}
