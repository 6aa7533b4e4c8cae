import type { BotCommand, User, UserFromGetMe } from "telegraf/types";
import type { UploadedDocument } from "./callLog.js";
import { ChatStore } from "./chats.js";
import type { MultipartFile } from "./multipart.js";
import type { Params } from "./params.js";
import { UpdateQueue } from "./updateQueue.js";

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface WebhookSettings {
  url: string;
  secretToken: string | undefined;
  maxConnections: number | undefined;
  allowedUpdates: string[] | undefined;
}

/** Everything the fake remembers between calls. */
export interface FakeState {
  me: UserFromGetMe;
  chats: ChatStore;
  updates: UpdateQueue;
  /** Keyed by callback query id; undefined until answered. */
  callbacks: Map<string, CallbackAnswer | undefined>;
  /** Keyed by commandsKey(scope, language_code). */
  commands: Map<string, BotCommand[]>;
  webhook: WebhookSettings | undefined;
  files: Map<string, UploadedDocument>;
}

export interface MethodContext {
  state: FakeState;
  /** File parts of a multipart request, by field name. */
  uploads: Record<string, MultipartFile>;
  signal: AbortSignal;
}

export type MethodHandler = (params: Params, context: MethodContext) => unknown;

export function createState(token: string, username: string, firstUpdateId: number): FakeState {
  return {
    me: {
      id: Number(token.split(":")[0]) || 1,
      is_bot: true,
      first_name: "Fake Bot",
      username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    },
    chats: new ChatStore(),
    updates: new UpdateQueue(firstUpdateId),
    callbacks: new Map(),
    commands: new Map(),
    webhook: undefined,
    files: new Map(),
  };
}

/** The bot as it appears in Message.from. */
export function botAsSender(state: FakeState): User {
  const { id, is_bot, first_name, username } = state.me;
  return { id, is_bot, first_name, username };
}
