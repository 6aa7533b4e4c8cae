import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/i18n/lang.js";
import { currentResult } from "../../src/interview/interview.js";
import type { OutMessage } from "../../src/interview/messages.js";
import { renderMessage, type Button } from "../../src/interview/render.js";
import type { InterviewState } from "../../src/interview/state.js";
import { ctx, interview, play } from "./conversation.js";
import { BUILDER, onScreen, renderContext, stateAt } from "./renderPersona.js";

const question = (id: string) => ctx.bank.byId.get(id)!;
const render = (state: InterviewState, lang: Lang) => renderMessage(onScreen(state), renderContext(state, lang));

/** The state at the sectors question, the enterprise's kind given, with `ticked` ticked. */
function atSectors(ticked: string[]): InterviewState {
  let { state } = play([{ type: "start" }, { type: "answer", key: "jurisdiction", turn: 1, value: true }, { type: "answer", key: "kind", turn: 2, value: "enterprise" }]);
  for (const option of ticked) state = play([{ type: "toggle", key: "sectors", turn: state.turn, option }], state).state;
  return state;
}

const WORDS = {
  en: { yes: "Yes", no: "No", dontKnow: "Don't know", back: "Back", result: "Result", done: "Done", skip: "Skip" },
  zh: { yes: "是", no: "否", dontKnow: "不知道", back: "上一步", result: "查看结果", done: "完成", skip: "跳过" },
} as const;
const dontKnow = (lang: Lang): Button => ({ label: WORDS[lang].dontKnow, event: { type: "skip" } });
const nav = (lang: Lang): Button[] => [{ label: WORDS[lang].back, event: { type: "back" } }, { label: WORDS[lang].result, event: { type: "result" } }];

