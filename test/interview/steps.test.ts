import { describe, expect, it } from "vitest";
import { currentResult, step } from "../../src/interview/interview.js";
import type { InterviewEvent, OutMessage } from "../../src/interview/messages.js";
import { initialState, type InterviewState } from "../../src/interview/state.js";
import { AS_OF, ctx, play } from "./conversation.js";

type Question = Extract<OutMessage, { type: "question" }>;
const questionOf = (out: OutMessage[]) => out.filter((m): m is Question => m.type === "question").at(-1)!;
const typed = (...texts: string[]): InterviewEvent[] => texts.map((text) => ({ type: "text", text }));

/** An enterprise in the district, in AI, choosing only the vouchers topic, its name skipped: at "is it an SME?". */
function atSme() {
  const played = play([{ type: "start" }, ...typed("yes", "1", "1", "3", "skip")]);
  expect(played.state.current).toBe("sme");
  return { state: played.state, shown: questionOf(played.out) };
}

/** The same enterprise, an SME: at the model-services amount. */
function atModelServices(): InterviewState {
  let state = atSme().state;
  for (let guard = 0; state.current !== "modelServices" && guard < 10; guard++) state = play(typed("yes"), state).state;
  expect(state.current).toBe("modelServices");
  return state;
}

/** Jurisdiction yes, an enterprise: at the sectors, a multiple choice. */
function atSectors(): InterviewState {
  const { state } = play([{ type: "start" }, ...typed("yes", "1")]);
  expect(state.current).toBe("sectors");
  return state;
}

/** An applicant outside Tongzhou: the interview is over after the first answer. */
function finished(): InterviewState {
  const { state } = play([{ type: "start" }, ...typed("no")]);
  expect(state.done).toBe(true);
  return state;
}

describe("start", () => {
  it("start in the middle of an interview shows the current question again, exactly as it was shown", () => {
    const { state, shown } = atSme();
    const again = step(ctx, state, { type: "start" });
    expect(again.state).toEqual(state);
    expect(again.out).toEqual([shown]);
  });

  it("start while a typed amount awaits confirmation asks for that confirmation again", () => {
    const waiting = play(typed("120万"), atModelServices()).state;
    expect(waiting.pending).toBe(120_000_000);
    const again = step(ctx, waiting, { type: "start" });
    expect(again.state).toEqual(waiting);
    expect(again.out).toEqual([{ type: "confirm_amount", key: "modelServices", turn: waiting.turn, fen: 120_000_000 }]);
  });
});

describe("buttons", () => {
  it("a button of another question pressed on the current turn is refused, even when its value would fit", () => {
    const { state } = atSme();
    const pressed = step(ctx, state, { type: "answer", key: "jurisdiction", turn: state.turn, value: true });
    expect(pressed.out).toEqual([{ type: "notice", key: "interview.stale" }]);
    expect(pressed.state).toBe(state);
  });

  it("ticking an option shows the question again with the tick and nothing else", () => {
    const state = atSectors();
    const ticked = step(ctx, state, { type: "toggle", key: "sectors", turn: state.turn, option: "ai" });
    expect(ticked.state.ticked).toEqual(["ai"]);
    expect(ticked.out).toEqual([{ ...questionOf(play([{ type: "start" }], state).out), ticked: ["ai"] }]);
  });

  it("an amount sent by a button is echoed for confirmation before it counts", () => {
    const state = atModelServices();
    const sent = step(ctx, state, { type: "answer", key: "modelServices", turn: state.turn, value: 12_345_600 });
    expect(sent.state).toEqual({ ...state, pending: 12_345_600 });
    expect(sent.out).toEqual([{ type: "confirm_amount", key: "modelServices", turn: state.turn, fen: 12_345_600 }]);
  });

  it("a confirm button with no amount waiting records nothing and shows the question again", () => {
    const state = atModelServices();
    const shown = questionOf(play([{ type: "start" }], state).out);
    const pressed = step(ctx, state, { type: "confirm", key: "modelServices", turn: state.turn, yes: true });
    expect(pressed.state).toEqual(state);
    expect(pressed.out).toEqual([shown]);
  });

  it("No on the confirm button drops the amount and asks for it again", () => {
    const state = atModelServices();
    const shown = questionOf(play([{ type: "start" }], state).out);
    const waiting = step(ctx, state, { type: "answer", key: "modelServices", turn: state.turn, value: 12_345_600 }).state;
    const refused = step(ctx, waiting, { type: "confirm", key: "modelServices", turn: waiting.turn, yes: false });
    expect(refused.state).toEqual(state);
    expect(refused.out).toEqual([{ type: "notice", key: "interview.reenterAmount" }, shown]);
  });

  it("Yes on the confirm button records the amount and moves on", () => {
    const state = atModelServices();
    const waiting = step(ctx, state, { type: "answer", key: "modelServices", turn: state.turn, value: 12_345_600 }).state;
    const confirmed = step(ctx, waiting, { type: "confirm", key: "modelServices", turn: waiting.turn, yes: true });
    expect(confirmed.state.log).toEqual([...state.log, { key: "modelServices", value: 12_345_600 }]);
    expect(confirmed.state.pending).toBeNull();
  });
});

