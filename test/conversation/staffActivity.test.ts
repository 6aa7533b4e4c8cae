import { describe, expect, it } from "vitest";
import { createConversations } from "../../src/app/conversations.js";
import { readConfig } from "../../src/config.js";
import { faqGapOf } from "../../src/conversation/staff/faqGaps.js";
import { beganScreening } from "../../src/conversation/staff/screeningsStarted.js";
import { initialState } from "../../src/interview/state.js";
import { createLogger } from "../../src/log.js";
import { MemoryStore } from "../../src/store/memoryStore.js";

const NOW = new Date("2026-03-01T02:00:00.000Z");

function service() {
  const store = new MemoryStore();
  const conversations = createConversations({ config: readConfig({ OPENAI_API_KEY: "" }), store, logger: createLogger("silent"), clock: () => NOW });
  return { store, conversations };
}

describe("what the dashboard counts as conversations happen", () => {
  it("a screening begins when an interview opens, or restarts; answering, resuming and the result do not count again", async () => {
    const { store, conversations } = service();
    await conversations.handle("tg:1", { type: "command", command: "start", args: "" });
    await conversations.handle("tg:1", { type: "command", command: "check", args: "" });
    await conversations.handle("tg:1", { type: "text", text: "yes" });
    await conversations.handle("tg:1", { type: "command", command: "check", args: "" });
    await conversations.handle("tg:1", { type: "command", command: "result", args: "" });
    expect((await store.activity("2026-03-01", "2026-03-01")).get("2026-03-01")?.started).toEqual({ tg: 1 });
    await conversations.handle("tg:1", { type: "text", text: "restart" });
    await conversations.handle("web:abc", { type: "command", command: "check", args: "" });
    expect((await store.activity("2026-03-01", "2026-03-01")).get("2026-03-01")?.started).toEqual({ tg: 2, web: 1 });
  });

  it("a FAQ question that is refused is counted with its words and nobody's id", async () => {
    const { store, conversations } = service();
    const turn = await conversations.handle("tg:7", { type: "command", command: "ask", args: "我想给孩子办理入学" });
    await turn.later;
    const day = (await store.activity("2026-03-01", "2026-03-01")).get("2026-03-01");
    expect(day?.faqGaps).toEqual([{ question: "我想给孩子办理入学", outcome: "refused", count: 1 }]);
    expect(JSON.stringify(day)).not.toContain("tg:7");
  });

  it("tells refusals and answers from an Article's text (no FAQ entry matched) from good answers", () => {
    expect(faqGapOf({ text: "", articles: [], source: "refusal" })).toBe("refused");
    expect(faqGapOf({ text: "", articles: ["6"], source: "article" })).toBe("weak");
    expect(faqGapOf({ text: "", articles: ["6"], source: "faq" })).toBeNull();
    expect(faqGapOf({ text: "", articles: ["6"], source: "how_much" })).toBeNull();
  });

  it("beganScreening: an interview open after the turn and not before, or back at an earlier turn", () => {
    const open = { ...initialState("en", "2026-03-01"), turn: 3 };
    expect(beganScreening(null, open)).toBe(true);
    expect(beganScreening({ ...open, done: true }, { ...open, turn: 1 })).toBe(true);
    expect(beganScreening(open, { ...open, turn: 4 })).toBe(false);
    expect(beganScreening(open, { ...open, turn: 1 })).toBe(true);
    expect(beganScreening(open, { ...open, done: true })).toBe(false);
    expect(beganScreening(open, null)).toBe(false);
  });
});
