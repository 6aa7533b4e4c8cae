import { describe, expect, it } from "vitest";
import { readQuestion } from "../../src/interview/readQuestion.js";

describe("a question typed during the interview", () => {
  it("is read without a question mark when it starts with a question word", () => {
    expect(readQuestion("what does SME mean")).toEqual({ kind: "faq", question: "what does SME mean" });
    expect(readQuestion("中小企业怎么认定")).toEqual({ kind: "faq", question: "中小企业怎么认定" });
  });

  it("is handed on as typed, without surrounding space", () => {
    expect(readQuestion("  What does SME mean?  ")).toEqual({ kind: "faq", question: "What does SME mean?" });
  });

  it("needs a question mark when the answer is free text", () => {
    expect(readQuestion("what does SME mean", true)).toBeNull();
    expect(readQuestion("what does SME mean?", true)).toEqual({ kind: "faq", question: "what does SME mean?" });
  });

  it("asks for help however many question marks follow, spaced or not", () => {
    expect(readQuestion("help??")).toEqual({ kind: "help" });
    expect(readQuestion("help ?")).toEqual({ kind: "help" });
    expect(readQuestion("什么意思？？")).toEqual({ kind: "help" });
  });

  it("is not a hesitant answer, however many question marks follow it", () => {
    expect(readQuestion("3??")).toBeNull();
    expect(readQuestion("30万??")).toBeNull();
    expect(readQuestion("是？")).toBeNull();
  });

  it("is not question marks alone", () => {
    expect(readQuestion("?")).toBeNull();
    expect(readQuestion("???")).toBeNull();
  });
});