describe("back", () => {
  it("back reopens the last question afresh: its own number, nothing ticked, on a new turn", () => {
    const state = atSectors();
    const ticked = step(ctx, state, { type: "toggle", key: "sectors", turn: state.turn, option: "ai" }).state;
    const back = step(ctx, ticked, { type: "back" });
    expect(back.state).toEqual({ ...ticked, log: [{ key: "jurisdiction", value: true }], current: "kind", ticked: [], turn: ticked.turn + 1 });
    expect(back.out).toEqual([{ type: "question", key: "kind", turn: ticked.turn + 1, n: 2, about: null, soFarFen: expect.any(Number), ticked: [], options: ["enterprise", "innovation_consortium", "social_organization", "industrial_service_institution"] }]);
  });

  it("back after the result reopens the last question and the interview goes on", () => {
    const state = finished();
    const back = step(ctx, state, { type: "back" });
    expect(back.state).toEqual({ ...initialState("en", AS_OF), current: "jurisdiction", turn: state.turn + 1 });
    expect(back.out).toEqual([{ type: "question", key: "jurisdiction", turn: state.turn + 1, n: 1, about: null, soFarFen: expect.any(Number), ticked: [], options: [] }]);
  });

  it("back while an earlier answer is open for editing leaves the edit and undoes the last answer", () => {
    const { state } = atSme();
    const editing = play([{ type: "edit", n: 2 }], state).state;
    const back = step(ctx, editing, { type: "back" });
    expect(back.state.editing).toBe(false);
    expect(back.state.current).toBe("name");
    expect(questionOf(back.out)).toMatchObject({ key: "name", n: state.log.length });
  });
});

describe("skip", () => {
  it("skip before the interview has started asks the first question", () => {
    const skipped = step(ctx, initialState("en", AS_OF), { type: "skip" });
    expect(skipped.state.log).toEqual([]);
    expect(skipped.out).toEqual(play([{ type: "start" }]).out);
  });

  it("skip after the result records nothing and gives the result again", () => {
    const state = finished();
    const skipped = step(ctx, state, { type: "skip" });
    expect(skipped.state.log).toEqual(state.log);
    expect(skipped.out).toEqual([{ type: "result", evaluation: currentResult(ctx, state).evaluation, final: true }]);
  });

  it("skip records don't-know and shows only the next question", () => {
    const { state } = atSme();
    const skipped = step(ctx, state, { type: "skip" });
    expect(skipped.state.log).toEqual([...state.log, { key: "sme", value: null }]);
    expect(skipped.out).toHaveLength(1);
    expect(skipped.out[0]).toMatchObject({ type: "question", n: state.log.length + 2 });
  });
});

describe("restart, language, summary and edit", () => {
  it("restart says so, then asks the first question as a fresh start would", () => {
    const { state } = atSme();
    const restarted = step(ctx, state, { type: "restart" });
    const fresh = play([{ type: "start" }]);
    expect(restarted.state).toEqual(fresh.state);
    expect(restarted.out).toEqual([{ type: "notice", key: "interview.restarted" }, ...fresh.out]);
  });

  it("a language switch says so, then shows the same question", () => {
    const { state, shown } = atSme();
    const switched = step(ctx, state, { type: "lang", lang: "zh" });
    expect(switched.state).toEqual({ ...state, lang: "zh" });
    expect(switched.out).toEqual([{ type: "notice", key: "interview.langChanged" }, shown]);
  });

  it("a language switch before the interview starts says so and asks the first question", () => {
    const switched = step(ctx, initialState("en", AS_OF), { type: "lang", lang: "zh" });
    expect(switched.state.current).toBe("jurisdiction");
    expect(switched.out).toEqual([{ type: "notice", key: "interview.langChanged" }, ...play([{ type: "start" }]).out]);
  });

  it("the summary lists every answer, numbered from 1, don't-know as null, and changes nothing", () => {
    const { state } = atSme();
    const summary = step(ctx, state, { type: "summary" });
    expect(summary.state).toBe(state);
    expect(summary.out).toEqual([
      {
        type: "summary",
        entries: [
          { n: 1, key: "jurisdiction", value: true },
          { n: 2, key: "kind", value: "enterprise" },
          { n: 3, key: "sectors", value: ["ai"] },
          { n: 4, key: "topics", value: ["vouchers"] },
          { n: 5, key: "name", value: null },
        ],
      },
    ]);
  });

  it("an edit of an answer that does not exist names the number asked for", () => {
    const { state } = atSme();
    const edit = step(ctx, state, { type: "edit", n: 99 });
    expect(edit.state).toBe(state);
    expect(edit.out).toEqual([{ type: "notice", key: "interview.noSuchAnswer", params: { n: 99 } }]);
  });

  it("an edit reopens the answer under its own number, on a new turn, and shows only that question", () => {
    const { state } = atSme();
    const edit = step(ctx, state, { type: "edit", n: 2 });
    expect(edit.state).toEqual({ ...state, current: "kind", editing: true, turn: state.turn + 1 });
    expect(edit.out).toEqual([
      { type: "question", key: "kind", turn: state.turn + 1, n: 2, about: expect.any(Number), soFarFen: expect.any(Number), ticked: [], options: ["enterprise", "innovation_consortium", "social_organization", "industrial_service_institution"] },
    ]);
  });
});
