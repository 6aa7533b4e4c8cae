/**
 * The simulated Telegram side of `bench/bot.ts`, in its own process so that the fake Bot API's
 * work and memory are not counted against the bot's: a fake Bot API on 127.0.0.1 and users who
 * each complete an interview, answering as a random applicant would (buttons for choices,
 * typed amounts confirmed with Yes, typed counts), one interview after another for a set time.
 * Figures cover the updates sent while that window is open.
 * Scripts are worked out with the interview core before the clock starts, so during a run
 * this process only talks HTTP.
 * Latency is taken on the fake's clock, from pushing an update to the fake recording the
 * bot's first reply to that chat.
 */
import { splitMessage } from "../src/channels/telegram/split.js";
import { todayInBeijing } from "../src/clock.js";
import { formatYuan } from "../src/i18n/formatMoney.js";
import type { Lang } from "../src/i18n/lang.js";
import { buildScreening, parseKey } from "../src/interview/buildScreening.js";
import { currentOptions, currentResult, step, type InterviewContext } from "../src/interview/interview.js";
import type { InterviewEvent } from "../src/interview/messages.js";
import { loadQuestionBank } from "../src/rules/loadQuestions.js";
import { renderMessage } from "../src/interview/render.js";
import { initialState, type AnswerValue, type InterviewState } from "../src/interview/state.js";
import { loadRules } from "../src/rules/loadRules.js";
import { startFakeBotApi, type RecordedCall } from "../test/support/fakeBotApi.js";
import { personaAnswer } from "../test/support/personaAnswers.js";
import { seeded, type Rng } from "./random.js";
import { randomScreening } from "./screenings.js";

export interface RunRequest {
  type: "run";
  /** Users at once: each completes interviews one after another while the window is open. */
  users: number;
  seconds: number;
  /** Chat ids from here on, a new one per interview. */
  firstChatId: number;
  thinkMs: [number, number];
  seed: number;
}

export interface RunResult {
  type: "done";
  users: number;
  /** Interviews that reached their case number. */
  completed: number;
  updates: number;
  seconds: number;
  latenciesMs: number[];
  /** Interviews in which a reply never came. */
  lost: number;
  duplicated: number;
  mismatched: number;
}

/** One thing a user does, and what the bot must do in reply. */
interface Action {
  send: { command: string } | { text: string } | { button: string };
  /** Calls the bot makes to the chat in reply (an edit, a message, or the result's messages). */
  replies: number;
  /** Words the last reply must contain (the next question), or "" when not checked. */
  shows: string;
}

const TOKEN = "123456:BENCH-token-for-the-fake";
const REPLY_TIMEOUT_MS = 60_000;
/** More than any interview takes: a script stuck on one question stops the bench instead of looping. */
const MAX_ACTIONS = 500;
const ctx: InterviewContext = { bank: loadQuestionBank(), rules: loadRules() };

/** Calls to each chat as the fake records them, handed to the user waiting for them. */
class Feed {
  private readonly buffered = new Map<number, RecordedCall[]>();
  private readonly waiting = new Map<number, (call: RecordedCall | null) => void>();
  readonly counts = new Map<number, number>();

  take(call: RecordedCall): void {
    if (call.chatId === undefined || !call.ok) return;
    this.counts.set(call.chatId, (this.counts.get(call.chatId) ?? 0) + 1);
    const waiter = this.waiting.get(call.chatId);
    if (waiter) {
      this.waiting.delete(call.chatId);
      waiter(call);
    } else {
      const list = this.buffered.get(call.chatId) ?? [];
      list.push(call);
      this.buffered.set(call.chatId, list);
    }
  }

  /** The chat's next call, or null if none comes in time (a lost reply). */
  next(chatId: number): Promise<RecordedCall | null> {
    const early = this.buffered.get(chatId)?.shift();
    if (early) return Promise.resolve(early);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(chatId);
        resolve(null);
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(chatId, (call) => {
        clearTimeout(timer);
        resolve(call);
      });
    });
  }
}

/** A random applicant may hold a fact no option names: it answers "don't know" then. */
function answerable(value: AnswerValue | null, options: string[]): AnswerValue | null {
  if (typeof value === "string" && !options.includes(value)) return null;
  if (Array.isArray(value)) return value.filter((v) => options.includes(v));
  return value;
}

