import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, BotCommandScope, Update, User } from "telegraf/types";
import { type ApiError, asApiError, notFound, unauthorized } from "./fakeBotApi/apiError.js";
import { commandsKey } from "./fakeBotApi/botMethods.js";
import { CallLog, type CallPredicate, type RecordedCall } from "./fakeBotApi/callLog.js";
import type { FakeMessage } from "./fakeBotApi/chats.js";
import { type Fault, FaultPlan } from "./fakeBotApi/faults.js";
import { type RequestParams, disconnectSignal, readParams, routeOf, writeJson } from "./fakeBotApi/httpRequest.js";
import { findMethod } from "./fakeBotApi/methods.js";
import { Params, normaliseParams } from "./fakeBotApi/params.js";
import { type CallbackAnswer, type FakeState, type WebhookSettings, createState } from "./fakeBotApi/state.js";
import { pushCallback, pushCommand, pushText } from "./fakeBotApi/userActions.js";
import { type WebhookDelivery, postUpdateToWebhook } from "./fakeBotApi/webhookClient.js";

export type { RecordedCall, UploadedDocument, CallPredicate } from "./fakeBotApi/callLog.js";
export type { FakeMessage } from "./fakeBotApi/chats.js";
export type { Fault } from "./fakeBotApi/faults.js";
export type { CallbackAnswer, WebhookSettings } from "./fakeBotApi/state.js";
export type { WebhookDelivery, WebhookReply } from "./fakeBotApi/webhookClient.js";
export { postUpdateToWebhook } from "./fakeBotApi/webhookClient.js";

export interface FakeBotApiOptions {
  /** The one token the fake accepts; default "123456:TEST". */
  token?: string;
  botUsername?: string;
  firstUpdateId?: number;
  /** Milliseconds for rate accounting; default performance.now. */
  clock?: () => number;
  /**
   * Whether the fake keeps every call and update it saw (`calls`, `sent`, `pushedUpdates`, and
   * `waitFor` finding a call made before it was asked); default true. A load run turns it off
   * (bench/botUsers.ts): kept, the calls of two benchmark phases held over a gigabyte, and the
   * fake's garbage collections then stopped it for 0.1–0.25 s at a time (longer in some runs,
   * judging by their p99s near a second), which the benchmark measured as the bot's latency.
   * A waitFor asked before its call still sees it. Chats keep their messages either way, since
   * edits need them.
   */
  keepHistory?: boolean;
}

type Outcome = { ok: true; status: 200; result: unknown } | { ok: false; status: number; error: ApiError };

interface CallContext {
  signal: AbortSignal;
  receivedAt: number;
  via: RecordedCall["via"];
  /** Set when the request failed before reaching the method (bad token, unreadable body). */
  failure?: ApiError;
}

const DEFAULT_TOKEN = "123456:TEST";
const DEFAULT_WAIT_MS = 5_000;
const RATE_WINDOW_MS = 1_000;

