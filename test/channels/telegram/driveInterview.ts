import type { Screening } from "../../../src/engine/screening.js";
import { formatYuan } from "../../../src/i18n/formatMoney.js";
import type { Lang } from "../../../src/i18n/lang.js";
import { t } from "../../../src/i18n/translate.js";
import { buildScreening, parseKey } from "../../../src/interview/buildScreening.js";
import { step } from "../../../src/interview/interview.js";
import type { InterviewEvent, OutMessage } from "../../../src/interview/messages.js";
import { renderMessage } from "../../../src/interview/render.js";
import { initialState, type InterviewState } from "../../../src/interview/state.js";
import { personaAnswer } from "../../support/personaAnswers.js";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { dataOf, type Dialog } from "./dialog.js";
import { AS_OF, interview } from "./harness.js";

export interface Driven {
  /** The same answers fed to the interview core directly. */
  model: InterviewState;
  /** Texts of the bot's result message(s), in order. */
  resultText: string;
  caseId: string;
  questions: number;
}

/** The interview core's state after `/check`, to follow the bot's with. */
export function startModel(lang: Lang): InterviewState {
  return step(interview, initialState(lang, AS_OF), { type: "start" }).state;
}

/** /check, then "Yes" to the first question (in Tongzhou) by button; returns the core's state after, its next question shown. */
export async function answerJurisdiction(dlg: Dialog, lang: Lang = "en"): Promise<InterviewState> {
  let model = startModel(lang);
  dlg.command("/check");
  await dlg.nextText(questionWords(model));
  dlg.press(`a|${model.turn}|jurisdiction|y`);
  model = step(interview, model, { type: "answer", key: "jurisdiction", turn: model.turn, value: true }).state;
  await dlg.nextText(questionWords(model));
  return model;
}

/** The options the core's last question offers (topics the applicant's kind can get, lower-paid recognitions). */
function offeredBy(out: OutMessage[], before: string[] | undefined): string[] | undefined {
  return out.filter((m) => m.type === "question").at(-1)?.options ?? before;
}

/** The words of the question `state` asks, as the bot must show them (the Article 16 question names the items offered). */
export function questionWords(state: InterviewState): string {
  const shown = step(interview, state, { type: "start" }).out.at(-1)!;
  const rendered = renderMessage(shown, { ...interview, lang: state.lang, screening: buildScreening(interview.bank, state.log, state.asOf) });
  // The question's own line, after the progress line and a blank one.
  return rendered.text.split("\n")[2]!;
}

/**
 * Answers every question the bot asks as the persona would: buttons for choices (ticking
 * options one by one, then Done), typed amounts confirmed with Yes, typed counts, and Don't
 * know for what the persona leaves unknown. Checks each question the bot shows against the
 * core's, and returns the final result and case number.
 */
export async function driveInterview(dlg: Dialog, persona: Screening, lang: Lang): Promise<Driven> {
  let { state: model, out: shown } = step(interview, initialState(lang, AS_OF), { type: "start" });
  let offered = offeredBy(shown, undefined);
  let questions = 0;
  await dlg.nextText(questionWords(model));
  while (!model.done) {
    questions += 1;
    const key = model.current!;
    const turn = model.turn;
    const { question } = parseKey(interview.bank, key)!;
    const value = personaAnswer(interview.bank, persona, key, offered, buildScreening(interview.bank, model.log, model.asOf));
    const options = (question.options ?? []).map((o) => o.value);
    const events: InterviewEvent[] = [];
    if (value === null) {
      dlg.press(`s|${turn}`);
      events.push({ type: "skip" });
    } else if (question.type === "yes_no") {
      dlg.press(`a|${turn}|${key}|${value ? "y" : "n"}`);
      events.push({ type: "answer", key, turn, value });
    } else if (question.type === "single") {
      dlg.press(`a|${turn}|${key}|o${options.indexOf(value as string)}`);
      events.push({ type: "answer", key, turn, value });
    } else if (question.type === "amount") {
      // Amounts in the echo's own notation (RMB 1,200,000, 0) count at once; 120万元 is confirmed first.
      const typed = formatYuan(value as number, lang);
      dlg.type(typed);
      events.push({ type: "text", text: typed });
      if (step(interview, model, events[0]!).state.pending !== null) {
        const confirm = `c|${turn}|${key}|y`;
        await dlg.next((call) => dataOf(call.replyMarkup as InlineKeyboardMarkup | undefined).includes(confirm));
        dlg.press(confirm);
        events.push({ type: "confirm", key, turn, yes: true });
      }
    } else if (question.type === "text") {
      dlg.type(value as string);
      events.push({ type: "text", text: value as string });
    } else if (question.type === "count") {
      dlg.type(String(value));
      events.push({ type: "text", text: String(value) });
    } else {
      for (const option of value as string[]) {
        dlg.press(`t|${turn}|${key}|${options.indexOf(option)}`);
        await dlg.nextMethod("editMessageText");
        events.push({ type: "toggle", key, turn, option });
      }
      dlg.press(`d|${turn}|${key}`);
      events.push({ type: "done", key, turn });
    }
    for (const event of events) {
      ({ state: model, out: shown } = step(interview, model, event));
      offered = offeredBy(shown, offered);
    }
    if (!model.done) await dlg.nextText(questionWords(model));
  }
  const resultCall = await dlg.nextText(t(lang, "screen.final"));
  const caseCall = await dlg.nextText("TZ-");
  const caseId = /TZ-\d{8}-[0-9A-Z]{8}/.exec(caseCall.text ?? "")?.[0];
  if (!caseId) throw new Error(`no case number in ${caseCall.text}`);
  return { model, resultText: resultCall.text ?? "", caseId, questions };
}