/** The first words of the question a state asks, as the bot words it (a question asked again may be put differently). */
function questionWords(state: InterviewState): string {
  const shown = step(ctx, state, { type: "start" }).out.find((msg) => msg.type === "question")!;
  const { text } = renderMessage(shown, { ...ctx, lang: state.lang, screening: buildScreening(ctx.bank, state.log, state.asOf) });
  // Below the heading ("Question 3 of about 12 · So far: …").
  return text.split("\n\n")[1]!.slice(0, 12);
}

function resultParts(state: InterviewState): number {
  const { evaluation } = currentResult(ctx, state);
  const screening = buildScreening(ctx.bank, state.log, state.asOf);
  return splitMessage(renderMessage({ type: "result", evaluation, final: true }, { ...ctx, lang: state.lang, screening }).text).length;
}

/** Everything one applicant will do, from /check to the case number, with the bot's expected replies. */
function plan(rng: Rng): { lang: Lang; actions: Action[] } {
  const lang: Lang = rng() < 0.5 ? "zh" : "en";
  const persona = { ...randomScreening(rng), asOf: todayInBeijing() };
  let state: InterviewState = step(ctx, initialState(lang, todayInBeijing()), { type: "start" }).state;
  const actions: Action[] = [{ send: { command: "/check" }, replies: 1, shows: questionWords(state) }];
  const move = (send: Action["send"], events: InterviewEvent[]) => {
    let excluded = 0;
    for (const event of events) {
      const next = step(ctx, state, event);
      state = next.state;
      excluded += next.out.filter((msg) => msg.type === "excluded").length;
    }
    // The last answer brings the result, and an opening answer may first say which Articles it
    // rules out: by a button, the question's keyboard is removed and the rest come as new messages.
    const unbutton = "button" in send ? 1 : 0;
    const replies = state.done ? unbutton + resultParts(state) + 1 : excluded > 0 ? unbutton + excluded + 1 : 1;
    actions.push({ send, replies, shows: state.done ? "" : questionWords(state) });
  };
  while (!state.done) {
    if (actions.length > MAX_ACTIONS) throw new Error(`the interview did not end after ${MAX_ACTIONS} actions (at ${state.current})`);
    const key = state.current!;
    const turn = state.turn;
    const { question } = parseKey(ctx.bank, key)!;
    // Buttons carry the option's place among all the question's options; the applicant picks among those shown.
    const options = (question.options ?? []).map((o) => o.value);
    const shown = currentOptions(ctx, state).map((o) => o.value);
    const value = answerable(personaAnswer(ctx.bank, persona, key, shown, currentResult(ctx, state).screening), shown);
    if (value === null) move({ button: `s|${turn}` }, [{ type: "skip" }]);
    else if (question.type === "yes_no") move({ button: `a|${turn}|${key}|${value ? "y" : "n"}` }, [{ type: "answer", key, turn, value }]);
    else if (question.type === "single") move({ button: `a|${turn}|${key}|o${options.indexOf(value as string)}` }, [{ type: "answer", key, turn, value }]);
    else if (question.type === "amount") {
      // A typed amount is confirmed with Yes, unless there is nothing to confirm (zero).
      const text = formatYuan(value as number, lang);
      const typed = step(ctx, state, { type: "text", text }).state;
      if (typed.pending === null) move({ text }, [{ type: "text", text }]);
      else {
        actions.push({ send: { text }, replies: 1, shows: "" });
        state = typed;
        move({ button: `c|${turn}|${key}|y` }, [{ type: "confirm", key, turn, yes: true }]);
      }
    } else if (question.type === "count") move({ text: String(value) }, [{ type: "text", text: String(value) }]);
    else {
      for (const option of value as string[]) {
        actions.push({ send: { button: `t|${turn}|${key}|${options.indexOf(option)}` }, replies: 1, shows: "" });
        state = step(ctx, state, { type: "toggle", key, turn, option }).state;
      }
      move({ button: `d|${turn}|${key}` }, [{ type: "done", key, turn }]);
    }
  }
  return { lang, actions };
}

