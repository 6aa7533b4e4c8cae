import type { Lang } from "../../i18n/lang.js";

/**
 * The one line the bot says in a group: a screening is personal, and in a group every member
 * would see it and share one session. Telegram wording (t.me links), so it lives with the channel.
 */
const POINTER: Record<Lang, (link: string | null) => string> = {
  en: (link) => `I answer in a private chat only, so that your screening stays yours: ${link ? `open ${link} and send /start` : "open a private chat with me and send /start"}.`,
  zh: (link) => `为保护您的信息，我只在私聊中回答：${link ? `请打开 ${link} 并发送 /start` : "请与我私聊并发送 /start"}。`,
};

export function privateChatPointer(lang: Lang, botUsername: string | undefined): string {
  return POINTER[lang](botUsername ? `https://t.me/${botUsername}` : null);
}
