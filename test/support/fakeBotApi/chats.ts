import type { Chat, Message, User } from "telegraf/types";

export type FakeMessage = Message.TextMessage | Message.DocumentMessage;

interface ChatLog {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, FakeMessage>;
}

const DEFAULT_FIRST_NAME = "Test User";

/**
 * What each chat shows right now: messages from both sides with edits applied and deletions
 * removed. Message ids are per chat and shared by the user and the bot, as in private chats.
 */
export class ChatStore {
  private readonly chats = new Map<number, ChatLog>();

  /** Private chats have positive ids equal to the user's id; groups are negative. */
  chat(chatId: number): Chat {
    return this.log(chatId).chat;
  }

  user(chatId: number, from: Partial<User> = {}): User {
    return {
      id: chatId > 0 ? chatId : Math.abs(chatId) + 1,
      is_bot: false,
      first_name: DEFAULT_FIRST_NAME,
      language_code: "en",
      ...from,
    };
  }

  append<M extends FakeMessage>(chatId: number, build: (base: Message.ServiceMessage) => M): M {
    const log = this.log(chatId);
    const message = build({
      message_id: log.nextMessageId,
      date: Math.floor(Date.now() / 1000),
      chat: log.chat,
    });
    log.nextMessageId += 1;
    log.messages.set(message.message_id, message);
    return structuredClone(message);
  }

  find(chatId: number, messageId: number): FakeMessage | undefined {
    const message = this.chats.get(chatId)?.messages.get(messageId);
    return message && structuredClone(message);
  }

  replace(message: FakeMessage): FakeMessage {
    this.log(message.chat.id).messages.set(message.message_id, message);
    return structuredClone(message);
  }

  remove(chatId: number, messageId: number): boolean {
    return this.chats.get(chatId)?.messages.delete(messageId) ?? false;
  }

  visible(chatId: number): FakeMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].map((message) => structuredClone(message));
  }

  private log(chatId: number): ChatLog {
    let log = this.chats.get(chatId);
    if (!log) {
      const chat: Chat =
        chatId > 0
          ? { id: chatId, type: "private", first_name: DEFAULT_FIRST_NAME }
          : { id: chatId, type: "group", title: "Test Group" };
      log = { chat, nextMessageId: 1, messages: new Map() };
      this.chats.set(chatId, log);
    }
    return log;
  }
}
