/**
 * The district's calendar days. Beijing has kept UTC+8 all year since 1991 (no daylight saving),
 * so a Beijing day is a UTC day shifted by eight hours: no time-zone database is needed.
 */
const OFFSET_MS = 8 * 3_600_000;

/** The Beijing day (YYYY-MM-DD) of an ISO timestamp. */
export function beijingDayOf(timestamp: string | Date): string {
  const ms = typeof timestamp === "string" ? Date.parse(timestamp) : timestamp.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing day begins, as an ISO timestamp (`2026-03-01` → `2026-02-28T16:00:00.000Z`). */
export function beijingDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS).toISOString();
}

/** Calendar arithmetic on ISO dates, in UTC so no time zone shifts a day. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
