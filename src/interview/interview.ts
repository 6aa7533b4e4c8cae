import { parseKey } from "./buildScreening.js";
import { advance, currentOptions, currentResult, record, repeat, type InterviewContext, type Step } from "./flow.js";
import type { InterviewEvent } from "./messages.js";
import { readTypedAnswer } from "./readTypedAnswer.js";
import { initialState, type InterviewState } from "./state.js";
import { validateAnswer } from "./validateAnswer.js";

export { currentOptions, currentResult, type InterviewContext, type Step } from "./flow.js";

const isCurrent = (state: InterviewState, key: string, turn: number) => !state.done && state.current === key && state.turn === turn;

/** The interview: state and event in, new state and messages out. Pure; never throws on input. */
export function step(ctx: InterviewContext, state: InterviewState, event: InterviewEvent): Step {
  switch (event.type) {
    case "start":
      return state.current === null && !state.done ? advance(ctx, state) : repeat(ctx, state, []);
    case "answer":
    case "toggle":
    case "done":
    case "confirm":
      if (!isCurrent(state, event.key, event.turn)) return { state, out: [{ type: "notice", key: "interview.stale" }] };
      return onButton(ctx, state, event);
    case "text": {
      const read = readTypedAnswer(ctx, state, event.text);
      return "command" in read ? step(ctx, state, read.command) : read;
    }
    case "back": {
      const last = state.log[state.log.length - 1];
      if (!last) return repeat(ctx, state, [{ type: "notice", key: "interview.nothingToUndo" }]);
      const back: InterviewState = { ...state, log: state.log.slice(0, -1), current: last.key, editing: false, pending: null, ticked: [], done: false, turn: state.turn + 1 };
      return repeat(ctx, back, []);
    }
    case "skip":
      if (state.done || state.current === null) return repeat(ctx, state, []);
      return record(ctx, state, null);
    case "result":
      return state.done ? advance(ctx, state) : repeat(ctx, state, [{ type: "result", evaluation: currentResult(ctx, state).evaluation, final: false }]);
    case "restart":
      return advance(ctx, initialState(state.lang, state.asOf), [{ type: "notice", key: "interview.restarted" }]);
    case "lang":
      return repeat(ctx, { ...state, lang: event.lang }, [{ type: "notice", key: "interview.langChanged" }]);
    case "summary":
      return { state, out: [{ type: "summary", entries: state.log.map((entry, i) => ({ n: i + 1, key: entry.key, value: entry.value })) }] };
    case "edit": {
      const entry = state.log[event.n - 1];
      if (!entry) return { state, out: [{ type: "notice", key: "interview.noSuchAnswer", params: { n: event.n } }] };
      return repeat(ctx, { ...state, current: entry.key, editing: true, pending: null, ticked: [], done: false, turn: state.turn + 1 }, []);
    }
  }
}

function onButton(ctx: InterviewContext, state: InterviewState, event: Extract<InterviewEvent, { key: string }>): Step {
  const ref = parseKey(ctx.bank, state.current!)!;
  if (event.type === "confirm") {
    if (state.pending === null) return repeat(ctx, state, []);
    return event.yes ? record(ctx, { ...state, pending: null }, state.pending) : repeat(ctx, { ...state, pending: null }, [{ type: "notice", key: "interview.reenterAmount" }]);
  }
  const offered = ref.question.options ? currentOptions(ctx, state).map((o) => o.value) : [];
  if (event.type === "toggle") {
    if (!offered.includes(event.option)) return { state, out: [{ type: "notice", key: "interview.stale" }] };
    const ticked = state.ticked.includes(event.option) ? state.ticked.filter((o) => o !== event.option) : [...state.ticked, event.option];
    return repeat(ctx, { ...state, ticked }, []);
  }
  const value = validateAnswer(ref.question, event.type === "done" ? state.ticked : event.value, offered);
  if (value === null && event.type === "done") return repeat(ctx, state, [{ type: "notice", key: "interview.invalid.overlap" }]);
  if (value === null) return { state, out: [{ type: "notice", key: "interview.stale" }] };
  if (ref.question.type === "amount") return repeat(ctx, { ...state, pending: value as number }, []);
  return record(ctx, state, value);
}
