import { todayInBeijing } from "../clock.js";
import { langSchema, type Lang } from "../i18n/lang.js";
import { interviewStateSchema, type InterviewState } from "../interview/index.js";
import type { Frozen } from "../frozen.js";
import { CONVERSATION_RECORD_VERSION, type ConversationRecord, type Store } from "../store/store.js";

/** One conversation as a turn sees it: language and interview, read from the store and checked. */
export interface Session {
  conversationId: string;
  lang: Lang;
  interview: InterviewState | null;
  /** As stored (the store's frozen copy); null for a conversation nothing is kept about. */
  record: Frozen<ConversationRecord> | null;
  /** The stored interview did not pass the schema (an old version, a damaged file): it is ignored. */
  unreadable: boolean;
}

/** A language hint from the channel (Telegram's language_code "zh-hans", a browser's Accept-Language) for conversations that never chose one. */
export function langFromHint(hint: string | undefined): Lang {
  return hint?.trim().toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Reads a conversation; an interview that fails interviewStateSchema counts as absent, and says so. */
export async function loadSession(store: Store, conversationId: string, languageHint: string | undefined): Promise<Session> {
  const record = await store.getConversation(conversationId);
  if (!record) return { conversationId, lang: langFromHint(languageHint), interview: null, record: null, unreadable: false };
  const lang = langSchema.safeParse(record.lang);
  const interview = record.interview === null ? null : interviewStateSchema.safeParse(record.interview);
  return {
    conversationId,
    lang: lang.success ? lang.data : langFromHint(languageHint),
    interview: interview?.success ? interview.data : null,
    record,
    unreadable: interview !== null && !interview.success,
  };
}

export interface SessionChange {
  lang?: Lang;
  interview?: InterviewState | null;
}

/**
 * Saves a conversation's language and interview. Every turn calls this before it replies, so
 * what the user sees is always on disk: a crash after it loses nothing the user was shown.
 */
export async function saveSession(store: Store, session: Session, change: SessionChange, now: Date): Promise<Session> {
  const lang = change.lang ?? session.lang;
  const interview = change.interview === undefined ? session.interview : change.interview;
  const record: ConversationRecord = {
    schema: CONVERSATION_RECORD_VERSION,
    conversationId: session.conversationId,
    lang,
    interview,
    active: true,
    llm: session.record?.llm ?? { day: todayInBeijing(now), calls: 0 },
    updatedAt: now.toISOString(),
  };
  await store.putConversation(record);
  return { ...session, lang, interview, record, unreadable: false };
}
