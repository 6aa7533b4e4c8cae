import { todayInBeijing } from "../clock.js";
import { langSchema, type Lang } from "../i18n/lang.js";
import { interviewStateSchema, type InterviewState } from "../interview/state.js";
import { CHAT_RECORD_VERSION, type ChatRecord, type Store } from "../store/store.js";

/** One chat as a handler sees it: language and interview, read from the store and checked. */
export interface Session {
  chatId: number;
  lang: Lang;
  interview: InterviewState | null;
  /** As stored; null for a chat the bot keeps nothing about. */
  record: ChatRecord | null;
  /** The stored interview did not pass the schema (an old version, a damaged file): it is ignored. */
  unreadable: boolean;
}

/** Telegram's language_code of the user ("zh-hans", "en-US") for chats that never chose one. */
export function langFromCode(code: string | undefined): Lang {
  return code?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Reads a chat; an interview that fails interviewStateSchema counts as absent, and says so. */
export async function loadSession(store: Store, chatId: number, languageCode: string | undefined): Promise<Session> {
  const record = await store.getChat(chatId);
  if (!record) return { chatId, lang: langFromCode(languageCode), interview: null, record: null, unreadable: false };
  const lang = langSchema.safeParse(record.lang);
  const interview = record.interview === null ? null : interviewStateSchema.safeParse(record.interview);
  return {
    chatId,
    lang: lang.success ? lang.data : langFromCode(languageCode),
    interview: interview?.success ? interview.data : null,
    record,
    unreadable: interview !== null && !interview.success,
  };
}

/**
 * Saves a chat's language and interview. Every handler calls this before it replies, so what
 * the user sees is always on disk: a crash after it loses nothing the user was shown.
 */
export async function saveSession(store: Store, session: Session, change: { lang?: Lang; interview?: InterviewState | null }, now: Date): Promise<Session> {
  const lang = change.lang ?? session.lang;
  const interview = change.interview === undefined ? session.interview : change.interview;
  const record: ChatRecord = {
    schema: CHAT_RECORD_VERSION,
    chatId: session.chatId,
    lang,
    interview,
    active: true,
    llm: session.record?.llm ?? { day: todayInBeijing(now), calls: 0 },
    updatedAt: now.toISOString(),
  };
  await store.putChat(record);
  return { ...session, lang, interview, record, unreadable: false };
}
