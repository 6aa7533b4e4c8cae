import type { Lang } from "../i18n/lang.js";
import type { InterviewState } from "../interview/state.js";
import type { Screening } from "../engine/screening.js";
import type { ItemStatus } from "../engine/outcome.js";
import type { ActivityEvent, DayActivity } from "./activity.js";
import type { DaySummary } from "./daySummary.js";
import type { Frozen } from "../frozen.js";

/**
 * The assistant's persistent state, behind a small interface so a server database could replace
 * lowdb. Everything is keyed by conversation ids (`tg:123`, `web:…`, `cli`; see conversationId.ts).
 */

export const CONVERSATION_RECORD_VERSION = 2;
export const SCREENING_RECORD_VERSION = 3;

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
  /**
   * `countedSupportFen` (Article 16, format 1.1) is absent from records stored before it;
   * `missing` (the facts an undecided item needs) and `nearMiss` (the one condition a
   * not-eligible item failed on alone) from records stored before schema 3.
   */
  items: {
    id: string;
    status: ItemStatus;
    maxSupportFen: number | null;
    potentialMaxSupportFen: number | null;
    project: number | null;
    counted: boolean;
    countedSupportFen?: number;
    missing?: string[];
    nearMiss?: string;
  }[];
  totalMaxSupportFen: number;
}

/**
 * Replies a channel has yet to deliver, one entry per batch: kept until they are delivered, so a
 * crash or an outage loses none. The store keeps the payload as it is given (JSON); the channel
 * that wrote it parses it when it reads it back.
 */
export interface OutboxEntry {
  /** Made with newOutboxId: names the conversation and orders the entries by creation. */
  id: string;
  conversationId: string;
  createdAt: string;
  payload: unknown;
}

/** What an erasure could not remove (a file the program cannot delete or read), for a person to look at. */
export interface ErasureReport {
  notErased: string[];
}

export interface Store {
  /**
   * A conversation's record, frozen: the store's own copy, handed to every read until the record
   * is replaced, so that a turn reads it without copying it. Copy it to change it.
   */
  getConversation(conversationId: string): Promise<Frozen<ConversationRecord> | null>;
  /** Keeps a copy of the record (what it is given stays as it is, and changing it later changes nothing stored). */
  putConversation(record: Frozen<ConversationRecord>): Promise<void>;
  addScreening(record: ScreeningRecord): Promise<void>;
  getScreening(caseId: string): Promise<ScreeningRecord | null>;
  /**
   * Keeps a stored screening's result under other rules (a re-check: the same case id, another
   * `rulesVersion`) beside the original, which stays as it is; one per case and rules version,
   * replaced when written again, erased and purged with the case. Listings never include it.
   */
  addRecheck(record: ScreeningRecord): Promise<void>;
  /** The re-checked results kept for a case, by rules version. */
  rechecksOf(caseId: string): Promise<ScreeningRecord[]>;
  /** The case ids of a conversation's screenings in the order they were stored, from its own list (never a scan). */
  casesOf(conversationId: string): Promise<string[]>;
  /** Screenings created in [from, to) (ISO dates), oldest first, without loading them all at once. */
  screenings(from: string, to: string): AsyncIterable<ScreeningRecord>;
  /**
   * The screenings created on each Beijing day from `fromDay` to `toDay` (both included),
   * summed per day (days without any are absent): kept as screenings are stored, not read per call.
   */
  daySummaries(fromDay: string, toDay: string): Promise<Map<string, DaySummary>>;
  /** Counts a screening begun or a FAQ gap on the Beijing day of `event.at`; nobody's identity is kept. */
  recordActivity(event: ActivityEvent): Promise<void>;
  /** The counts of recordActivity for each Beijing day from `fromDay` to `toDay` (days without any are absent). */
  activity(fromDay: string, toDay: string): Promise<Map<string, DayActivity>>;
  /**
   * Erases everything stored about a conversation: its record, its screenings and its undelivered
   * replies. Erases whatever it can and reports what it could not, never stopping at the first problem.
   */
  deleteConversation(conversationId: string): Promise<ErasureReport>;
  /** Keeps (or replaces) a batch of replies to deliver. */
  putOutbox(entry: OutboxEntry): Promise<void>;
  /** Forgets a delivered batch; an unknown id is no error. */
  removeOutbox(id: string): Promise<void>;
  /** Every batch still to deliver, oldest first; one that cannot be read is left out with a warning. */
  outbox(): Promise<OutboxEntry[]>;
  /**
   * Removes screenings, idle conversations and undelivered replies older than the cutoff date;
   * returns how many screenings and conversations were removed. A file it cannot read is skipped with a warning.
   */
  purgeBefore(cutoff: string): Promise<number>;
  /** Waits for every pending write to reach the disk. */
  close(): Promise<void>;
}
