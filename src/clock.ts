/** The district's calendar date (Beijing time), which a screening without `asOf` is for. */
const beijingDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function todayInBeijing(now: Date = new Date()): string {
  return beijingDate.format(now);
}
