import { todayInBeijing } from "../clock.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import { initialState, parseKey, step } from "../interview/index.js";
import { eventOfAction, type InterviewAction } from "./action.js";
import type { Assist } from "./assist.js";
import type { ConversationDeps } from "./deps.js";
import { applyStep, playEvent } from "./interviewTurn.js";
import { welcome } from "./menus.js";
import { message, notice, turnOf, type Turn } from "./reply.js";
import { saveSession, type Session } from "./session.js";

/**
 * /check and the Start/Continue button: resumes a screening in progress, or starts one. The
 * question comes as a new message: the welcome or the case it was started from stays readable.
 */
export async function openInterview(deps: ConversationDeps, session: Session): Promise<Turn> {
  const current = session.interview;
  if (current && !current.done) {
    const played = await playEvent(deps, session, current, { type: "start" }, false);
    return { ...turnOf([notice(t(session.lang, "bot.check.resume")), ...played.replies]), standalone: true };
  }
  return startInterview(deps, session);
}

/** The New screening button: a fresh interview, whatever came before, in a new message. */
export async function startInterview(deps: ConversationDeps, session: Session): Promise<Turn> {
  const fresh = initialState(session.lang, todayInBeijing(deps.clock()));
  return { ...turnOf((await applyStep(deps, session, fresh, step(deps.interview, fresh, { type: "start" }), false)).replies), standalone: true };
}

/** /result: where the applicant stands now (or the final result again). */
export async function showResult(deps: ConversationDeps, session: Session): Promise<Turn> {
  if (!session.interview) return turnOf([message(t(session.lang, "bot.check.none"))]);
  return turnOf((await playEvent(deps, session, session.interview, { type: "result" }, false)).replies);
}

/**
 * Typed text while an interview is open: an answer, a command word, or a question about the
 * rules, which the FAQ answers while the interview asks its question again.
 */
export async function typeIntoInterview(deps: ConversationDeps, assist: Assist, session: Session, text: string): Promise<Turn> {
  const played = await playEvent(deps, session, session.interview!, { type: "text", text }, false);
  const later = played.questions.length > 0 ? Promise.all(played.questions.map((q) => assist.ask(played.session, q))).then((answers) => answers.flat()) : null;
  return turnOf(played.replies, "ok", later);
}

/**
 * An interview button. One that names another question or turn (a double tap, an old message)
 * changes nothing and gets a short note; one naming an option that does not exist is forged.
 */
export async function pressInterviewButton(deps: ConversationDeps, session: Session, action: InterviewAction): Promise<Turn> {
  const state = session.interview;
  if (!state) return turnOf([notice(t(session.lang, "bot.callback.noInterview"))], "stale");
  const forQuestion = action.kind !== "move";
  const current = forQuestion ? !state.done && state.current === action.key && state.turn === action.turn : state.turn === action.turn;
  if (!current) return turnOf([notice(t(state.lang, "bot.callback.stale"))], "stale");
  if (!knownOption(deps, action)) return turnOf([notice(t(state.lang, "bot.callback.unknown"))], "forged");
  return turnOf((await playEvent(deps, session, state, eventOfAction(action), true)).replies);
}

function knownOption(deps: ConversationDeps, action: InterviewAction): boolean {
  if (action.kind !== "toggle" && action.kind !== "answer") return true;
  const option = action.kind === "toggle" ? action.option : action.value;
  if (typeof option !== "string") return true;
  return parseKey(deps.interview.bank, action.key)?.question.options?.some((o) => o.value === option) ?? false;
}

/** A language button: remembered for the conversation and its interview, then what the assistant does and the disclaimer. */
export async function chooseLanguage(deps: ConversationDeps, session: Session, lang: Lang): Promise<Turn> {
  const interview = session.interview ? step(deps.interview, session.interview, { type: "lang", lang }).state : null;
  await saveSession(deps.store, session, { lang, interview }, deps.clock());
  const inProgress = interview !== null && !interview.done;
  return turnOf([notice(t(lang, "interview.langChanged")), welcome(deps.interview.rules, lang, inProgress)]);
}

/** /cancel: drops the screening in progress (a finished one stays, with its case). */
export async function cancelInterview(deps: ConversationDeps, session: Session): Promise<Turn> {
  if (!session.interview || session.interview.done) return turnOf([message(t(session.lang, "bot.cancel.nothing"))]);
  await saveSession(deps.store, session, { interview: null }, deps.clock());
  return turnOf([message(t(session.lang, "bot.cancel.done"))]);
}