describe("a question on screen", () => {
  it.each([
    ["en", "Question 1 · So far: up to RMB 0", "Why we ask: ", "Yes / No / Don't know"],
    ["zh", "第1题 · 目前累计：最高0元", "为什么问：", "是 / 否 / 不知道"],
  ] as const)("in %s, a yes/no question reads progress, a blank line, the question, why and how, with Yes, No and Don't know buttons", (lang, progress, why, typingHint) => {
    const { state } = play([{ type: "start" }]);
    const q = question("jurisdiction");
    const at = { key: "jurisdiction", turn: state.turn };
    expect(render(state, lang)).toEqual({
      text: [progress, "", q.text[lang], why + q.why[lang], q.help[lang]].join("\n"),
      options: [],
      buttons: [
        [{ label: WORDS[lang].yes, event: { type: "answer", ...at, value: true } }, { label: WORDS[lang].no, event: { type: "answer", ...at, value: false } }, dontKnow(lang)],
        nav(lang),
      ],
      typingHint,
    });
  });

  it.each([
    ["en", "Question 7 of about 12 · So far: up to RMB 1,500,000"],
    ["zh", "第7题，共约12题 · 目前累计：最高150万元"],
  ] as const)("in %s, once the length of the interview is estimated, the progress says about how many questions there are", (lang, progress) => {
    const { state } = play([{ type: "start" }]);
    const shown = { ...onScreen(state), n: 7, about: 12, soFarFen: 150_000_000 } as OutMessage;
    expect(renderMessage(shown, renderContext(state, lang)).text.split("\n")[0]).toBe(progress);
  });

  it.each([
    ["en", ["Enterprise", "Innovation consortium", "Social organisation (association, society…)", "Industrial service institution"], "Type the number of your answer."],
    ["zh", ["企业", "创新联合体", "社会组织（协会、学会等）", "产业服务机构"], "请输入答案的序号。"],
  ] as const)("in %s, a single choice offers one button per option, then Don't know, then Back and Result", (lang, labels, typingHint) => {
    const { state } = play([{ type: "start" }, { type: "answer", key: "jurisdiction", turn: 1, value: true }]);
    const rendered = render(state, lang);
    const at = { key: "kind", turn: state.turn };
    const values = ["enterprise", "innovation_consortium", "social_organization", "industrial_service_institution"];
    expect(rendered.text.split("\n")[2]).toBe(question("kind").text[lang]);
    expect(rendered.options).toEqual(labels.map((label) => ({ label, ticked: false })));
    expect(rendered.buttons).toEqual([...labels.map((label, i) => [{ label, event: { type: "answer", ...at, value: values[i] } }]), [dontKnow(lang)], nav(lang)]);
    expect(rendered.typingHint).toBe(typingHint);
    expect(rendered.buttonHint).toBeUndefined();
  });

  it.each([
    ["en", "Tick all that apply, then press Done.", "Type the numbers of all that apply, e.g. 1,3 (0 for none)."],
    ["zh", "请勾选所有适用项，然后点“完成”。", "请输入所有适用选项的序号，例如 1,3（都没有请输入 0）。"],
  ] as const)("in %s, a multiple choice shows what is ticked, on its options and its buttons, with Done beside Don't know", (lang, buttonHint, typingHint) => {
    const state = atSectors(["blockchain", "ai"]);
    const shown = onScreen(state);
    const rendered = renderMessage(shown, renderContext(state, lang));
    const sectors = question("sectors").options!;
    const at = { key: "sectors", turn: state.turn };
    const ticked = (value: string) => value === "ai" || value === "blockchain";
    expect(rendered.options).toEqual(sectors.map((o) => ({ label: o.label[lang], ticked: ticked(o.value) })));
    expect(rendered.buttons).toEqual([
      ...sectors.map((o) => [{ label: `${ticked(o.value) ? "☑" : "☐"} ${o.label[lang]}`, event: { type: "toggle", ...at, option: o.value } }]),
      [{ label: WORDS[lang].done, event: { type: "done", ...at } }, dontKnow(lang)],
      nav(lang),
    ]);
    expect(rendered.buttons[0]![0]!.label).toBe(lang === "en" ? "☑ Artificial intelligence" : "☑ 人工智能");
    expect(rendered.buttons[1]![0]!.label).toBe(lang === "en" ? "☐ Cybersecurity" : "☐ 网络安全");
    expect(rendered.buttonHint).toBe(buttonHint);
    expect(rendered.typingHint).toBe(typingHint);
  });

  it.each(["en", "zh"] as const)("in %s, amounts and counts are typed: only Don't know and Back and Result are buttons", (lang) => {
    for (const key of ["infrastructureProjects", "projectInvestment#0"]) {
      const state = stateAt(BUILDER, key);
      const rendered = render(state, lang);
      expect(rendered.options, key).toEqual([]);
      expect(rendered.buttons, key).toEqual([[dontKnow(lang)], nav(lang)]);
      expect(rendered.typingHint, key).toBeUndefined();
      expect(rendered.buttonHint, key).toBeUndefined();
    }
  });

  it.each([
    ["en", "Type the name, or skip."],
    ["zh", "请输入名称，或输入“跳过”。"],
  ] as const)("in %s, the name can be skipped, and the hint says what to type", (lang, typingHint) => {
    const rendered = render(stateAt(BUILDER, "name"), lang);
    expect(rendered.text.split("\n")[2]).toBe(question("name").text[lang]);
    expect(rendered).toMatchObject({ options: [], buttons: [[{ label: WORDS[lang].skip, event: { type: "skip" } }], nav(lang)], typingHint });
  });

  it.each([
    ["en", 0, "Project 1: what fixed-asset investment falls within the support scope?"],
    ["en", 1, "Project 2: what fixed-asset investment falls within the support scope?"],
    ["zh", 1, "项目2：纳入支持范围的固定资产投资是多少？"],
  ] as const)("in %s, a per-project question names project %i by its number from 1", (lang, index, text) => {
    expect(render(stateAt(BUILDER, `projectInvestment#${index}`), lang).text.split("\n")[2]).toBe(text);
  });

  it.each([
    ["en", 'Was the recognition "Beijing industrial innovation center" a promotion from a lower recognition you already held? If so, which?', ["Not a promotion", "MIIT key laboratory", "Beijing high-end design center", "Beijing enterprise technology center"]],
    ["zh", "“北京市产业创新中心”是否由已有的较低级别认定晋级而来？如是，原认定为哪一级？", ["不是晋级", "工信部重点实验室", "北京市高端设计中心", "北京市企业技术中心"]],
  ] as const)("in %s, a recognition question names the recognition it asks about", (lang, text, labels) => {
    const rendered = render(stateAt(BUILDER, "promotedFrom#1"), lang);
    expect(rendered.text.split("\n")[2]).toBe(text);
    expect(rendered.options.map((o) => o.label)).toEqual(labels);
  });

  it.each([
    ["en", "Is any of these one and the same project as another: Infrastructure project 1 (Article 11); Infrastructure project 2 (Article 11); The recognition “Beijing high-end design center” (Article 8); The recognition “Beijing industrial innovation center” (Article 8); The standards you led (Article 7)?", "Type the numbers of the ones that are one and the same project, e.g. 2,3 (1 if all are different)."],
    ["zh", "以下各项中，是否有属于同一个项目的：第1个新型基础设施项目（第十一条）；第2个新型基础设施项目（第十一条）；“北京市高端设计中心”认定（第八条）；“北京市产业创新中心”认定（第八条）；牵头制定的标准（第七条）？", "请输入属于同一项目的各项序号，例如 2,3（各不相同请输入 1）。"],
  ] as const)("in %s, the Article 16 question lists the items it asks about, each recognition by name, and says how to type the answer", (lang, members, typingHint) => {
    const rendered = render(stateAt(BUILDER, "overlap#0"), lang);
    expect(rendered.text.split("\n")[2]).toContain(members);
    expect(rendered.text.split("\n")[2]!.startsWith(question("overlap").text[lang].split("{members}")[0]!)).toBe(true);
    expect(rendered.typingHint).toBe(typingHint);
    expect(rendered.options.map((o) => o.label)).toContain(lang === "en" ? "The recognition “Beijing industrial innovation center” (Article 8)" : "“北京市产业创新中心”认定（第八条）");
  });

  it.each([
    ["en", "Is any other of them one and the same project as another: Infrastructure project 1 (Article 11);"],
    ["zh", "还有其他属于同一个项目的吗：第1个新型基础设施项目（第十一条）；"],
  ] as const)("in %s, the Article 16 question asked again for a further project says so in other words", (lang, start) => {
    expect(render(stateAt(BUILDER, "overlap#1"), lang).text.split("\n")[2]!.startsWith(start)).toBe(true);
  });
});

