import type { Lang } from "../i18n/lang.js";
import type { InterviewState } from "../interview/state.js";
import type { Screening } from "../engine/screening.js";
import type { ItemStatus } from "../engine/outcome.js";

/**
 * The assistant's persistent state, behind a small interface so a server database could replace
 * lowdb. Everything is keyed by conversation ids (`tg:123`, `web:…`, `cli`; see conversationId.ts).
 */

export const CONVERSATION_RECORD_VERSION = 2;
export const SCREENING_RECORD_VERSION = 2;

/** Everything kept about one conversation, whatever its channel. */
export interface ConversationRecord {
  schema: typeof CONVERSATION_RECORD_VERSION;
  conversationId: string;
  lang: Lang;
  interview: InterviewState | null;
  /** False once the user blocked the bot (403): nothing more is sent. */
  active: boolean;
  /** Calls to the LLM today (a Beijing day), for the per-user daily limit; kept across restarts. */
  llm: { day: string; calls: number };
  updatedAt: string;
}

/** One finished screening, kept for the report, staff statistics and exports. */
export interface ScreeningRecord {
  schema: typeof SCREENING_RECORD_VERSION;
  caseId: string;
  conversationId: string;
  createdAt: string;
  lang: Lang;
  asOf: string;
  inForce: boolean;
  rulesVersion: string;
  screening: Screening;
  /** `countedSupportFen` (Article 16, format 1.1) is absent from records stored before it. */
  items: { id: string; status: ItemStatus; maxSupportFen: number | null; potentialMaxSupportFen: number | null; project: number | null; counted: boolean; countedSupportFen?: number }[];
  totalMaxSupportFen: number;
}

export interface Store {
  getConversation(conversationId: string): Promise<ConversationRecord | null>;
  putConversation(record: ConversationRecord): Promise<void>;
  addScreening(record: ScreeningRecord): Promise<void>;
  getScreening(caseId: string): Promise<ScreeningRecord | null>;
  /** The case ids of a conversation's screenings in the order they were stored, from its own list (never a scan). */
  casesOf(conversationId: string): Promise<string[]>;
  /** Screenings created in [from, to) (ISO dates), oldest first, without loading them all at once. */
  screenings(from: string, to: string): AsyncIterable<ScreeningRecord>;
  /** Erases everything stored about a conversation: its record and its screenings. */
  deleteConversation(conversationId: string): Promise<void>;
  /** Removes screenings (and idle conversations) older than the cutoff date; returns how many were removed. */
  purgeBefore(cutoff: string): Promise<number>;
  /** Waits for every pending write to reach the disk. */
  close(): Promise<void>;
}
