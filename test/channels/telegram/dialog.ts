import type { InlineKeyboardMarkup, User } from "telegraf/types";
import type { FakeBotApi, FakeMessage, RecordedCall } from "../../support/fakeBotApi.js";

const SHOWN = new Set(["sendMessage", "editMessageText", "sendDocument"]);

/** One user talking to the bot through the fake: acts, then waits for what the bot does next. */
export class Dialog {
  private watermark: number;

  constructor(
    readonly fake: FakeBotApi,
    readonly chatId: number,
    readonly from: Partial<User> = {},
  ) {
    this.watermark = fake.calls.length;
  }

  command(text: string): void {
    this.fake.pushCommand(this.chatId, text, this.from);
  }

  type(text: string): void {
    this.fake.pushText(this.chatId, text, this.from);
  }

  /** Presses the newest button with this data; returns the callback query id. */
  press(data: string): string {
    const message = this.messageWithButton(data);
    if (!message) throw new Error(`no message in chat ${this.chatId} has a button ${data}; buttons: ${this.buttons().join(" ")}`);
    return this.fake.pushCallback(this.chatId, message.message_id, data, this.from);
  }

  /** The next call to this chat after the last one waited for that matches. */
  async next(match: (call: RecordedCall) => boolean = () => true, timeoutMs?: number): Promise<RecordedCall> {
    const after = this.watermark;
    const call = await this.fake.waitFor((c) => c.seq > after && c.chatId === this.chatId && c.ok && match(c), timeoutMs);
    this.watermark = call.seq;
    return call;
  }

  /** The next message sent or edited whose text contains `part`. */
  nextText(part: string): Promise<RecordedCall> {
    return this.next((c) => SHOWN.has(c.method) && (c.text ?? "").includes(part));
  }

  nextMethod(method: string): Promise<RecordedCall> {
    return this.next((c) => c.method === method);
  }

  messages(): FakeMessage[] {
    return this.fake.chat(this.chatId);
  }

  buttons(): string[] {
    return this.messages().flatMap((m) => dataOf(m.reply_markup as InlineKeyboardMarkup | undefined));
  }

  messageWithButton(data: string): FakeMessage | undefined {
    return [...this.messages()].reverse().find((m) => dataOf(m.reply_markup as InlineKeyboardMarkup | undefined).includes(data));
  }
}

export function dataOf(markup: InlineKeyboardMarkup | undefined): string[] {
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => ("callback_data" in b ? [b.callback_data] : []));
}

export function textOf(message: FakeMessage): string {
  return "text" in message ? message.text : (message.caption ?? "");
}
