import type { InlineKeyboardMarkup, Message } from "telegraf/types";
import { NOT_MODIFIED, badRequest } from "./apiError.js";
import type { FakeMessage } from "./chats.js";
import { MAX_TEXT_LENGTH, characterCount, formattedField, textFields } from "./formatting.js";
import type { FormattedText } from "./html.js";
import { checkReplyMarkup, sameContent } from "./markup.js";
import type { Params } from "./params.js";
import { type FakeState, type MethodHandler, botAsSender } from "./state.js";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const sendMessage: MethodHandler = (params, { state }) => {
  const chatId = params.chatId();
  const formatted = messageText(params);
  const { inline } = checkReplyMarkup(params.values.reply_markup);
  return state.chats.append(chatId, (base) => ({
    ...base,
    from: botAsSender(state),
    ...textFields(formatted),
    ...(inline ? { reply_markup: inline } : {}),
  }));
};

const editMessageText: MethodHandler = (params, { state }) => {
  const current = editableMessage(params, state);
  if (!("text" in current)) throw badRequest("there is no text in the message to edit");
  const formatted = messageText(params);
  // Telegram drops the inline keyboard when an edit omits reply_markup.
  const { inline } = checkReplyMarkup(params.values.reply_markup);
  const unchanged =
    current.text === formatted.text &&
    sameContent(current.entities ?? [], formatted.entities) &&
    sameContent(current.reply_markup, inline);
  if (unchanged) throw badRequest(NOT_MODIFIED);
  return saveEdit(state, { ...without(current, "entities", "reply_markup"), ...textFields(formatted) }, inline);
};

const editMessageReplyMarkup: MethodHandler = (params, { state }) => {
  const current = editableMessage(params, state);
  const { inline } = checkReplyMarkup(params.values.reply_markup);
  if (sameContent(current.reply_markup, inline)) throw badRequest(NOT_MODIFIED);
  return saveEdit(state, without(current, "reply_markup"), inline);
};

const deleteMessage: MethodHandler = (params, { state }) => {
  if (!state.chats.remove(params.chatId(), params.messageId())) throw badRequest("message to delete not found");
  return true;
};

const sendChatAction: MethodHandler = (params) => {
  params.chatId();
  if (!CHAT_ACTIONS.has(params.optionalString("action") ?? "")) throw badRequest("wrong parameter action in request");
  return true;
};

function messageText(params: Params): FormattedText {
  const formatted = formattedField(params, "text");
  if (!formatted || formatted.text.trim() === "") throw badRequest("message text is empty");
  if (characterCount(formatted.text) > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return formatted;
}

function editableMessage(params: Params, state: FakeState): FakeMessage {
  if (params.has("inline_message_id")) throw badRequest("the fake Bot API does not support inline messages");
  const current = state.chats.find(params.chatId(), params.messageId());
  if (!current) throw badRequest("message to edit not found");
  if (current.from?.id !== state.me.id) throw badRequest("message can't be edited");
  return current;
}

function without(message: FakeMessage, ...fields: string[]): Message.ServiceMessage {
  const copy: Record<string, unknown> = { ...message };
  for (const field of fields) delete copy[field];
  return copy as unknown as Message.ServiceMessage;
}

function saveEdit(state: FakeState, message: Message.ServiceMessage, inline: InlineKeyboardMarkup | undefined): Message {
  const edited = {
    ...message,
    ...(inline ? { reply_markup: inline } : {}),
    edit_date: Math.floor(Date.now() / 1000),
  } as FakeMessage;
  return state.chats.replace(edited);
}

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  sendChatAction,
};
