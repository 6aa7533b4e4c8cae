import type { Update, User } from "telegraf/types";
import { actionOfEvent } from "../../../src/conversation/action.js";
import { encodeAction } from "../../../src/channels/telegram/callbackData.js";
import type { Lang } from "../../../src/i18n/lang.js";
import type { InterviewEvent } from "../../../src/interview/index.js";
import type { RecordedCall } from "../../support/fakeBotApi.js";
import { channelContract, type ContractDriver, type ContractSession } from "../channelContract.js";
import { dataOf } from "./dialog.js";
import { AS_OF, interview, newDataDir, useBotTests, type TestBot } from "./harness.js";

const tests = useBotTests();

/** Calls whose text the user sees in the chat, or as a button's toast. */
const SHOWN = new Set(["sendMessage", "editMessageText", "sendDocument", "answerCallbackQuery"]);

/**
 * The real bot, polling the fake Bot API, driven as its user would: commands and text typed,
 * buttons pressed with the data they were shown with. A turn is complete once the bot confirmed
 * the update (it polls for the next only after the turn was saved and its replies stored) and it
 * is idle (no turn in hand, the outbox empty): what the fake recorded since is what was shown.
 */
async function telegramDriver(): Promise<ContractDriver> {
  const dir = newDataDir();
  let bot: TestBot = await tests.start({ dir });
  let nextChat = 7_700;
  return {
    interview,
    asOf: AS_OF,
    dataDir: dir,
    async begin(lang) {
      const session = new ChatSession(nextChat++, lang, () => bot);
      await session.act(tests.fake.pushCommand(session.chatId, "/start", session.from));
      await session.pressData(`l|${lang}`);
      return session;
    },
    async restart() {
      await tests.stop(bot);
      bot = await tests.start({ dir });
    },
    stop: () => tests.stop(bot),
  };
}

class ChatSession implements ContractSession {
  readonly conversationId: string;
  readonly from: Partial<User>;

  constructor(
    readonly chatId: number,
    lang: Lang,
    private readonly bot: () => TestBot,
  ) {
    this.conversationId = `tg:${chatId}`;
    this.from = { language_code: lang === "zh" ? "zh-hans" : "en" };
  }

  open(): Promise<string> {
    return this.command("/check");
  }

  press(event: InterviewEvent, turn: number): Promise<string> {
    const action = actionOfEvent(event, turn);
    const data = action && encodeAction(interview.bank, action);
    if (!data) throw new Error(`no Telegram button stands for ${JSON.stringify(event)}`);
    return this.pressData(data);
  }

  type(text: string): Promise<string> {
    return this.act(tests.fake.pushText(this.chatId, text, this.from));
  }

  /** Option 99 of the question: the form the bot writes, naming an option no question has. */
  pressForged(key: string, turn: number): Promise<string> {
    const ofTurn = new RegExp(`^[atdcbsr]\\|${turn}(\\||$)`);
    const question = this.lastMessageWith((data) => ofTurn.test(data));
    if (!question) throw new Error(`no message shows the buttons of turn ${turn}`);
    return this.pushPress(question.messageId, `a|${turn}|${key}|o99`);
  }

  resume(): Promise<string> {
    return this.command("/check");
  }

  async report(caseId: string): Promise<string> {
    const since = tests.fake.calls.length;
    await this.act(tests.fake.pushCommand(this.chatId, `/report ${caseId}`, this.from));
    const sent = tests.fake.calls.slice(since).find((call) => call.ok && call.method === "sendDocument" && call.chatId === this.chatId);
    if (!sent?.document) throw new Error(`/report ${caseId} sent no document`);
    return sent.document.data.toString("utf8");
  }

  async erase(): Promise<void> {
    const asked = await this.command("/delete");
    if (!this.lastMessageWith((data) => data === "del|y")) throw new Error(`/delete showed no confirmation:\n${asked}`);
    await this.pressData("del|y");
  }

  /** Presses the button with this data, on the newest message it was shown under (its keyboard may have been replaced since, as a double tap or an old device would find it). */
  async pressData(data: string): Promise<string> {
    const shown = this.lastMessageWith((each) => each === data);
    if (!shown) throw new Error(`no message in chat ${this.chatId} was shown a button ${data}; last buttons: ${this.buttonsShown().join(" ")}`);
    return this.pushPress(shown.messageId, data);
  }

  buttonsShown(): string[] {
    return this.keyboards().at(-1)?.data ?? [];
  }

  /** Sends an update and waits for the turn it starts to be complete; returns everything shown in answer. */
  async act(update: Update, callbackId?: string): Promise<string> {
    const since = tests.fake.calls.length;
    await tests.fake.whenConfirmed(update);
    await this.bot().bot.app.idle();
    return tests.fake.calls
      .slice(since)
      .filter((call) => call.ok && SHOWN.has(call.method) && (call.chatId === this.chatId || (callbackId !== undefined && call.params.callback_query_id === callbackId)))
      .map((call) => call.text ?? "")
      .join("\n");
  }

  private command(text: string): Promise<string> {
    return this.act(tests.fake.pushCommand(this.chatId, text, this.from));
  }

  private pushPress(messageId: number, data: string): Promise<string> {
    const id = tests.fake.pushCallback(this.chatId, messageId, data, this.from);
    return this.act(tests.fake.pushedUpdates.at(-1)!, id);
  }

  private lastMessageWith(match: (data: string) => boolean): { messageId: number; data: string[] } | undefined {
    return this.keyboards().reverse().find((keyboard) => keyboard.data.some(match));
  }

  /** Every keyboard sent or edited into this chat, oldest first, with the message it is under. */
  private keyboards(): { messageId: number; data: string[] }[] {
    return tests.fake.calls.filter((call) => call.ok && call.chatId === this.chatId && (call.method === "sendMessage" || call.method === "editMessageText")).flatMap((call) => {
      const data = dataOf(call.replyMarkup as Parameters<typeof dataOf>[0]);
      return data.length > 0 ? [{ messageId: messageIdOf(call), data }] : [];
    });
  }
}

function messageIdOf(call: RecordedCall): number {
  return call.method === "sendMessage" ? (call.result as { message_id: number }).message_id : Number(call.params.message_id);
}

channelContract("telegram", telegramDriver);
