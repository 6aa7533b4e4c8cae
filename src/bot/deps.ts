import type { Assistant } from "../assistant/assistant.js";
import type { ArticlesFile } from "../faq/articles.js";
import type { InterviewContext } from "../interview/interview.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/store.js";
import type { ChatQueue } from "./chatQueue.js";
import type { Outbox } from "./outbox.js";

/** What every handler works with: the core, the store, the outgoing queue and the clock. */
export interface BotDeps {
  store: Store;
  outbox: Outbox;
  logger: Logger;
  interview: InterviewContext;
  assistant: Assistant;
  articles: ArticlesFile;
  /** Telegram user ids allowed to use the staff commands. */
  admins: ReadonlySet<number>;
  clock: () => Date;
  queue: ChatQueue;
  /** The case each chat finished last since start-up; after a restart the store is searched. */
  lastCase: Map<number, string>;
  retentionDays: number;
}

/** How an update ended, for the one log line each update gets. */
export type Outcome = "ok" | "stale" | "forged" | "refused" | "ignored" | "error" | "dropped";

/** Where a reply goes: a new message, or (for a button) the message the button is on. */
export type Origin =
  | { kind: "message" }
  /** `answer` stops the button's spinner, with a short note; only the first call counts. */
  | { kind: "callback"; messageId: number; answer: (note?: string) => void };
