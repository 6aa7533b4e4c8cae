import { formatYuanBoth, formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { articleLabel } from "../i18n/articleLabel.js";
import { reasonText } from "../result/renderReason.js";
import { resultScreen } from "../result/resultScreen.js";
import { parseKey, resolvePath } from "./buildScreening.js";
import type { InterviewEvent, OutMessage } from "./messages.js";
import type { Question, QuestionBank, QuestionOption } from "./questionBank.js";
import type { AnswerValue } from "./state.js";
import type { Screening } from "../engine/screening.js";

export interface Button {
  label: string;
  event: InterviewEvent;
}

/** A message ready for a front end: text, options to number (terminal) and buttons (Telegram). */
export interface Rendered {
  text: string;
  /** Answer options, in order; a terminal numbers them, a chat shows them as buttons. */
  options: { label: string; ticked: boolean }[];
  buttons: Button[][];
  /** What a terminal user types to answer (buttons make it unnecessary in Telegram). */
  typingHint?: string;
  /** How to use the buttons, where that is not obvious (tick several, then Done). */
  buttonHint?: string;
}

export interface RenderContext {
  bank: QuestionBank;
  rules: CompiledRules;
  lang: Lang;
  /** The screening so far, to name per-entry questions ("project 2", "Beijing design center"). */
  screening: Screening;
}

/** The words of a question, with `{n}` (project number) and `{label}` (recognition) filled in. */
export function questionText(question: Question, index: number | null, ctx: RenderContext, members?: string): string {
  const label = question.each === "recognitions" && index !== null ? recognitionLabel(index, ctx) : "";
  const words = index !== null && index > 0 && question.textMore ? question.textMore : question.text;
  return words[ctx.lang]
    .replace("{n}", String((index ?? 0) + 1))
    .replace("{label}", label)
    .replace("{members}", members ?? t(ctx.lang, "interview.overlapMembers"));
}

/** The name of the recognition at `index` of the screening ("Beijing high-end design center"). */
function recognitionLabel(index: number, ctx: RenderContext): string {
  const level = ctx.screening.recognitions?.[index]?.level;
  return level ? (ctx.bank.byId.get("recognitions")?.options?.find((o) => o.value === level)?.label[ctx.lang] ?? level) : "";
}

/** An option's words, with the recognition an Article 16 option names filled in. */
export function optionLabel(option: QuestionOption, ctx: RenderContext): string {
  const index = option.member?.each === "recognitions" ? option.member.index : undefined;
  return option.label[ctx.lang].replace("{label}", index === undefined ? "" : recognitionLabel(index, ctx));
}

/** The question that fills a screening path, for "to decide it, answer: …" lines. */
export function describeFact(ctx: Omit<RenderContext, "lang">) {
  return (path: string, lang: Lang): string => {
    const index = /\[(\d+)\]/.exec(path)?.[1];
    // The topic picker fills many facts at once: name the specific question instead.
    const specificFirst = [...ctx.bank.questions].sort((a, b) => Number(a.type === "topics") - Number(b.type === "topics"));
    for (const question of specificFirst) {
      const i = question.each && index !== undefined ? Number(index) : null;
      if (question.paths.some((p) => resolvePath(p, i) === path)) return questionText(question, i, { ...ctx, lang });
    }
    return path;
  };
}

export function formatAnswer(question: Question, value: AnswerValue | null, lang: Lang, ctx?: RenderContext): string {
  if (value === null) return t(lang, "summary.unknown");
  const label = (v: string) => {
    const option = question.options?.find((o) => o.value === v);
    if (!option) return v;
    return ctx ? optionLabel(option, { ...ctx, lang }) : option.label[lang];
  };
  switch (question.type) {
    case "yes_no":
      return t(lang, value ? "interview.yes" : "interview.no");
    case "amount":
      return formatYuan(value as number, lang);
    case "count":
      return String(value);
    case "text":
      return value as string;
    case "single":
      return label(value as string);
    default:
      return (value as string[]).length === 0 ? t(lang, "summary.none") : (value as string[]).map(label).join(lang === "en" ? ", " : "、");
  }
}

export function renderMessage(msg: OutMessage, ctx: RenderContext): Rendered {
  const { lang } = ctx;
  const plain = (text: string): Rendered => ({ text, options: [], buttons: [] });
  switch (msg.type) {
    case "notice":
      return plain(t(lang, msg.key, msg.params));
    case "confirm_amount":
      return {
        text: t(lang, "interview.confirmAmount", { amount: formatYuanBoth(msg.fen) }),
        options: [],
        buttons: [[
          { label: t(lang, "interview.confirmYes"), event: { type: "confirm", key: msg.key, turn: msg.turn, yes: true } },
          { label: t(lang, "interview.confirmNo"), event: { type: "confirm", key: msg.key, turn: msg.turn, yes: false } },
        ]],
        typingHint: `${t(lang, "interview.yes")} / ${t(lang, "interview.no")}`,
      };
    case "result":
      return plain(`${t(lang, msg.final ? "screen.final" : "screen.interim")}\n\n${resultScreen(msg.evaluation, ctx.rules, lang, describeFact(ctx))}`);
    case "summary":
      if (msg.entries.length === 0) return plain(t(lang, "summary.empty"));
      return plain(
        [t(lang, "summary.title"), ...msg.entries.map(({ n, key, value }) => {
          const ref = parseKey(ctx.bank, key);
          return ref ? `${n}. ${questionText(ref.question, ref.index, ctx)} — ${formatAnswer(ref.question, value, lang, ctx)}` : `${n}. ${key}`;
        })].join("\n"),
      );
    case "question":
      return renderQuestion(msg, ctx);
    case "help":
      return plain(helpText(msg.key, ctx));
    case "faq":
      return plain(t(lang, "interview.faqForwarded"));
    case "excluded":
      return plain(t(lang, "interview.excluded", { articles: articleLabel(msg.items.join(","), lang), reason: reasonText(msg.reason, lang) }));
  }
}

/** How to answer the question `key`, and the commands that work at any time. */
function helpText(key: string, ctx: RenderContext): string {
  const { lang } = ctx;
  const ref = parseKey(ctx.bank, key);
  const how: Record<Question["type"], string> = {
    yes_no: `${t(lang, "interview.yes")} / ${t(lang, "interview.no")} / ${t(lang, "interview.dontKnow")}`,
    single: t(lang, "interview.choiceHint"),
    multi: t(lang, "interview.multiHint"),
    topics: t(lang, "interview.multiHint"),
    recognitions: t(lang, "interview.multiHint"),
    amount: t(lang, "interview.amountHint"),
    count: t(lang, "interview.countHint"),
    text: t(lang, "interview.textHint"),
    overlaps: t(lang, "interview.overlapHint"),
  };
  const lines = [t(lang, "interview.helpTitle")];
  if (ref) lines.push(t(lang, "interview.helpHow", { how: how[ref.question.type] }));
  lines.push(t(lang, "interview.helpCommands"));
  return lines.join("\n");
}

function renderQuestion(msg: Extract<OutMessage, { type: "question" }>, ctx: RenderContext): Rendered {
  const { lang } = ctx;
  const { question, index } = parseKey(ctx.bank, msg.key)!;
  const offered = (question.options ?? []).filter((o) => msg.options.includes(o.value));
  const members = offered.filter((o) => o.member).map((o) => optionLabel(o, ctx)).join(lang === "en" ? "; " : "；");
  const text = [
    `${msg.about === null ? t(lang, "interview.progressOpening", { n: msg.n }) : t(lang, "interview.progress", { n: msg.n, about: msg.about })} · ${t(lang, "interview.soFar", { soFarFen: msg.soFarFen })}`,
    "",
    questionText(question, index, ctx, members),
    t(lang, "interview.why", { why: question.why[lang] }),
    question.help[lang],
  ].join("\n");
  const at = { key: msg.key, turn: msg.turn };
  const dontKnow: Button = { label: t(lang, "interview.dontKnow"), event: { type: "skip" } };
  const nav: Button[] = [{ label: t(lang, "interview.back"), event: { type: "back" } }, { label: t(lang, "interview.resultButton"), event: { type: "result" } }];
  const options = offered.map((o) => ({ label: optionLabel(o, ctx), ticked: msg.ticked.includes(o.value) }));
  switch (question.type) {
    case "yes_no":
      return {
        text, options: [],
        buttons: [[{ label: t(lang, "interview.yes"), event: { type: "answer", ...at, value: true } }, { label: t(lang, "interview.no"), event: { type: "answer", ...at, value: false } }, dontKnow], nav],
        typingHint: `${t(lang, "interview.yes")} / ${t(lang, "interview.no")} / ${t(lang, "interview.dontKnow")}`,
      };
    case "single":
      return {
        text, options,
        buttons: [...offered.map((o) => [{ label: o.label[lang], event: { type: "answer", ...at, value: o.value } as InterviewEvent }]), [dontKnow], nav],
        typingHint: t(lang, "interview.choiceHint"),
      };
    case "amount":
    case "count":
      return { text, options: [], buttons: [[dontKnow], nav] };
    case "text":
      return { text, options: [], buttons: [[{ label: t(lang, "interview.skip"), event: { type: "skip" } }], nav], typingHint: t(lang, "interview.textHint") };
    default:
      return {
        text, options, buttonHint: t(lang, "interview.multiHintButtons"),
        buttons: [
          ...offered.map((o) => [{ label: `${msg.ticked.includes(o.value) ? "☑" : "☐"} ${optionLabel(o, ctx)}`, event: { type: "toggle", ...at, option: o.value } as InterviewEvent }]),
          [{ label: t(lang, "interview.doneButton"), event: { type: "done", ...at } }, dontKnow],
          nav,
        ],
        typingHint: t(lang, question.type === "overlaps" ? "interview.overlapHint" : "interview.multiHint"),
      };
  }
}
