import { buildScreening } from "../interview/buildScreening.js";
import { currentResult, step, type Step } from "../interview/interview.js";
import type { InterviewEvent } from "../interview/messages.js";
import { t } from "../i18n/translate.js";
import type { InterviewState } from "../interview/state.js";
import { newCaseId } from "../store/caseId.js";
import { deliver, pieceOf, plain, type Piece } from "./deliver.js";
import type { BotDeps, Origin } from "./deps.js";
import { caseKeyboard } from "./keyboards.js";
import { toScreeningRecord } from "./screeningRecord.js";
import { saveSession, type Session } from "./session.js";

/** Case numbers are random; a clash is unlikely but checked, a few times at most. */
const CASE_ID_TRIES = 5;

/** Feeds one event to the interview core, saves the result, then replies. */
export async function playEvent(deps: BotDeps, session: Session, state: InterviewState, event: InterviewEvent, origin: Origin, lead: Piece[] = []): Promise<Session> {
  return applyStep(deps, session, state, step(deps.interview, state, event), origin, lead);
}

/**
 * Stores a finished screening and the chat's new state, and only then replies: the user never
 * sees a question or result that a crash could take back.
 */
export async function applyStep(deps: BotDeps, session: Session, before: InterviewState, next: Step, origin: Origin, lead: Piece[] = []): Promise<Session> {
  const finished = next.state.done && !before.done;
  const caseId = finished ? await storeCase(deps, session.chatId, next.state) : null;
  const saved = next.state !== session.interview ? await saveSession(deps.store, session, { interview: next.state, lang: next.state.lang }, deps.clock()) : session;
  const lang = next.state.lang;
  const screening = buildScreening(deps.interview.bank, next.state.log, next.state.asOf);
  const pieces = [...lead, ...next.out.map((msg) => pieceOf(deps, msg, lang, screening))];
  if (caseId) pieces.push(plain(t(lang, "bot.case.saved", { caseId }), caseKeyboard(lang, caseId)));
  deliver(deps, session.chatId, pieces, origin);
  return saved;
}

async function storeCase(deps: BotDeps, chatId: number, state: InterviewState): Promise<string> {
  const { screening, evaluation } = currentResult(deps.interview, state);
  const now = deps.clock();
  let caseId = newCaseId(now.toISOString());
  for (let i = 1; i < CASE_ID_TRIES && (await deps.store.getScreening(caseId)); i++) caseId = newCaseId(now.toISOString());
  await deps.store.addScreening(toScreeningRecord({ caseId, chatId, createdAt: now, lang: state.lang, screening, evaluation }));
  deps.lastCase.set(chatId, caseId);
  return caseId;
}
