import { todayInBeijing } from "../../clock.js";
import { t } from "../../i18n/translate.js";
import { step } from "../../interview/interview.js";
import { initialState } from "../../interview/state.js";
import { toInterviewEvent, type InterviewAction } from "../callbackData.js";
import { deliver, notice } from "../deliver.js";
import type { BotDeps, Origin, Outcome } from "../deps.js";
import { applyStep, playEvent } from "../interviewTurn.js";
import type { Session } from "../session.js";

/**
 * /check and the Start/Continue button: resumes a screening in progress, or starts one. The
 * question comes as a new message: the welcome or the case it was started from stays readable.
 */
export async function openInterview(deps: BotDeps, session: Session, origin: Origin): Promise<Outcome> {
  if (origin.kind === "callback") origin.answer();
  const current = session.interview;
  if (current && !current.done) {
    await playEvent(deps, session, current, { type: "start" }, { kind: "message" }, [notice(t(session.lang, "bot.check.resume"))]);
    return "ok";
  }
  return startInterview(deps, session, { kind: "message" });
}

/** The New screening button: a fresh interview, whatever came before, in a new message. */
export async function startInterview(deps: BotDeps, session: Session, origin: Origin): Promise<Outcome> {
  if (origin.kind === "callback") origin.answer();
  const fresh = initialState(session.lang, todayInBeijing(deps.clock()));
  await applyStep(deps, session, fresh, step(deps.interview, fresh, { type: "start" }), { kind: "message" });
  return "ok";
}

/** /result: where the applicant stands now (or the final result again). */
export async function showResult(deps: BotDeps, session: Session): Promise<Outcome> {
  if (!session.interview) {
    deliver(deps, session.chatId, [notice(t(session.lang, "bot.check.none"))], { kind: "message" });
    return "ok";
  }
  await playEvent(deps, session, session.interview, { type: "result" }, { kind: "message" });
  return "ok";
}

/**
 * An interview button. One that names another question or turn (a double tap, an old message,
 * forged data) changes nothing and gets a short note in its toast.
 */
export async function pressInterviewButton(deps: BotDeps, session: Session, action: InterviewAction, origin: Extract<Origin, { kind: "callback" }>): Promise<Outcome> {
  const state = session.interview;
  if (!state) {
    origin.answer(t(session.lang, "bot.callback.noInterview"));
    return "stale";
  }
  const forQuestion = action.kind !== "move";
  const current = forQuestion ? !state.done && state.current === action.key && state.turn === action.turn : state.turn === action.turn;
  if (!current) {
    origin.answer(t(state.lang, "bot.callback.stale"));
    return "stale";
  }
  const event = toInterviewEvent(deps.interview.bank, action);
  if (!event) {
    origin.answer(t(state.lang, "bot.callback.unknown"));
    return "forged";
  }
  await playEvent(deps, session, state, event, origin);
  return "ok";
}