/** Starts a Telegram Bot API fake on 127.0.0.1 at a random port. Point telegraf's apiRoot at `url`. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const fake = new FakeBotApi(options);
  await fake.listen();
  return fake;
}

export class FakeBotApi {
  readonly token: string;
  private readonly state: FakeState;
  private readonly log: CallLog;
  private readonly keepHistory: boolean;
  private readonly faults = new FaultPlan();
  private readonly server: Server;
  private readonly clock: () => number;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly delays = new Set<() => void>();
  private readonly pushed: Update[] = [];
  private closing: Promise<void> | undefined;
  private address: AddressInfo | undefined;

  constructor(options: FakeBotApiOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.clock = options.clock ?? (() => performance.now());
    this.keepHistory = options.keepHistory ?? true;
    this.log = new CallLog(this.keepHistory);
    this.state = createState(this.token, options.botUsername ?? "fake_test_bot", options.firstUpdateId ?? 1);
    this.server = createServer((request, response) => {
      const work = this.handle(request, response).catch((error: unknown) => {
        writeJson(response, 500, asApiError(error).toBody());
      });
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
  }

  /** apiRoot for telegraf: `new Telegraf(fake.token, { telegram: { apiRoot: fake.url } })`. */
  get url(): string {
    if (!this.address) throw new Error("FakeBotApi: not listening; use startFakeBotApi()");
    return `http://127.0.0.1:${this.address.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.address = this.server.address() as AddressInfo;
  }

  /** Every call in the order the fake answered it, failed ones and getUpdates included. */
  get calls(): readonly RecordedCall[] {
    return this.log.all;
  }

  /** What the bot did: every call except getUpdates. */
  get sent(): RecordedCall[] {
    return this.log.all.filter((call) => call.method !== "getUpdates");
  }

  /** Calls held right now by a delay fault (hung, as far as the bot can tell). */
  get heldCalls(): number {
    return this.delays.size;
  }

  get nextUpdateId(): number {
    return this.state.updates.nextUpdateId;
  }

  /** Every update pushed so far, e.g. to deliver one to a webhook. */
  get pushedUpdates(): readonly Update[] {
    return this.pushed;
  }

  get webhook(): WebhookSettings | undefined {
    return this.state.webhook && { ...this.state.webhook };
  }

  pushText(chatId: number, text: string, from?: Partial<User>): Update {
    return this.remember(pushText(this.state, chatId, text, from));
  }

  pushCommand(chatId: number, command: string, from?: Partial<User>): Update {
    return this.remember(pushCommand(this.state, chatId, command, from));
  }

  /** Presses a button on message `messageId`; returns the callback query id. */
  pushCallback(chatId: number, messageId: number, data: string, from?: Partial<User>): string {
    const { id, update } = pushCallback(this.state, chatId, messageId, data, from);
    this.remember(update);
    return id;
  }

  /** The bot's answer to a callback query, or undefined while unanswered. */
  callbackAnswer(callbackQueryId: string): CallbackAnswer | undefined {
    return this.state.callbacks.get(callbackQueryId);
  }

  /** The chat as the user sees it now: both sides, edits applied, deleted messages gone. */
  chat(chatId: number): FakeMessage[] {
    return this.state.chats.visible(chatId);
  }

  commands(scope?: BotCommandScope, languageCode?: string): BotCommand[] | undefined {
    return this.state.commands.get(commandsKey(scope, languageCode));
  }

  count(method: string): number {
    return this.log.count(method);
  }

  /** Resolves with the first recorded call (earlier or later) that matches; rejects listing the last calls. */
  waitFor(predicate: CallPredicate, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  /** Resolves when a bot is polling: a getUpdates is held now or arrives next. */
  whenPolling(): Promise<void> {
    return this.state.updates.whenPolling();
  }

  /** Resolves once a polling bot confirmed the update (asked for the ones after it). */
  whenConfirmed(update: Update): Promise<void> {
    return this.state.updates.whenConfirmed(update.update_id);
  }

  /** The most calls to chats (or to one chat) within any one second, failed attempts included. */
  maxPerSecond(chatId?: number): number {
    return this.log.maxPerWindow(chatId, RATE_WINDOW_MS);
  }

  /** The next `count` calls of `method` fail (or are delayed) and have no effect. */
  failNext(method: string, fault: Fault, count = 1): void {
    this.faults.failNext(method, fault, count);
  }

  /**
   * Telegram unreachable for the bot's sends: every call but getUpdates gets `fault` (a 502, or
   * a delay that holds it) until `endOutage()`. Polling goes on, so updates still arrive.
   */
  startOutage(fault: Fault): void {
    this.faults.setOutage(fault);
  }

  endOutage(): void {
    this.faults.setOutage(undefined);
  }

  /** Every call naming this chat fails with 403 until unblocked. */
  blockChat(chatId: number, description?: string): void {
    this.faults.blockChat(chatId, description);
  }

  unblockChat(chatId: number): void {
    this.faults.unblockChat(chatId);
  }

  /**
   * Delivers an update to a webhook on 127.0.0.1 and, like Telegram, executes a method the bot
   * put in the response body (recorded with via "webhookReply").
   */
  async postUpdateToWebhook(url: string, update: Update, secretToken?: string): Promise<WebhookDelivery> {
    const delivery = await postUpdateToWebhook(url, update, secretToken);
    if (delivery.reply) {
      const input = { params: normaliseParams(delivery.reply.params), uploads: {} };
      const context = { signal: new AbortController().signal, receivedAt: this.clock(), via: "webhookReply" as const };
      await this.call(delivery.reply.method, input, context);
    }
    return delivery;
  }

  /** Ends held long polls and delays at once, rejects pending waitFor calls, and stops listening. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.state.updates.close();
    for (const finishDelay of [...this.delays]) finishDelay();
    this.log.rejectWaiters("the fake Bot API was closed");
    await Promise.allSettled([...this.inFlight]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = this.clock();
    const route = routeOf(request.url);
    if (!route) {
      request.resume();
      writeJson(response, 404, notFound().toBody());
      return;
    }
    const context: CallContext = { signal: disconnectSignal(response), receivedAt, via: "http" };
    let input: RequestParams = { params: {}, uploads: {} };
    try {
      input = await readParams(request);
    } catch (error) {
      context.failure = asApiError(error);
    }
    if (route.token !== this.token) context.failure = unauthorized();
    const outcome = await this.call(route.method, input, context);
    writeJson(response, outcome.status, outcome.ok ? { ok: true, result: outcome.result } : outcome.error.toBody());
  }

  private async call(methodName: string, input: RequestParams, context: CallContext): Promise<Outcome> {
    const found = findMethod(methodName);
    const params = new Params(input.params);
    const chatId = params.optionalChatId();
    let outcome: Outcome;
    try {
      if (context.failure) throw context.failure;
      if (!found) throw notFound();
      const planned = this.faults.take(found.name, chatId);
      if (planned.delayMs > 0) await this.delay(planned.delayMs);
      if (planned.error) throw planned.error;
      const result = await found.handler(params, { state: this.state, uploads: input.uploads, signal: context.signal });
      outcome = { ok: true, status: 200, result };
    } catch (error) {
      const apiError = asApiError(error);
      outcome = { ok: false, status: apiError.status, error: apiError };
    }
    this.record(found?.name ?? methodName, params, chatId, outcome, context);
    return outcome;
  }

  private record(method: string, params: Params, chatId: number | undefined, outcome: Outcome, context: CallContext) {
    const { text, caption, reply_markup: replyMarkup } = params.values;
    const fileId = outcome.ok ? documentFileId(outcome.result) : undefined;
    this.log.record({
      method,
      params: params.values,
      chatId,
      text: typeof text === "string" ? text : typeof caption === "string" ? caption : undefined,
      replyMarkup,
      document: fileId === undefined ? undefined : this.state.files.get(fileId),
      receivedAt: context.receivedAt,
      via: context.via,
      ok: outcome.ok,
      status: outcome.status,
      result: outcome.ok ? outcome.result : undefined,
      error: outcome.ok ? undefined : outcome.error.description,
    });
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.delays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.delays.add(finish);
    });
  }

  private remember(update: Update): Update {
    if (this.keepHistory) this.pushed.push(update);
    return update;
  }
}

function documentFileId(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null || !("document" in result)) return undefined;
  const { document } = result as { document: { file_id?: unknown } };
  return typeof document.file_id === "string" ? document.file_id : undefined;
}
