import { t } from "../../i18n/translate.js";
import type { BotDeps, Outcome } from "../deps.js";
import type { Session } from "../session.js";

/** /help, and the answer to a command the bot does not know. */
export async function onHelp(deps: BotDeps, session: Session): Promise<Outcome> {
  void deps.outbox.sendText(session.chatId, t(session.lang, "bot.help"));
  return "ok";
}
