import type { Lang } from "../../i18n/lang.js";
import { t } from "../../i18n/translate.js";
import { step } from "../../interview/interview.js";
import type { CompiledRules } from "../../rules/loadRules.js";
import type { BotDeps, Origin, Outcome } from "../deps.js";
import { languageKeyboard, welcomeKeyboard } from "../keyboards.js";
import { saveSession, type Session } from "../session.js";

/** /start and /lang: the language choice, in both languages since the choice is not made yet. */
export async function askLanguage(deps: BotDeps, session: Session): Promise<Outcome> {
  void deps.outbox.sendText(session.chatId, t(session.lang, "bot.chooseLanguage"), languageKeyboard());
  return "ok";
}

/** A language button: remembered for the chat and its interview, then what the bot does and the disclaimer. */
export async function chooseLanguage(deps: BotDeps, session: Session, lang: Lang, origin: Extract<Origin, { kind: "callback" }>): Promise<Outcome> {
  const interview = session.interview ? step(deps.interview, session.interview, { type: "lang", lang }).state : null;
  await saveSession(deps.store, session, { lang, interview }, deps.clock());
  origin.answer(t(lang, "interview.langChanged"));
  const inProgress = interview !== null && !interview.done;
  void deps.outbox.editText(session.chatId, origin.messageId, welcomeText(deps.interview.rules, lang), welcomeKeyboard(lang, inProgress));
  return "ok";
}

export function welcomeText(rules: CompiledRules, lang: Lang): string {
  return [t(lang, "welcome.title"), "", t(lang, "welcome.body"), "", t(lang, "bot.about"), "", t(lang, "bot.disclaimerTitle"), rules.policy.disclaimer.text[lang]].join("\n");
}
