import type { InterviewState } from "../../interview/index.js";

type Progress = Pick<InterviewState, "done" | "turn">;

/**
 * Whether a turn began a screening: an interview is open after it that was not before, or that
 * went back to its start (restart). A conversation's turns run one at a time, so before and
 * after are the same conversation's.
 */
export function beganScreening(before: Progress | null, after: Progress | null): boolean {
  if (!after || after.done) return false;
  return before === null || before.done || after.turn < before.turn;
}