interface Tally {
  /** Updates pushed while the measured window was open. */
  updates: number;
  latencies: number[];
  expectedCalls: number;
  completed: boolean;
  lost: boolean;
  mismatched: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scripts are worked out once and replayed by many users (each in its own chat). */
const SCRIPTS = 300;
let scripts: { lang: Lang; actions: Action[] }[] = [];

/**
 * Plays one user's script against the bot, pausing between actions as a person would. After the
 * measured window closes the user finishes the interview without pausing, unmeasured, so that
 * every user completes one.
 */
async function play(chatId: number, script: { lang: Lang; actions: Action[] }, pause: () => number, deadline: number): Promise<Tally> {
  const tally: Tally = { updates: 0, latencies: [], expectedCalls: 0, completed: false, lost: false, mismatched: false };
  const from = { language_code: script.lang };
  let messageId = 0;
  for (const action of script.actions) {
    await sleep(performance.now() < deadline ? pause() : 0);
    const pushedAt = performance.now();
    const measured = pushedAt < deadline;
    if ("command" in action.send) fake.pushCommand(chatId, action.send.command, from);
    else if ("text" in action.send) fake.pushText(chatId, action.send.text, from);
    else fake.pushCallback(chatId, messageId, action.send.button, from);
    if (measured) tally.updates += 1;
    tally.expectedCalls += action.replies;
    let last: RecordedCall | null = null;
    for (let r = 0; r < action.replies; r++) {
      last = await feed.next(chatId);
      if (!last) {
        tally.lost = true;
        return tally;
      }
      if (r === 0 && measured) tally.latencies.push(last.receivedAt - pushedAt);
    }
    if (!(last!.text ?? "").includes(action.shows)) tally.mismatched = true;
    messageId = (last!.result as { message_id: number }).message_id;
  }
  tally.completed = true;
  return tally;
}

async function run(request: RunRequest): Promise<RunResult> {
  const rng = seeded(request.seed);
  if (scripts.length === 0) scripts = Array.from({ length: SCRIPTS }, (_, i) => plan(seeded(i + 1)));
  const [low, high] = request.thinkMs;
  const started = performance.now();
  const deadline = started + request.seconds * 1000;
  let windowOpen = true;
  const closeWindow = () => {
    if (windowOpen) process.send!({ type: "window closed" });
    windowOpen = false;
  };
  const window = setTimeout(closeWindow, request.seconds * 1000);
  const played: { chatId: number; tally: Tally }[] = [];
  await Promise.all(Array.from({ length: request.users }, async (_, slot) => {
    const own = seeded(Math.floor(rng() * 2 ** 31));
    // Users arrive spread over the first pause, not all in the same millisecond.
    await sleep(own() * high);
    for (let n = 0; n === 0 || performance.now() < deadline; n++) {
      const chatId = request.firstChatId + slot * 1_000 + n;
      played.push({ chatId, tally: await play(chatId, scripts[Math.floor(own() * scripts.length)]!, () => low + own() * (high - low), deadline) });
    }
  }));
  clearTimeout(window);
  closeWindow();
  // Anything the bot sends after the users stopped would be a duplicate: give it a moment to show.
  await sleep(1_000);
  const tallies = played.map((p) => p.tally);
  return {
    type: "done",
    users: request.users,
    completed: tallies.filter((tally) => tally.completed).length,
    updates: tallies.reduce((sum, tally) => sum + tally.updates, 0),
    seconds: request.seconds,
    latenciesMs: tallies.flatMap((tally) => tally.latencies),
    lost: tallies.filter((tally) => tally.lost).length,
    duplicated: played.reduce((sum, { chatId, tally }) => sum + Math.max(0, (feed.counts.get(chatId) ?? 0) - tally.expectedCalls), 0),
    mismatched: tallies.filter((tally) => tally.mismatched).length,
  };
}

// Calls are seen as they come (below) and not kept: a run's calls would fill the heap, and its collections pause the fake.
const fake = await startFakeBotApi({ token: TOKEN, keepHistory: false });
const feed = new Feed();
// A predicate that never matches: a public way to see every call the fake records.
fake.waitFor((call) => {
  feed.take(call);
  return false;
}, 2 ** 31 - 1).catch(() => undefined);

process.on("message", (message: RunRequest | { type: "exit" }) => {
  if (message.type === "exit") {
    void fake.close().then(() => process.exit(0));
    return;
  }
  void run(message).then((result) => process.send!(result));
});
// Without the benchmark that started it, this process has nothing to do.
process.on("disconnect", () => process.exit(0));
process.send!({ type: "ready", url: fake.url, token: TOKEN });
