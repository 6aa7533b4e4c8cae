import { todayInBeijing } from "../../../../clock.js";
import { addDays } from "../../../../conversation/staff/dates.js";
import { formatYuan } from "../../../../i18n/formatMoney.js";
import type { Lang } from "./text.js";

export { addDays, todayInBeijing };

/** The dashboard's default period, as the server's: the last 30 Beijing days, today included. */
export const DEFAULT_DAYS = 30;

export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const to = todayInBeijing(now);
  return { from: addDays(to, -(DEFAULT_DAYS - 1)), to };
}

export const money = (fen: number, lang: Lang): string => formatYuan(fen, lang);

const beijingTime = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

/** An ISO timestamp as Beijing's wall clock, `2026-03-01 14:05` (sortable, the same in both languages). */
export function beijingDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : beijingTime.format(date);
}

/** The display form of a stored answer: numbers as they are, lists joined, nothing parsed as HTML. */
export function answerText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? (lang === "zh" ? "是" : "yes") : lang === "zh" ? "否" : "no";
  if (Array.isArray(value)) return value.every((v) => typeof v !== "object" || v === null) ? value.map((v) => answerText(v, lang)).join(", ") : JSON.stringify(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A screening's facts as rows of path → value, in the order the file has them (`vouchers.modelServices`). */
export function flattenAnswers(value: unknown, prefix = ""): [string, unknown][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [[prefix, value]];
  const rows: [string, unknown][] = [];
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner) && Object.keys(inner).length > 0) rows.push(...flattenAnswers(inner, path));
    else rows.push([path, inner]);
  }
  return rows;
}
