import type { BotDeps, Outcome } from "../deps.js";

/**
 * The user blocked or unblocked the bot (my_chat_member). Blocking marks the chat inactive, as a
 * 403 on a send does; nothing more is sent to it until the user writes again.
 */
export async function onMembership(deps: BotDeps, chatId: number, active: boolean): Promise<Outcome> {
  if (active) deps.outbox.unblock(chatId);
  else deps.outbox.markBlocked(chatId);
  await setActive(deps, chatId, active);
  return "ok";
}

/** Records whether the chat can be written to; a chat the bot keeps nothing about stays that way. */
export async function setActive(deps: BotDeps, chatId: number, active: boolean): Promise<void> {
  const record = await deps.store.getChat(chatId);
  if (record && record.active !== active) await deps.store.putChat({ ...record, active });
}
