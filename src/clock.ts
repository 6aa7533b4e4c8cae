import { beijingDayOf } from "./store/beijingDay.js";

/**
 * The district's calendar date (Beijing time), which a screening without `asOf` is for. Worked
 * out from the fixed UTC+8 offset (src/store/beijingDay.ts), not with Intl's time-zone data,
 * whose formatter took a one-shot `screen` about 25 ms to set up.
 */
export function todayInBeijing(now: Date = new Date()): string {
  return beijingDayOf(now);
}
