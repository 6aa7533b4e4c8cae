import { describe, expect, it } from "vitest";
import { initialState, type InterviewState } from "../../src/interview/state.js";
import { MAX_LISTED_PROJECTS } from "../../src/interview/validateAnswer.js";
import { AS_OF, play, noticesOf, at } from "./conversation.js";

/** An enterprise in AI choosing the infrastructure topic (the ninth), its name skipped. */
const atProjects = () => at("infrastructureProjects", ["yes", "1", "1", "9", "skip"]);
/** The same choosing only the vouchers topic, an SME: at the model-services amount. */
const atModelServices = () => at("modelServices", ["yes", "1", "1", "3", "skip", "yes"]);

/** Replying `text` changes nothing and says `key`; the question stays open. */
function refused(state: InterviewState, text: string, key: string) {
  const { state: after, out } = play([{ type: "text", text }], state);
  expect(noticesOf(out), text).toContain(key);
  expect(after.log).toEqual(state.log);
  expect(after.current).toBe(state.current);
}

describe("typed counts", () => {
  it(`takes up to ${MAX_LISTED_PROJECTS} infrastructure projects`, () => {
    const { state } = play([{ type: "text", text: String(MAX_LISTED_PROJECTS) }], atProjects());
    expect(state.log.at(-1)).toEqual({ key: "infrastructureProjects", value: MAX_LISTED_PROJECTS });
  });

  it(`refuses ${MAX_LISTED_PROJECTS + 1} projects as too many, a negative count and a fraction, each with its own note`, () => {
    refused(atProjects(), String(MAX_LISTED_PROJECTS + 1), "interview.count.too_large");
    refused(atProjects(), "-2", "interview.count.negative");
    refused(atProjects(), "2.5", "interview.count.fractional");
    refused(atProjects(), "several", "interview.count.invalid");
  });

  it("reads a count in Chinese with a measure word", () => {
    const { state } = play([{ type: "text", text: "两个" }], atProjects());
    expect(state.log.at(-1)).toEqual({ key: "infrastructureProjects", value: 2 });
  });
});

describe("typed amounts waiting for confirmation", () => {
  const echoed = () => play([{ type: "text", text: "30万" }], atModelServices()).state;

  it("yes records the amount echoed", () => {
    const { state } = play([{ type: "text", text: "yes" }], echoed());
    expect(state.log.at(-1)).toEqual({ key: "modelServices", value: 30_000_000 });
    expect(state.pending).toBeNull();
  });

  it("no asks for the amount again and records nothing", () => {
    const before = echoed();
    const { state, out } = play([{ type: "text", text: "no" }], before);
    expect(noticesOf(out)).toEqual(["interview.reenterAmount"]);
    expect(state.pending).toBeNull();
    expect(state.log).toEqual(before.log);
    expect(state.current).toBe("modelServices");
  });

  it("a new amount replaces the one waiting", () => {
    const { state, out } = play([{ type: "text", text: "40万" }], echoed());
    expect(out.at(-1)).toMatchObject({ type: "confirm_amount", fen: 40_000_000 });
    expect(state.pending).toBe(40_000_000);
  });

  it("a new amount in digits counts at once", () => {
    const { state } = play([{ type: "text", text: "400000" }], echoed());
    expect(state.log.at(-1)).toEqual({ key: "modelServices", value: 40_000_000 });
  });

  it("a question keeps the amount waiting and goes to the FAQ", () => {
    const { state, out } = play([{ type: "text", text: "what counts as model services?" }], echoed());
    expect(out[0]).toEqual({ type: "faq", question: "what counts as model services?" });
    expect(state.pending).toBe(30_000_000);
  });

  it("an unreadable reply drops the amount waiting and explains why", () => {
    const { state, out } = play([{ type: "text", text: "abc" }], echoed());
    expect(noticesOf(out)).toEqual(["interview.amount.invalid"]);
    expect(state.pending).toBeNull();
  });
});

describe("after the last question", () => {
  it("text is answered with a note that the interview is over, and changes nothing", () => {
    let state = play([{ type: "start" }], initialState("en", AS_OF)).state;
    state = play([{ type: "text", text: "no" }], state).state;
    expect(state.done).toBe(true);
    const { state: after, out } = play([{ type: "text", text: "1" }], state);
    expect(out).toEqual([{ type: "notice", key: "interview.finished" }]);
    expect(after).toEqual(state);
  });
});