describe("messages other than questions", () => {
  it.each([
    ["en", "That button belongs to an earlier question. Here is the current one."],
    ["zh", "该按钮属于之前的问题，以下是当前问题。"],
  ] as const)("in %s, a notice is its words alone, without options or buttons", (lang, text) => {
    const { out, state } = play([{ type: "start" }, { type: "answer", key: "jurisdiction", turn: 0, value: true }]);
    expect(renderMessage(out.at(-1)!, renderContext(state, lang))).toEqual({ text, options: [], buttons: [] });
  });

  it.each([
    ["en", "There is no answer number 9. Type summary to see your answers."],
    ["zh", "没有第9个回答。输入“我的回答”查看全部回答。"],
  ] as const)("in %s, a notice fills in its details", (lang, text) => {
    const { out, state } = play([{ type: "start" }, { type: "edit", n: 9 }]);
    expect(renderMessage(out.at(-1)!, renderContext(state, lang)).text).toBe(text);
  });

  it.each([
    ["en", "You entered RMB 1,200,000 (120万元). Is that right?", "Yes, that's right", "No, re-enter", "Yes / No"],
    ["zh", "您输入的是 RMB 1,200,000 (120万元)，对吗？", "对，确认", "不对，重新输入", "是 / 否"],
  ] as const)("in %s, an amount is echoed in both notations, to confirm or re-enter", (lang, text, yes, no, typingHint) => {
    const at = stateAt(BUILDER, "projectInvestment#0");
    const { out, state } = play([{ type: "answer", key: "projectInvestment#0", turn: at.turn, value: 120_000_000 }], at);
    const confirm = out.at(-1)!;
    expect(confirm.type).toBe("confirm_amount");
    const key = { key: "projectInvestment#0", turn: state.turn };
    expect(renderMessage(confirm, renderContext(state, lang))).toEqual({
      text,
      options: [],
      buttons: [[{ label: yes, event: { type: "confirm", ...key, yes: true } }, { label: no, event: { type: "confirm", ...key, yes: false } }]],
      typingHint,
    });
  });

  it.each([
    ["en", "Help with this question:\nHow to answer: Yes / No / Don't know\nAt any time you can type: back · skip (don't know) · result · summary · restart."],
    ["zh", "本题帮助：\n回答方式：是 / 否 / 不知道\n任何时候都可以输入：返回 · 跳过（不知道）· 结果 · 我的回答 · 重新开始。"],
  ] as const)("in %s, help with a yes/no question names the three answers and the commands", (lang, text) => {
    const { out, state } = play([{ type: "start" }, { type: "text", text: lang === "en" ? "help" : "帮助" }]);
    const help = out.find((m) => m.type === "help")!;
    expect(renderMessage(help, renderContext(state, lang))).toEqual({ text, options: [], buttons: [] });
  });

  it("help asked about a question the bank does not have gives the commands alone", () => {
    const { state } = play([{ type: "start" }]);
    expect(renderMessage({ type: "help", key: "retiredQuestion" }, renderContext(state, "en")).text).toBe(
      "Help with this question:\nAt any time you can type: back · skip (don't know) · result · summary · restart.",
    );
  });

  it.each([
    ["en", "That sounds like a question about the rules: I'll answer it from the FAQ, then repeat the question."],
    ["zh", "这像是关于政策的问题：我先从常见问题中为您解答，然后再重复当前问题。"],
  ] as const)("in %s, a question typed mid-interview is handed to the FAQ in one line", (lang, text) => {
    const { out, state } = play([{ type: "start" }, { type: "text", text: "Why do you ask about the district?" }]);
    expect(renderMessage(out.find((m) => m.type === "faq")!, renderContext(state, lang))).toEqual({ text, options: [], buttons: [] });
  });

  it.each([
    ["en", "Not asked about from here on: Article 4, Article 5, Article 6, Article 7, Article 8(2), Article 9, Article 10(1), Article 13, because only enterprises can receive this support (the applicant is: social organisation)."],
    ["zh", "以下条款不再询问：第四条、第五条、第六条、第七条、第八条第二款、第九条、第十条第一款、第十三条，原因：本项仅支持企业（当前主体类型：社会组织）。"],
  ] as const)("in %s, Articles ruled out by an answer are named with the reason", (lang, text) => {
    const { out, state } = play([{ type: "start" }, { type: "answer", key: "jurisdiction", turn: 1, value: true }, { type: "answer", key: "kind", turn: 2, value: "social_organization" }]);
    expect(renderMessage(out.find((m) => m.type === "excluded")!, renderContext(state, lang))).toEqual({ text, options: [], buttons: [] });
  });

  it.each([
    ["en", "Result so far (you can keep answering):", "To decide it: Which fields do you work in? Choose all that apply. / How many international standards did you lead the drafting of?"],
    ["zh", "目前结果（可继续回答）：", "需确认：贵单位从事哪些领域？可多选。；贵企业牵头制定了几项国际标准？"],
  ] as const)("in %s, a result asked for mid-interview says it is not final and names the questions that would decide each item", (lang, heading, toDecide) => {
    const { out, state } = play([{ type: "start" }, { type: "answer", key: "jurisdiction", turn: 1, value: true }, { type: "answer", key: "kind", turn: 2, value: "enterprise" }, { type: "result" }]);
    const result = out.find((m) => m.type === "result")!;
    const rendered = renderMessage(result, renderContext(state, lang));
    expect(rendered.text.split("\n").slice(0, 2)).toEqual([heading, ""]);
    expect(rendered.text).toContain(toDecide);
    expect(rendered.options).toEqual([]);
    expect(rendered.buttons).toEqual([]);
  });

  it.each([
    ["en", "Your pre-screening result:"],
    ["zh", "您的预筛查结果："],
  ] as const)("in %s, the result at the end of the interview says it is the result", (lang, heading) => {
    const { state } = interview(BUILDER);
    const final: OutMessage = { type: "result", evaluation: currentResult(ctx, state).evaluation, final: true };
    const text = renderMessage(final, renderContext(state, lang)).text;
    expect(text.split("\n").slice(0, 2)).toEqual([heading, ""]);
    expect(text.split("\n")[2]).toMatch(lang === "en" ? /^You may qualify under \d+ item\(s\)/ : /^按目前回答，可能符合\d+项支持/);
  });
});
