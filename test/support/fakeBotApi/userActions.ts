import type { MessageEntity, Update, User } from "telegraf/types";
import type { FakeState } from "./state.js";

/** The user sends a text message; it joins the chat and the update queue. */
export function pushText(state: FakeState, chatId: number, text: string, from?: Partial<User>): Update {
  return pushMessage(state, chatId, text, [], from);
}

/** The user sends a command such as "/start" or "/start payload", with its bot_command entity. */
export function pushCommand(state: FakeState, chatId: number, command: string, from?: Partial<User>): Update {
  if (!command.startsWith("/")) throw new Error(`pushCommand: "${command}" must start with "/"`);
  const length = command.split(/\s/, 1)[0]?.length ?? command.length;
  return pushMessage(state, chatId, command, [{ type: "bot_command", offset: 0, length }], from);
}

/**
 * The user presses an inline button of a message in the chat. Telegram does not check that the
 * message has a button with this data, so neither does the fake: forged data is a real case.
 */
export function pushCallback(
  state: FakeState,
  chatId: number,
  messageId: number,
  data: string,
  from?: Partial<User>,
): { id: string; update: Update } {
  const message = state.chats.find(chatId, messageId);
  if (!message) throw new Error(`pushCallback: chat ${chatId} shows no message ${messageId}`);
  const id = `${state.me.id}${String(state.callbacks.size + 1).padStart(6, "0")}`;
  state.callbacks.set(id, undefined);
  const update = state.updates.push((updateId) => ({
    update_id: updateId,
    callback_query: {
      id,
      from: state.chats.user(chatId, from),
      message,
      chat_instance: `fake-instance-${chatId}`,
      data,
    },
  }));
  return { id, update };
}

function pushMessage(
  state: FakeState,
  chatId: number,
  text: string,
  entities: MessageEntity[],
  from: Partial<User> | undefined,
): Update {
  const message = state.chats.append(chatId, (base) => ({
    ...base,
    from: state.chats.user(chatId, from),
    text,
    ...(entities.length > 0 ? { entities } : {}),
  }));
  // The fake has only private chats and groups, never channels, so the message is a MessageUpdate's.
  const update = { message } as Update.MessageUpdate;
  return state.updates.push((updateId) => ({ ...update, update_id: updateId }));
}
