import { evaluate } from "../../engine/evaluate.js";
import { t } from "../../i18n/translate.js";
import { findCase } from "../cases.js";
import type { BotDeps, Outcome } from "../deps.js";
import type { Session } from "../session.js";

/**
 * The Explain button under a result. The deterministic result is already in the chat; the
 * explanation (an LLM's rewording, or the template) follows it, written outside the chat's
 * queue with the typing indicator showing meanwhile.
 */
export async function onExplain(deps: BotDeps, session: Session, userId: number | null, caseId: string): Promise<Outcome> {
  const { chatId, lang } = session;
  const record = await findCase(deps, chatId, userId, caseId);
  if (!record) {
    void deps.outbox.sendText(chatId, t(lang, "bot.report.notFound", { caseId }));
    return "ignored";
  }
  void deps.outbox.typing(chatId);
  const evaluation = evaluate(record.screening, deps.interview.rules, record.asOf);
  const work = deps.assistant.explain(evaluation, lang, String(userId ?? chatId)).then(
    (explanation) => deps.outbox.sendText(chatId, explanation.text),
    (error: unknown) => {
      deps.logger.error("assistant failed to explain", { chat: chatId, error: (error as Error).name });
      return deps.outbox.sendText(chatId, t(lang, "bot.error"));
    },
  );
  deps.queue.track(work);
  return "ok";
}
