import type { Assistant, LlmAllowance } from "../../src/assistant/assistant.js";
import { templateAssistant } from "../../src/assistant/templateAssistant.js";
import type { Screening } from "../../src/engine/screening.js";
import { ConversationService, type AnswerKind, type Choice, type ConversationInput, type Reply, type Turn } from "../../src/conversation/index.js";
import type { Action } from "../../src/conversation/action.js";
import { articlesByDay } from "../../src/faq/articles.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import type { Lang } from "../../src/i18n/lang.js";
import { buildScreening, initialState, interviewStateSchema, parseKey, renderMessage, step, type InterviewContext, type InterviewEvent, type InterviewState, type OutMessage } from "../../src/interview/index.js";
import { memoryLogger } from "../../src/log.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { MemoryStore } from "../../src/store/memoryStore.js";
import type { Frozen } from "../../src/frozen.js";
import type { ConversationRecord, ErasureReport, ScreeningRecord } from "../../src/store/store.js";
import { personaAnswer } from "../support/personaAnswers.js";

/** The rules folder and the question bank, as the service runs with them (pure loading of rules/). */
export const interview: InterviewContext = { rules: loadRules(), bank: loadQuestionBank() };

/** 10:00 in Beijing on the screening day. */
export const NOW = new Date("2026-03-01T02:00:00.000Z");
export const TODAY = "2026-03-01";
export const ID = "tg:1";

export const CASE_ID = /TZ-\d{8}-[0-9A-Z]{8}/;

/**
 * A MemoryStore whose faults a test switches on: a conversation write or read that fails, an
 * erasure that leaves files behind, activity that cannot be counted.
 */
export class FaultyStore extends MemoryStore {
  failPut = 0;
  failGet = 0;
  failActivity = false;
  notErased: string[] = [];
  puts: Frozen<ConversationRecord>[] = [];
  erased: string[] = [];

  override async putConversation(record: Frozen<ConversationRecord>): Promise<void> {
    if (this.failPut > 0) {
      this.failPut -= 1;
      throw new Error("disk full");
    }
    this.puts.push(structuredClone(record));
    return super.putConversation(record);
  }

  override async getConversation(conversationId: string): Promise<Frozen<ConversationRecord> | null> {
    if (this.failGet > 0) {
      this.failGet -= 1;
      throw new Error("unreadable file");
    }
    return super.getConversation(conversationId);
  }

  override async deleteConversation(conversationId: string): Promise<ErasureReport> {
    this.erased.push(conversationId);
    const report = await super.deleteConversation(conversationId);
    return this.notErased.length > 0 ? { notErased: this.notErased } : report;
  }

  override async recordActivity(event: Parameters<MemoryStore["recordActivity"]>[0]): Promise<void> {
    if (this.failActivity) throw new Error("activity unavailable");
    return super.recordActivity(event);
  }
}

/** An assistant that says whether it was allowed an LLM call, and records what it was asked. */
export class FakeAssistant implements Assistant {
  readonly calls: { kind: "ask" | "explain"; lang: Lang; text: string; took: boolean }[] = [];
  failing = false;
  /** What each answer says it came from when no LLM call was allowed. */
  source: "faq" | "article" | "refusal" = "faq";

  ask(question: string, lang: Lang, allowance: LlmAllowance) {
    const took = allowance.tryTake();
    this.calls.push({ kind: "ask", lang, text: question, took });
    if (this.failing) return Promise.reject(new TypeError("llm down"));
    return Promise.resolve({ text: `${took ? "llm" : "template"} answer: ${question}`, articles: [], source: took ? ("llm" as const) : this.source });
  }

  explain(evaluation: Parameters<Assistant["explain"]>[0], lang: Lang, context: Parameters<Assistant["explain"]>[2]) {
    const took = context.allowance.tryTake();
    this.calls.push({ kind: "explain", lang, text: String(evaluation.totalMaxSupportFen), took });
    if (this.failing) return Promise.reject(new TypeError("llm down"));
    return Promise.resolve({ text: `${took ? "llm" : "template"} explanation of ${evaluation.totalMaxSupportFen} in ${lang}`, source: took ? ("llm" as const) : ("template" as const) });
  }
}

export interface BuildOptions {
  assistant?: Assistant;
  llmDailyLimit?: number;
  now?: Date;
}

/** A conversation service on a fresh in-memory store, a fixed clock (movable through `clock.now`), the real rules. */
export function build(options: BuildOptions = {}) {
  const store = new FaultyStore();
  const logger = memoryLogger();
  const clock = { now: options.now ?? NOW };
  const assistant = options.assistant ?? templateAssistant(interview.rules);
  const service = new ConversationService({
    store,
    logger,
    interview,
    assistant,
    articles: articlesByDay(interview.rules, TODAY),
    clock: () => clock.now,
    llmDailyLimit: options.llmDailyLimit ?? 3,
  });
  const handle = (input: ConversationInput, caller = {}, id = ID) => service.handle(id, input, caller);
  return { store, logger, clock, service, handle };
}

export type Built = ReturnType<typeof build>;

export const command = (name: string, args = ""): ConversationInput => ({ type: "command", command: name, args });
export const text = (value: string): ConversationInput => ({ type: "text", text: value });
export const action = (value: Action): ConversationInput => ({ type: "action", action: value });

/** The texts of a turn's replies, in order. */
export const textsOf = (replies: Reply[]): string[] => replies.map((reply) => ("text" in reply ? reply.text : `[document ${reply.filename}]`));

/** A turn's replies and those that come later, together. */
export async function allReplies(turn: Turn): Promise<Reply[]> {
  return [...turn.replies, ...((await turn.later) ?? [])];
}

