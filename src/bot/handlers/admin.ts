import { todayInBeijing } from "../../clock.js";
import { CSV_HEADER, csvRow } from "../../cli/csvRow.js";
import { evaluate } from "../../engine/evaluate.js";
import { articleLabel } from "../../i18n/articleLabel.js";
import type { Lang } from "../../i18n/lang.js";
import { t } from "../../i18n/translate.js";
import { describeFact } from "../../interview/render.js";
import { resultScreen } from "../../result/resultScreen.js";
import { caseIdSchema } from "../../store/caseId.js";
import { isAdmin } from "../cases.js";
import type { BotDeps, Outcome } from "../deps.js";
import { reportKeyboard } from "../keyboards.js";
import type { Session } from "../session.js";
import { collectStats, parsePeriod, storeRange, type Period, type ScreeningStats } from "../stats.js";

type AdminCommand = "stats" | "export" | "case";

/** Staff commands; anyone else gets a polite refusal, and the attempt is logged. */
export async function onAdminCommand(deps: BotDeps, session: Session, userId: number | null, command: AdminCommand, args: string): Promise<Outcome> {
  const { chatId, lang } = session;
  if (!isAdmin(deps, userId)) {
    deps.logger.warn("staff command refused", { chat: chatId, user: userId, command });
    void deps.outbox.sendText(chatId, t(lang, "bot.admin.refused"));
    return "refused";
  }
  if (command === "case") return showCase(deps, chatId, lang, args);
  const period = parsePeriod(args, todayInBeijing(deps.clock()));
  if (!period) {
    void deps.outbox.sendText(chatId, t(lang, "bot.admin.periodUsage"));
    return "ignored";
  }
  return command === "stats" ? sendStats(deps, chatId, lang, period) : sendExport(deps, chatId, lang, period);
}

async function sendStats(deps: BotDeps, chatId: number, lang: Lang, period: Period): Promise<Outcome> {
  const stats = await collectStats(deps.store.screenings(...storeRange(period)));
  void deps.outbox.sendText(chatId, statsText(stats, period, lang));
  return "ok";
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
async function sendExport(deps: BotDeps, chatId: number, lang: Lang, period: Period): Promise<Outcome> {
  const lines = [CSV_HEADER.join(",")];
  for await (const record of deps.store.screenings(...storeRange(period))) lines.push(csvRow(lines.length, record.caseId, record));
  const content = Buffer.from(`${lines.join("\n")}\n`, "utf8");
  const caption = t(lang, "bot.admin.exportCaption", { from: period.from, to: period.to, count: lines.length - 1 });
  void deps.outbox.sendDocument(chatId, { filename: `screenings-${period.from}-${period.to}.csv`, content }, caption);
  return "ok";
}

async function showCase(deps: BotDeps, chatId: number, lang: Lang, args: string): Promise<Outcome> {
  const caseId = caseIdSchema.safeParse(args.trim().toUpperCase());
  if (!caseId.success) {
    void deps.outbox.sendText(chatId, t(lang, "bot.admin.caseUsage"));
    return "ignored";
  }
  const record = await deps.store.getScreening(caseId.data);
  if (!record) {
    void deps.outbox.sendText(chatId, t(lang, "bot.admin.caseNotFound", { caseId: caseId.data }));
    return "ok";
  }
  const { rules, bank } = deps.interview;
  const evaluation = evaluate(record.screening, rules, record.asOf);
  const header = t(lang, "bot.admin.caseHeader", { caseId: record.caseId, createdAt: record.createdAt, chatId: record.chatId, lang: record.lang, asOf: record.asOf, rulesVersion: record.rulesVersion });
  const body = resultScreen(evaluation, rules, lang, describeFact({ bank, rules, screening: record.screening }));
  void deps.outbox.sendText(chatId, `${header}\n\n${body}`, reportKeyboard(lang, record.caseId));
  return "ok";
}
