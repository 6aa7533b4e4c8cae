import type { Context } from "hono";
import { DEFAULT_PERIOD_DAYS, type Period } from "../../../conversation/staff/stats.js";
import { addDays, daysBetween } from "../../../store/beijingDay.js";
import { problem, type Checked } from "../problems.js";
import { MAX_PERIOD_DAYS } from "./schemas.js";

/** The period a query names, in Beijing days: by default the 30 days up to today; `from` alone runs to today. */
export function periodOf(c: Context, query: { from?: string; to?: string }, today: string): Checked<Period> {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) return { ok: false, response: problem(c, 400, [{ path: "from", message: `must not be after to (${to})` }]) };
  if (daysBetween(from, to).length > MAX_PERIOD_DAYS) return { ok: false, response: problem(c, 400, [{ path: "from", message: `the period may span at most ${MAX_PERIOD_DAYS} days` }]) };
  return { ok: true, value: { from, to } };
}
