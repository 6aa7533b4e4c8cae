import type { Lang } from "../i18n/lang.js";
import type { InterviewState } from "../interview/state.js";
import type { Screening } from "../engine/screening.js";
import type { ItemStatus } from "../engine/outcome.js";

/** The bot's persistent state, behind a small interface so a server database could replace lowdb. */

export const CHAT_RECORD_VERSION = 1;
export const SCREENING_RECORD_VERSION = 1;

/** Everything kept about one Telegram chat. */
export interface ChatRecord {
  schema: typeof CHAT_RECORD_VERSION;
  chatId: number;
  lang: Lang;
  interview: InterviewState | null;
  /** False once the user blocked the bot (403): nothing more is sent. */
  active: boolean;
  /** Calls to the LLM today, for the per-user daily limit. */
  llm: { day: string; calls: number };
  updatedAt: string;
}

/** One finished screening, kept for the report, staff statistics and exports. */
export interface ScreeningRecord {
  schema: typeof SCREENING_RECORD_VERSION;
  caseId: string;
  chatId: number;
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
  getChat(chatId: number): Promise<ChatRecord | null>;
  putChat(record: ChatRecord): Promise<void>;
  addScreening(record: ScreeningRecord): Promise<void>;
  getScreening(caseId: string): Promise<ScreeningRecord | null>;
  /** Screenings created in [from, to) (ISO dates), oldest first, without loading them all at once. */
  screenings(from: string, to: string): AsyncIterable<ScreeningRecord>;
  /** Erases everything stored about a chat: its record and its screenings. */
  deleteChat(chatId: number): Promise<void>;
  /** Removes screenings (and idle chats) older than the cutoff date; returns how many were removed. */
  purgeBefore(cutoff: string): Promise<number>;
  /** Waits for every pending write to reach the disk. */
  close(): Promise<void>;
}
