import type { BotCommand } from "telegraf/types";
import type { Lang } from "../../i18n/lang.js";
import type { MessageKey } from "../../i18n/catalog/index.js";
import { t } from "../../i18n/translate.js";
import type { Outbox } from "./outbox.js";
import type { SendEnd } from "./sender.js";

/** The bot menu; staff commands stay out of it. */
export const MENU_COMMANDS = ["check", "result", "report", "articles", "ask", "lang", "help", "cancel", "delete", "start"] as const;

export function menu(lang: Lang): BotCommand[] {
  return MENU_COMMANDS.map((command) => ({ command, description: t(lang, `bot.menu.${command}` as MessageKey) }));
}

/** Chinese for users whose Telegram is set to Chinese, English for everyone else. */
export function publishMenu(outbox: Outbox): Promise<SendEnd[]> {
  return Promise.all([
    outbox.direct("setMyCommands", (tg) => tg.setMyCommands(menu("en"))),
    outbox.direct("setMyCommands", (tg) => tg.setMyCommands(menu("zh"), { language_code: "zh" })),
  ]);
}
