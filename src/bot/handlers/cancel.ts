import { t } from "../../i18n/translate.js";
import type { BotDeps, Outcome } from "../deps.js";
import { saveSession, type Session } from "../session.js";

/** /cancel: drops the screening in progress (a finished one stays, with its case). */
export async function onCancel(deps: BotDeps, session: Session): Promise<Outcome> {
  if (!session.interview || session.interview.done) {
    void deps.outbox.sendText(session.chatId, t(session.lang, "bot.cancel.nothing"));
    return "ok";
  }
  await saveSession(deps.store, session, { interview: null }, deps.clock());
  void deps.outbox.sendText(session.chatId, t(session.lang, "bot.cancel.done"));
  return "ok";
}
