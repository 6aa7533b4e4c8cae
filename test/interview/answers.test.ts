import { describe, expect, it } from "vitest";
import type { OutMessage } from "../../src/interview/messages.js";
import { currentResult } from "../../src/interview/interview.js";
import { renderMessage } from "../../src/interview/render.js";
import { at, ctx, noticesOf, play } from "./conversation.js";

/** An enterprise in the district, in AI, choosing only the vouchers topic, its name skipped, an SME: at the model-services amount. */
const atModelServices = () => at("modelServices", ["yes", "1", "1", "3", "skip", "yes"]);

describe("yes/no questions take yes/no words and nothing else", () => {
  it.each([
    ["是", true], ["对", true], ["有", true], ["yes", true], ["y", true], ["Y", true],
    ["否", false], ["不是", false], ["没有", false], ["no", false], ["n", false],
  ])("%j is recorded as %s", (text, value) => {
    const state = at("jurisdiction", []);
    const { state: after } = play([{ type: "text", text }], state);
    expect(after.log.at(-1)).toEqual({ key: "jurisdiction", value });
  });

  it("不知道 is recorded as don't know", () => {
    const { state } = play([{ type: "text", text: "不知道" }], at("jurisdiction", []));
    expect(state.log.at(-1)).toEqual({ key: "jurisdiction", value: null });
  });

  it.each(["1", "2", "0", "3"])("the number %j is not an answer to a yes/no question: it is asked again", (text) => {
    const state = at("jurisdiction", []);
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(noticesOf(out)).toContain("interview.invalid.yesNo");
    expect(after.log).toEqual(state.log);
    expect(after.current).toBe("jurisdiction");
  });

  it("numbers still choose where numbered options are shown", () => {
    const state = at("kind", ["yes"]);
    const { state: after } = play([{ type: "text", text: "2" }], state);
    expect(after.log.at(-1)).toEqual({ key: "kind", value: "innovation_consortium" });
  });
});

describe("amounts", () => {
  it.each([
    ["plain digits", "1200000", 120_000_000],
    ["digits with thousands separators", "1,200,000", 120_000_000],
    ["the echo's own notation", "RMB 1,200,000", 120_000_000],
    ["zero", "0", 0],
    ["zero in Chinese", "零", 0],
  ])("%s (%j) count at once, without a confirmation step", (_name, text, fen) => {
    const state = atModelServices();
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(out.some((m) => m.type === "confirm_amount")).toBe(false);
    expect(after.log.at(-1)).toEqual({ key: "modelServices", value: fen });
    expect(after.pending).toBeNull();
  });

  it.each([
    ["万", "120万", 120_000_000],
    ["亿", "1.2亿", 12_000_000_000],
    ["千万", "1.5千万", 1_500_000_000],
    ["formal numerals", "壹佰贰拾万元整", 120_000_000],
    ["k", "300k", 30_000_000],
    ["m", "1.2m", 120_000_000],
  ])("an amount written with %s (%j) is echoed for confirmation", (_name, text, fen) => {
    const state = atModelServices();
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(out.at(-1)).toMatchObject({ type: "confirm_amount", fen });
    expect(after.log).toEqual(state.log);
  });

  it.each([
    ["约30万", 30_000_000],
    ["30万左右", 30_000_000],
    ["大概三十万", 30_000_000],
    ["about 300k", 30_000_000],
    ["30万元人民币", 30_000_000],
  ])("%j is read as its figure", (text, fen) => {
    const { out } = play([{ type: "text", text }], atModelServices());
    expect(out.at(-1)).toMatchObject({ type: "confirm_amount", fen });
  });

  it("a hedged amount says that an estimate is fine for a pre-screening", () => {
    const { out } = play([{ type: "text", text: "约30万" }], atModelServices());
    expect(noticesOf(out)).toEqual(["interview.amount.estimate"]);
    const plain = play([{ type: "text", text: "about 300,000" }], atModelServices());
    expect(noticesOf(plain.out)).toEqual(["interview.amount.estimate"]);
    expect(plain.state.log.at(-1)).toEqual({ key: "modelServices", value: 30_000_000 });
  });

  it("an exact amount carries no note about estimates", () => {
    const { out } = play([{ type: "text", text: "30万" }], atModelServices());
    expect(noticesOf(out)).toEqual([]);
  });

  it("a zero-width space or a no-break space pasted from a spreadsheet does not break an amount", () => {
    for (const text of ["1,200\u200b,000", "1\u00a0200\u00a0000", "\ufeff1200000"]) {
      const { state } = play([{ type: "text", text }], atModelServices());
      expect(state.log.at(-1), JSON.stringify(text)).toEqual({ key: "modelServices", value: 120_000_000 });
    }
  });
});

