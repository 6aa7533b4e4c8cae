import { t } from "../../i18n/translate.js";
import type { BotDeps, Outcome } from "../deps.js";
import type { Session } from "../session.js";

/** /ask QUESTION: the assistant's answer about the rules. */
export async function onAsk(deps: BotDeps, session: Session, args: string, userId: number | null): Promise<Outcome> {
  if (args === "") {
    void deps.outbox.sendText(session.chatId, t(session.lang, "bot.ask.usage"));
    return "ok";
  }
  answerInBackground(deps, session, userId, args);
  return "ok";
}

/**
 * Answers outside the chat's queue: an LLM may take seconds, and the chat's buttons should not
 * wait for it. The typing indicator shows meanwhile; the answer follows it in the chat's order.
 */
export function answerInBackground(deps: BotDeps, session: Session, userId: number | null, question: string): void {
  const { chatId, lang } = session;
  void deps.outbox.typing(chatId);
  const work = deps.assistant.ask(question, lang, String(userId ?? chatId)).then(
    (reply) => deps.outbox.sendText(chatId, reply.text),
    (error: unknown) => {
      deps.logger.error("assistant failed to answer", { chat: chatId, error: (error as Error).name });
      return deps.outbox.sendText(chatId, t(lang, "bot.error"));
    },
  );
  deps.queue.track(work);
}