/** The last question a turn shows. */
export function questionOf(turn: Turn): Extract<Reply, { type: "question" }> {
  const question = turn.replies.filter((reply) => reply.type === "question").at(-1);
  if (!question || question.type !== "question") throw new Error(`no question in ${JSON.stringify(textsOf(turn.replies))}`);
  return question;
}

/** A stored record, read back (it must exist). */
export async function recordOf(built: Built, id = ID): Promise<Frozen<ConversationRecord>> {
  const record = await built.store.getConversation(id);
  if (!record) throw new Error(`nothing stored for ${id}`);
  return record;
}

/** A stored interview as a turn reads it: checked, in a copy of its own (it must exist). */
export async function interviewOf(built: Built, id = ID): Promise<InterviewState> {
  return interviewStateSchema.parse((await recordOf(built, id)).interview);
}

/**
 * Answers every question the service shows as `persona` would, by buttons, typed amounts and
 * counts, until the screening ends. Returns the last turn and the number of questions.
 */
export async function interviewToEnd(built: Built, persona: Screening, id = ID): Promise<{ last: Turn; questions: number }> {
  let turn = await built.handle(action({ kind: "go" }), {}, id);
  let questions = 0;
  while (turn.replies.some((reply) => reply.type === "question")) {
    if (questions++ > 200) throw new Error("the interview does not end");
    const { question } = questionOf(turn);
    const { key, turn: at } = question;
    const asked = parseKey(interview.bank, key)!.question;
    const offered = questionOf(turn).choices.flat().flatMap(({ action: a }) => (a.kind === "answer" && typeof a.value === "string" ? [a.value] : a.kind === "toggle" ? [a.option] : []));
    const value = personaAnswer(interview.bank, persona, key, offered.length > 0 ? offered : undefined, (await built.service.current(id))!.screening);
    if (question.answer === "confirm") turn = await built.handle(action({ kind: "confirm", key, turn: at, yes: true }), {}, id);
    else if (value === null) turn = await built.handle(action({ kind: "move", move: "skip", turn: at }), {}, id);
    else if (asked.type === "amount") turn = await built.handle(text(formatYuan(value as number, "en")), {}, id);
    else if (asked.type === "count") turn = await built.handle(text(String(value)), {}, id);
    else if (typeof value === "boolean" || typeof value === "string") turn = await built.handle(action({ kind: "answer", key, turn: at, value }), {}, id);
    else {
      for (const option of value as string[]) await built.handle(action({ kind: "toggle", key, turn: at, option }), {}, id);
      turn = await built.handle(action({ kind: "done", key, turn: at }), {}, id);
    }
  }
  return { last: turn, questions };
}

/** Stored cases of a conversation. */
export async function casesOf(built: Built, id = ID): Promise<ScreeningRecord[]> {
  const ids = await built.store.casesOf(id);
  return Promise.all(ids.map(async (caseId) => (await built.store.getScreening(caseId))!));
}

/** The interview core alone, from a fresh interview in `lang`: the state after `events` and what the last event said. */
export function core(events: InterviewEvent[], lang: Lang = "en") {
  let state = initialState(lang, TODAY);
  let out: OutMessage[] = [];
  for (const event of [{ type: "start" } as const, ...events]) ({ state, out } = step(interview, state, event));
  return { state, out };
}

/** An interview button as the conversation layer should offer it. */
function choiceOf(label: string, event: InterviewEvent, shownTurn: number): Choice | null {
  switch (event.type) {
    case "answer":
      return typeof event.value === "boolean" || typeof event.value === "string" ? { label, action: { kind: "answer", key: event.key, turn: event.turn, value: event.value } } : null;
    case "toggle":
      return { label, action: { kind: "toggle", key: event.key, turn: event.turn, option: event.option } };
    case "done":
      return { label, action: { kind: "done", key: event.key, turn: event.turn } };
    case "confirm":
      return { label, action: { kind: "confirm", key: event.key, turn: event.turn, yes: event.yes } };
    case "back":
    case "skip":
    case "result":
      return { label, action: { kind: "move", move: event.type, turn: shownTurn } };
    case "restart":
      return { label, action: { kind: "new" } };
    default:
      return null;
  }
}

const KINDS: Record<string, AnswerKind> = { yes_no: "yes_no", single: "single", amount: "amount", count: "count", multi: "multi", topics: "multi", recognitions: "multi" };

/** The replies the core's messages should become, worked out from the core's own rendering. */
export function expectedReplies(state: InterviewState, out: readonly OutMessage[], inPlace: boolean): Reply[] {
  const screening = buildScreening(interview.bank, state.log, state.asOf);
  return out.map((msg): Reply => {
    const rendered = renderMessage(msg, { ...interview, lang: state.lang, screening });
    if (msg.type === "notice") return { type: "notice", text: rendered.text };
    if (msg.type === "result") return { type: "result", text: rendered.text, final: msg.final, evaluation: msg.evaluation };
    if (msg.type !== "question" && msg.type !== "confirm_amount") return { type: "message", text: rendered.text };
    const kind = msg.type === "confirm_amount" ? "confirm" : (KINDS[parseKey(interview.bank, msg.key)!.question.type] ?? "text");
    return {
      type: "question",
      text: rendered.buttonHint ? `${rendered.text}\n\n${rendered.buttonHint}` : rendered.text,
      choices: rendered.buttons.map((row) => row.flatMap((b) => choiceOf(b.label, b.event, msg.turn) ?? [])).filter((row) => row.length > 0),
      inPlace,
      question: {
        key: msg.key,
        turn: msg.turn,
        answer: kind,
        options: rendered.options,
        ...(rendered.typingHint ? { typingHint: rendered.typingHint } : {}),
        ...(rendered.buttonHint ? { buttonHint: rendered.buttonHint } : {}),
      },
    };
  });
}
