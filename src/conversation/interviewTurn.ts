import { t } from "../i18n/translate.js";
import { currentResult, step, type InterviewEvent, type InterviewState, type Step } from "../interview/index.js";
import { newCaseId } from "../store/caseId.js";
import type { ConversationDeps } from "./deps.js";
import { interviewReplies } from "./interviewReplies.js";
import { caseChoices } from "./menus.js";
import { message, type Reply } from "./reply.js";
import { toScreeningRecord } from "./screeningRecord.js";
import { saveSession, type Session } from "./session.js";

/** Case numbers are random; a clash is unlikely but checked, a few times at most. */
const CASE_ID_TRIES = 5;

export interface Played {
  session: Session;
  replies: Reply[];
  /** The case stored when this step finished the screening. */
  caseId: string | null;
  /** Questions about the rules the applicant typed mid-interview: the FAQ answers them. */
  questions: string[];
}

/** Feeds one event to the interview core, saves the result, then replies. */
export function playEvent(deps: ConversationDeps, session: Session, state: InterviewState, event: InterviewEvent, inPlace: boolean): Promise<Played> {
  return applyStep(deps, session, state, step(deps.interview, state, event), inPlace);
}

/**
 * Stores a finished screening and the conversation's new state, and only then replies: the
 * user never sees a question or result that a crash could take back.
 */
export async function applyStep(deps: ConversationDeps, session: Session, before: InterviewState, next: Step, inPlace: boolean): Promise<Played> {
  // Before anything is awaited: the step has just worked it out, and another turn may ask for another result meanwhile.
  const { screening } = currentResult(deps.interview, next.state);
  const finished = next.state.done && !before.done;
  const caseId = finished ? await storeCase(deps, session.conversationId, next.state) : null;
  const saved = next.state !== session.interview ? await saveSession(deps.store, session, { interview: next.state, lang: next.state.lang }, deps.clock()) : session;
  const lang = next.state.lang;
  const replies = interviewReplies(deps.interview, next.out, lang, screening, inPlace);
  if (caseId) replies.push(message(t(lang, "bot.case.saved", { caseId }), caseChoices(lang, caseId)));
  const questions = next.out.flatMap((msg) => (msg.type === "faq" ? [msg.question] : []));
  return { session: saved, replies, caseId, questions };
}

async function storeCase(deps: ConversationDeps, conversationId: string, state: InterviewState): Promise<string> {
  const { screening, evaluation } = currentResult(deps.interview, state);
  const now = deps.clock();
  let caseId = newCaseId(now.toISOString());
  for (let i = 1; i < CASE_ID_TRIES && (await deps.store.getScreening(caseId)); i++) caseId = newCaseId(now.toISOString());
  await deps.store.addScreening(toScreeningRecord({ caseId, conversationId, createdAt: now, lang: state.lang, screening, evaluation }));
  return caseId;
}
