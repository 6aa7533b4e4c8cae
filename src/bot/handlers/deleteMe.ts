import { t } from "../../i18n/translate.js";
import type { BotDeps, Origin, Outcome } from "../deps.js";
import { deleteKeyboard } from "../keyboards.js";
import type { Session } from "../session.js";

/** /delete: asks first, since it cannot be undone. */
export async function askDelete(deps: BotDeps, session: Session): Promise<Outcome> {
  void deps.outbox.sendText(session.chatId, t(session.lang, "bot.delete.confirm"), deleteKeyboard(session.lang));
  return "ok";
}

/**
 * The answer to /delete. Yes erases the chat's record and every case it finished; nothing is
 * saved afterwards, so the chat leaves no trace in the store until the user starts again.
 */
export async function confirmDelete(deps: BotDeps, session: Session, yes: boolean, origin: Extract<Origin, { kind: "callback" }>): Promise<Outcome> {
  const { chatId, lang } = session;
  if (yes) {
    await deps.store.deleteChat(chatId);
    deps.lastCase.delete(chatId);
    deps.logger.info("chat data erased", { chat: chatId });
  }
  origin.answer();
  void deps.outbox.editText(chatId, origin.messageId, t(lang, yes ? "bot.delete.done" : "bot.delete.kept"));
  return "ok";
}
