import { todayInBeijing } from "../../clock.js";
import { CSV_HEADER, csvRow } from "../../cli/csvRow.js";
import { evaluate } from "../../engine/evaluate.js";
import { articleLabel } from "../../i18n/articleLabel.js";
import type { Lang } from "../../i18n/lang.js";
import { t } from "../../i18n/translate.js";
import { describeFact } from "../../interview/index.js";
import { resultScreen } from "../../result/resultScreen.js";
import { caseIdSchema } from "../../store/caseId.js";
import type { ConversationDeps } from "../deps.js";
import { reportChoices } from "../menus.js";
import { message, type Reply, type Turn, turnOf } from "../reply.js";
import { parsePeriod, statsOfDays, storeRange, type Period, type ScreeningStats } from "./stats.js";

export type StaffCommand = "stats" | "export" | "case";

/** Staff commands in a chat: statistics, the CSV export and one case, for a caller the channel vouches for. */
export async function staffCommand(deps: ConversationDeps, lang: Lang, command: StaffCommand, args: string): Promise<Turn> {
  if (command === "case") return showCase(deps, lang, args);
  const period = parsePeriod(args, todayInBeijing(deps.clock()));
  if (!period) return turnOf([message(t(lang, "bot.admin.periodUsage"))], "ignored");
  if (command === "stats") return turnOf([message(statsText(statsOfDays(await deps.store.daySummaries(period.from, period.to)), period, lang))]);
  return turnOf([await exportCsv(deps, lang, period)]);
}

export function statsText(stats: ScreeningStats, period: Period, lang: Lang): string {
  const lines = [t(lang, "bot.admin.statsTitle", { from: period.from, to: period.to, count: stats.count })];
  if (stats.count === 0) return [...lines, t(lang, "bot.admin.statsNone")].join("\n");
  lines.push("", t(lang, "bot.admin.statsByDay"), ...stats.byDay.map(([day, n]) => `${day}  ${n}`));
  lines.push("", t(lang, "bot.admin.statsByItem"));
  for (const item of stats.byItem) lines.push(t(lang, "bot.admin.statsItem", { item: articleLabel(item.id, lang), eligible: item.eligible, sumFen: item.sumFen }));
  lines.push("", t(lang, "bot.admin.statsTotal", { totalFen: stats.totalFen }));
  return lines.join("\n");
}

/** The same columns as the screening CLI's CSV; the name column holds the case number. */
export async function exportCsv(deps: ConversationDeps, lang: Lang, period: Period): Promise<Reply> {
  const lines = [CSV_HEADER.join(",")];
  for await (const record of deps.store.screenings(...storeRange(period))) lines.push(csvRow(lines.length, record.caseId, record));
  return {
    type: "document",
    filename: `screenings-${period.from}-${period.to}.csv`,
    mediaType: "text/csv",
    content: `${lines.join("\n")}\n`,
    caption: t(lang, "bot.admin.exportCaption", { from: period.from, to: period.to, count: lines.length - 1 }),
  };
}

async function showCase(deps: ConversationDeps, lang: Lang, args: string): Promise<Turn> {
  const caseId = caseIdSchema.safeParse(args.trim().toUpperCase());
  if (!caseId.success) return turnOf([message(t(lang, "bot.admin.caseUsage"))], "ignored");
  const record = await deps.store.getScreening(caseId.data);
  if (!record) return turnOf([message(t(lang, "bot.admin.caseNotFound", { caseId: caseId.data }))]);
  const { rules, bank } = deps.interview;
  const evaluation = evaluate(record.screening, rules, record.asOf);
  const header = t(lang, "bot.admin.caseHeader", { caseId: record.caseId, createdAt: record.createdAt, conversationId: record.conversationId, lang: record.lang, asOf: record.asOf, rulesVersion: record.rulesVersion });
  const body = resultScreen(evaluation, rules, lang, describeFact({ bank, rules, screening: record.screening }));
  return turnOf([message(`${header}\n\n${body}`, reportChoices(lang, record.caseId))]);
}
