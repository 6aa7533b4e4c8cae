import type { BotCommand } from "telegraf/types";
import { ApiError, badRequest } from "./apiError.js";
import { canonicalJson } from "./markup.js";
import type { Params } from "./params.js";
import type { CallbackAnswer, MethodHandler } from "./state.js";

const MAX_UPDATES_PER_CALL = 100;
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const MAX_COMMAND_DESCRIPTION = 256;
const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

const getMe: MethodHandler = (_params, { state }) => state.me;

const getUpdates: MethodHandler = (params, { state, signal }) => {
  if (state.webhook) throw new ApiError(409, WEBHOOK_ACTIVE);
  const limit = Math.min(Math.max(params.optionalInteger("limit") ?? MAX_UPDATES_PER_CALL, 1), MAX_UPDATES_PER_CALL);
  return state.updates.poll({
    offset: params.optionalInteger("offset"),
    limit,
    timeoutSeconds: params.optionalInteger("timeout") ?? 0,
    signal,
  });
};

const answerCallbackQuery: MethodHandler = (params, { state }) => {
  const id = params.optionalString("callback_query_id") ?? "";
  if (!state.callbacks.has(id) || state.callbacks.get(id) !== undefined) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  const answer: CallbackAnswer = {};
  const text = params.optionalString("text");
  const url = params.optionalString("url");
  const showAlert = params.optionalBoolean("show_alert");
  const cacheTime = params.optionalInteger("cache_time");
  if (text !== undefined) answer.text = text;
  if (url !== undefined) answer.url = url;
  if (showAlert !== undefined) answer.show_alert = showAlert;
  if (cacheTime !== undefined) answer.cache_time = cacheTime;
  state.callbacks.set(id, answer);
  return true;
};

const setMyCommands: MethodHandler = (params, { state }) => {
  state.commands.set(commandsKeyOf(params), checkCommands(params.values.commands));
  return true;
};

const deleteMyCommands: MethodHandler = (params, { state }) => {
  state.commands.delete(commandsKeyOf(params));
  return true;
};

const getMyCommands: MethodHandler = (params, { state }) => state.commands.get(commandsKeyOf(params)) ?? [];

const setWebhook: MethodHandler = (params, { state }) => {
  const url = params.optionalString("url") ?? "";
  if (params.optionalBoolean("drop_pending_updates")) state.updates.dropPending();
  const allowed = params.values.allowed_updates;
  state.webhook =
    url === ""
      ? undefined
      : {
          url,
          secretToken: params.optionalString("secret_token"),
          maxConnections: params.optionalInteger("max_connections"),
          allowedUpdates: Array.isArray(allowed) ? allowed.map(String) : undefined,
        };
  state.updates.release();
  return true;
};

const deleteWebhook: MethodHandler = (params, { state }) => {
  if (params.optionalBoolean("drop_pending_updates")) state.updates.dropPending();
  state.webhook = undefined;
  return true;
};

const getWebhookInfo: MethodHandler = (_params, { state }) => {
  const webhook = state.webhook;
  return {
    url: webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: state.updates.pendingCount,
    ...(webhook?.maxConnections !== undefined ? { max_connections: webhook.maxConnections } : {}),
    ...(webhook?.allowedUpdates ? { allowed_updates: webhook.allowedUpdates } : {}),
  };
};

/** Commands are stored per (scope, language_code); a missing scope is the default scope. */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  return `${canonicalJson(scope ?? { type: "default" })}|${languageCode ?? ""}`;
}

function commandsKeyOf(params: Params): string {
  return commandsKey(params.values.scope, params.optionalString("language_code"));
}

function checkCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) throw badRequest("can't parse commands JSON object");
  return value.map((entry: unknown) => {
    const { command, description } = (entry ?? {}) as Partial<Record<keyof BotCommand, unknown>>;
    if (typeof command !== "string" || !COMMAND_NAME.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (typeof description !== "string" || description.length === 0 || description.length > MAX_COMMAND_DESCRIPTION) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}

export const botMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  answerCallbackQuery,
  setMyCommands,
  deleteMyCommands,
  getMyCommands,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};