describe("the applicant's name", () => {
  it("is asked after the topic picker, trimmed, and stored as applicant.name", () => {
    const state = at("name", ["yes", "1", "1", "3"]);
    const { state: after } = play([{ type: "text", text: "  北京示例科技有限公司 " }], state);
    expect(after.log.at(-1)).toEqual({ key: "name", value: "北京示例科技有限公司" });
    expect(currentResult(ctx, after).screening.applicant?.name).toBe("北京示例科技有限公司");
    expect(after.current).toBe("sme");
  });

  it("can be skipped, and the screening then has no name", () => {
    const { state } = play([{ type: "text", text: "跳过" }], at("name", ["yes", "1", "1", "3"], "zh"));
    expect(state.log.at(-1)).toEqual({ key: "name", value: null });
    expect(currentResult(ctx, state).screening.applicant?.name).toBeUndefined();
  });

  it.each([
    ["control characters", "Example\u0007 Co."],
    ["a line break", "Example\nCo."],
    ["more than 100 characters", "x".repeat(101)],
    ["only spaces", "   "],
  ])("refuses %s and asks again", (_name, text) => {
    const state = at("name", ["yes", "1", "1", "3"]);
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(noticesOf(out)).toContain("interview.invalid.text");
    expect(after.log).toEqual(state.log);
  });

  it("is refused from a forged button as well", () => {
    const state = at("name", ["yes", "1", "1", "3"]);
    const { state: after, out } = play([{ type: "answer", key: "name", turn: state.turn, value: "bad\u0000name" }], state);
    expect(noticesOf(out)).toContain("interview.stale");
    expect(after.log).toEqual(state.log);
  });

  it("is not asked when the first answer settles the screening", () => {
    const { state } = play([{ type: "text", text: "no" }], at("jurisdiction", []));
    expect(state.done).toBe(true);
    expect(state.log.map((e) => e.key)).toEqual(["jurisdiction"]);
  });
});

describe("a question typed in the middle of the interview", () => {
  const lastQuestion = (out: OutMessage[]) => out.filter((m) => m.type === "question").at(-1);

  it.each(["帮助", "help", "什么意思？", "What does this mean?"])("%j gives the current question's help, then the question again", (text) => {
    const state = at("jurisdiction", []);
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(out[0]).toEqual({ type: "help", key: "jurisdiction" });
    expect(lastQuestion(out)).toMatchObject({ key: "jurisdiction" });
    expect(after.log).toEqual(state.log);
    expect(noticesOf(out)).toEqual([]);
  });

  it.each([
    ["a Chinese question on a yes/no question", "jurisdiction", [], "中小企业怎么认定？"],
    ["an English question on a yes/no question", "jurisdiction", [], "what does SME mean?"],
    ["a question without a question mark", "jurisdiction", [], "分支机构可以申请吗"],
    ["a question on a choice", "kind", ["yes"], "Can a branch office apply?"],
    ["a question on an amount", "modelServices", ["yes", "1", "1", "3", "skip", "yes"], "模型券怎么算？"],
    ["a question while an amount waits for confirmation", "modelServices", ["yes", "1", "1", "3", "skip", "yes", "120万"], "算力券和模型券可以同时申请吗？"],
  ])("%s goes to the FAQ, then the question again", (_name, key, replies, text) => {
    const state = at(key, replies);
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(out[0]).toEqual({ type: "faq", question: text });
    expect(out.at(-1)).toMatchObject({ key });
    expect(after).toEqual(state);
  });

  it.each([
    ["an amount with a question mark", "modelServices", ["yes", "1", "1", "3", "skip", "yes"], "30万?"],
    ["an option number with a question mark", "kind", ["yes"], "2?"],
    ["a yes with a question mark", "jurisdiction", [], "是？"],
    ["options ticked", "sectors", ["yes", "1"], "1,3"],
    ["none of these in words", "sectors", ["yes", "1"], "什么都没有"],
    ["a command word", "kind", ["yes"], "返回"],
  ])("%s is never taken for a question", (_name, key, replies, text) => {
    const { out } = play([{ type: "text", text }], at(key, replies));
    expect(out.some((m) => m.type === "faq" || m.type === "help")).toBe(false);
  });

  it("a name that reads like a question word is still a name; a question mark makes it a question", () => {
    const name = play([{ type: "text", text: "什么值得买科技有限公司" }], at("name", ["yes", "1", "1", "3"]));
    expect(name.state.log.at(-1)).toEqual({ key: "name", value: "什么值得买科技有限公司" });
    const asked = play([{ type: "text", text: "为什么要填名称？" }], at("name", ["yes", "1", "1", "3"]));
    expect(asked.out[0]).toEqual({ type: "faq", question: "为什么要填名称？" });
  });

  it("renders the FAQ hand-off as one short line and the help with how to answer", () => {
    const screening = {};
    const faq = renderMessage({ type: "faq", question: "x?" }, { bank: ctx.bank, rules: ctx.rules, lang: "zh", screening });
    expect(faq.text.split("\n")).toHaveLength(1);
    const help = renderMessage({ type: "help", key: "modelServices" }, { bank: ctx.bank, rules: ctx.rules, lang: "en", screening });
    expect(help.text).toContain("How to answer: Type the amount in yuan");
  });

  it("replies that are neither answers nor questions still get the friendly re-ask", () => {
    const { out } = play([{ type: "text", text: "maybe" }], at("jurisdiction", []));
    expect(noticesOf(out)).toEqual(["interview.invalid.yesNo"]);
  });
});
