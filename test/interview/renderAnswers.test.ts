import { describe, expect, it } from "vitest";
import type { Screening } from "../../src/engine/screening.js";
import type { OutMessage } from "../../src/interview/messages.js";
import { questionBankOf } from "../../src/interview/questionBank.js";
import { describeFact, formatAnswer, questionText, renderMessage } from "../../src/interview/render.js";
import { ctx, interview, play } from "./conversation.js";
import { BUILDER, renderContext } from "./renderPersona.js";

const question = (id: string) => ctx.bank.byId.get(id)!;
const linesOf = (text: string) => text.split("\n");

describe("the summary of answers", () => {
  it.each([
    ["en", "No answers yet."],
    ["zh", "尚无回答。"],
  ] as const)("in %s, with nothing answered, says so", (lang, text) => {
    const { out, state } = play([{ type: "start" }, { type: "summary" }]);
    expect(renderMessage(out.at(-1)!, renderContext(state, lang))).toEqual({ text, options: [], buttons: [] });
  });

  it("lists every answer, numbered, as the question and the answer in words", () => {
    const { state } = interview(BUILDER);
    const { out } = play([{ type: "summary" }], state);
    const rendered = renderMessage(out[0]!, renderContext(state, "en"));
    expect(rendered.options).toEqual([]);
    expect(rendered.buttons).toEqual([]);
    const lines = linesOf(rendered.text);
    expect(lines).toHaveLength(state.log.length + 1);
    expect(lines[0]).toBe("Your answers (type edit N to change one):");
    expect(lines.slice(1, 4)).toEqual([
      "1. Is your organisation registered and operating in Tongzhou District (the Beijing Municipal Administrative Center)? — Yes",
      "2. What kind of organisation are you? — Enterprise",
      "3. Which fields do you work in? Choose all that apply. — Artificial intelligence, Blockchain",
    ]);
    expect(lines).toContain("5. What is your organisation's name? (Optional: type skip to leave it out.) — Acme AI");
    expect(lines).toContain("6. How many new digital infrastructure projects are you building? — 2");
    expect(lines).toContain("8. Project 2: what fixed-asset investment falls within the support scope? — RMB 20,000,000");
    expect(lines).toContain("9. Which recognitions did you newly obtain? Choose all that apply. — Beijing high-end design center, Beijing industrial innovation center");
    expect(lines).toContain('12. Was the recognition "Beijing industrial innovation center" a promotion from a lower recognition you already held? If so, which? — Not a promotion');
    expect(lines.at(-2)).toMatch(/^18\. Article 16 supports one project only once.* — Infrastructure project 2 \(Article 11\), The recognition “Beijing industrial innovation center” \(Article 8\)$/);
    expect(lines.at(-1)).toMatch(/^19\. Is any other of them one and the same project as another: .* — none$/);
  });

  it("in Chinese, lists are joined with 、 and amounts are in 万元", () => {
    const { state } = interview(BUILDER);
    const { out } = play([{ type: "summary" }], state);
    const lines = linesOf(renderMessage(out[0]!, renderContext(state, "zh")).text);
    expect(lines[0]).toBe("您的回答（输入“修改 N”可更改）：");
    expect(lines).toContain("1. 贵单位是否在通州区（北京城市副中心）注册并实际经营？ — 是");
    expect(lines).toContain("3. 贵单位从事哪些领域？可多选。 — 人工智能、区块链");
    expect(lines).toContain("8. 项目2：纳入支持范围的固定资产投资是多少？ — 2,000万元");
    expect(lines).toContain("12. “北京市产业创新中心”是否由已有的较低级别认定晋级而来？如是，原认定为哪一级？ — 不是晋级");
    expect(lines.at(-2)).toMatch(/ — 第2个新型基础设施项目（第十一条）、“北京市产业创新中心”认定（第八条）$/);
    expect(lines.at(-1)).toMatch(/^19\. 还有其他属于同一个项目的吗：.* — 无$/);
  });

  it.each([
    ["en", "1. Is your organisation registered and operating in Tongzhou District (the Beijing Municipal Administrative Center)? — don't know", "2. What kind of organisation are you? — Innovation consortium"],
    ["zh", "1. 贵单位是否在通州区（北京城市副中心）注册并实际经营？ — 不知道", "2. 贵单位属于哪类主体？ — 创新联合体"],
  ] as const)("in %s, a question skipped reads as don't know", (lang, skipped, chosen) => {
    const { state, out } = play([{ type: "start" }, { type: "skip" }, { type: "answer", key: "kind", turn: 2, value: "innovation_consortium" }, { type: "summary" }]);
    expect(linesOf(renderMessage(out.at(-1)!, renderContext(state, lang)).text).slice(1)).toEqual([skipped, chosen]);
  });

  it("an answer to a question the bank no longer has is listed by its key", () => {
    const summary: OutMessage = { type: "summary", entries: [{ n: 1, key: "retiredQuestion", value: true }] };
    expect(renderMessage(summary, { ...ctx, lang: "en", screening: {} }).text).toBe("Your answers (type edit N to change one):\n1. retiredQuestion");
  });
});

