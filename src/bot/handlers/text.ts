import { parseCommand } from "../../interview/parseReply.js";
import type { BotDeps, Outcome } from "../deps.js";
import { playEvent } from "../interviewTurn.js";
import type { Session } from "../session.js";
import { answerInBackground } from "./ask.js";

/**
 * Typed text: an answer while a screening is open (amounts, numbers, "back", "summary"), a
 * command word after it has finished, and otherwise a question for the assistant.
 */
export async function onText(deps: BotDeps, session: Session, text: string, userId: number | null): Promise<Outcome> {
  const state = session.interview;
  if (state && (!state.done || parseCommand(text) !== null)) {
    await playEvent(deps, session, state, { type: "text", text }, { kind: "message" });
    return "ok";
  }
  answerInBackground(deps, session, userId, text);
  return "ok";
}