describe("an answer in words", () => {
  it.each([
    ["en", "don't know", "none", "RMB 1,200,000"],
    ["zh", "不知道", "无", "120万元"],
  ] as const)("in %s: don't know, none, and amounts in the reader's notation", (lang, unknown, none, amount) => {
    expect(formatAnswer(question("jurisdiction"), null, lang)).toBe(unknown);
    expect(formatAnswer(question("sectors"), [], lang)).toBe(none);
    expect(formatAnswer(question("modelServices"), 120_000_000, lang)).toBe(amount);
    expect(formatAnswer(question("standardsNational"), 3, lang)).toBe("3");
    expect(formatAnswer(question("name"), "Acme AI", lang)).toBe("Acme AI");
  });

  it("a choice reads as its option's label in the language asked for, whatever the context's", () => {
    const en = { ...ctx, lang: "en" as const, screening: {} };
    expect(formatAnswer(question("kind"), "social_organization", "zh", en)).toBe("社会组织（协会、学会等）");
    expect(formatAnswer(question("kind"), "industrial_service_institution", "en")).toBe("Industrial service institution");
    expect(formatAnswer(question("sectors"), ["metaverse", "ai"], "en", en)).toBe("Metaverse, Artificial intelligence");
    expect(formatAnswer(question("sectors"), ["metaverse", "ai"], "zh")).toBe("元宇宙、人工智能");
  });

  it("a choice the bank no longer offers reads as recorded", () => {
    expect(formatAnswer(question("kind"), "retired_kind", "en")).toBe("retired_kind");
    expect(formatAnswer(question("sectors"), ["ai", "retired_sector"], "zh")).toBe("人工智能、retired_sector");
  });
});

describe("the question that fills a fact", () => {
  const describeIn = (screening: Screening) => describeFact({ bank: ctx.bank, rules: ctx.rules, screening });

  it.each([
    ["standards.national", "en", "How many national standards did you lead the drafting of?"],
    ["standards.national", "zh", "贵企业牵头制定了几项国家标准？"],
    ["infrastructure", "en", "How many new digital infrastructure projects are you building?"],
    ["recognitions", "en", "Which recognitions did you newly obtain? Choose all that apply."],
    ["vouchers.modelServices", "en", "What is the contract amount for the model services you purchased this year?"],
  ] as const)("%s is named, in %s, by its own question rather than the topic picker", (path, lang, text) => {
    expect(describeIn({})(path, lang)).toBe(text);
  });

  it.each([
    ["infrastructure[0].eligibleInvestment", "en", "Project 1: what fixed-asset investment falls within the support scope?"],
    ["infrastructure[1].yearsSupported", "zh", "项目2：已获得支持几年？"],
    ["infrastructure[11].amountReceived", "en", "Project 12: how much support has it received so far? (0 if none)"],
  ] as const)("%s is named, in %s, by the question about that project", (path, lang, text) => {
    expect(describeIn(BUILDER)(path, lang)).toBe(text);
  });

  it("a fact of a recognition names the recognition", () => {
    expect(describeIn(BUILDER)("recognitions[1].promotedFrom", "en")).toBe('Was the recognition "Beijing industrial innovation center" a promotion from a lower recognition you already held? If so, which?');
    expect(describeIn(BUILDER)("recognitions[0].promotedFrom", "zh")).toBe("“北京市高端设计中心”是否由已有的较低级别认定晋级而来？如是，原认定为哪一级？");
  });

  it("a fact no question fills is left as its path", () => {
    expect(describeIn(BUILDER)("applicant.employees", "en")).toBe("applicant.employees");
    expect(describeIn(BUILDER)("infrastructure[0].kind", "zh")).toBe("infrastructure[0].kind");
  });

  it("a fact only the topic picker fills is named by the topic picker", () => {
    const topicsOnly = questionBankOf(ctx.bank.questions.filter((q) => q.type === "topics"));
    const describe = describeFact({ bank: topicsOnly, rules: ctx.rules, screening: {} });
    expect(describe("standards.national", "en")).toBe(question("topics").text.en);
  });
});

describe("a recognition named in a question", () => {
  const promotedFrom = () => question("promotedFrom");

  it("is named by the bank's label for its level, in the reader's language", () => {
    const screening: Screening = { recognitions: [{ level: "miit_key_laboratory" }] };
    expect(questionText(promotedFrom(), 0, { ...ctx, lang: "en", screening })).toContain('"MIIT key laboratory"');
    expect(questionText(promotedFrom(), 0, { ...ctx, lang: "zh", screening })).toContain("“工信部重点实验室”");
  });

  it("is named by its level's code where the bank has no label for it", () => {
    const screening: Screening = { recognitions: [{ level: "miit_key_laboratory" }] };
    const withoutRecognitions = questionBankOf(ctx.bank.questions.filter((q) => q.id !== "recognitions"));
    const recognitions = question("recognitions");
    const withoutThatLevel = questionBankOf(ctx.bank.questions.map((q) => (q === recognitions ? { ...q, options: q.options!.filter((o) => o.value !== "miit_key_laboratory") } : q)));
    for (const bank of [withoutRecognitions, withoutThatLevel]) {
      expect(questionText(promotedFrom(), 0, { ...ctx, bank, lang: "en", screening })).toContain('"miit_key_laboratory"');
    }
  });

  it("is left blank, not failing, where the screening does not list it", () => {
    for (const screening of [{}, { recognitions: [] }] as Screening[]) {
      expect(questionText(promotedFrom(), 0, { ...ctx, lang: "en", screening })).toMatch(/^Was the recognition "" a promotion/);
      expect(describeFact({ ...ctx, screening })("recognitions[0].promotedFrom", "en")).toMatch(/^Was the recognition "" a promotion/);
    }
  });

  it("an overlap answer naming a recognition no longer listed still reads in the summary", () => {
    const summary: OutMessage = { type: "summary", entries: [{ n: 1, key: "overlap#0", value: ["recognition:1", "event"] }] };
    const text = renderMessage(summary, { ...ctx, lang: "en", screening: { recognitions: [{ level: "miit_key_laboratory" }] } }).text;
    expect(text.endsWith(" — The recognition “” (Article 8), The industry events you organised or funded (Article 14)")).toBe(true);
  });
});
