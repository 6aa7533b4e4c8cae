import { formatYuanBoth, formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { resultScreen } from "../result/resultScreen.js";
import { parseKey, resolvePath } from "./buildScreening.js";
import type { InterviewEvent, OutMessage } from "./messages.js";
import type { Question, QuestionBank } from "./questionBank.js";
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
export function questionText(question: Question, index: number | null, ctx: RenderContext): string {
  const level = index !== null ? ctx.screening.recognitions?.[index]?.level : undefined;
  const label = level ? (ctx.bank.byId.get("recognitions")?.options?.find((o) => o.value === level)?.label[ctx.lang] ?? level) : "";
  return question.text[ctx.lang].replace("{n}", String((index ?? 0) + 1)).replace("{label}", label);
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

export function formatAnswer(question: Question, value: AnswerValue | null, lang: Lang): string {
  if (value === null) return t(lang, "summary.unknown");
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label[lang] ?? v;
  switch (question.type) {
    case "yes_no":
      return t(lang, value ? "interview.yes" : "interview.no");
    case "amount":
      return formatYuan(value as number, lang);
    case "count":
      return String(value);
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
          return ref ? `${n}. ${questionText(ref.question, ref.index, ctx)} — ${formatAnswer(ref.question, value, lang)}` : `${n}. ${key}`;
        })].join("\n"),
      );
    case "question":
      return renderQuestion(msg, ctx);
  }
}

function renderQuestion(msg: Extract<OutMessage, { type: "question" }>, ctx: RenderContext): Rendered {
  const { lang } = ctx;
  const { question, index } = parseKey(ctx.bank, msg.key)!;
  const text = [
    `${t(lang, "interview.progress", { n: msg.n, about: msg.about })} · ${t(lang, "interview.soFar", { soFarFen: msg.soFarFen })}`,
    "",
    questionText(question, index, ctx),
    t(lang, "interview.why", { why: question.why[lang] }),
    question.help[lang],
  ].join("\n");
  const at = { key: msg.key, turn: msg.turn };
  const dontKnow: Button = { label: t(lang, "interview.dontKnow"), event: { type: "skip" } };
  const nav: Button[] = [{ label: t(lang, "interview.back"), event: { type: "back" } }, { label: t(lang, "interview.resultButton"), event: { type: "result" } }];
  const options = (question.options ?? []).map((o) => ({ label: o.label[lang], ticked: msg.ticked.includes(o.value) }));
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
        buttons: [...(question.options ?? []).map((o) => [{ label: o.label[lang], event: { type: "answer", ...at, value: o.value } as InterviewEvent }]), [dontKnow], nav],
        typingHint: t(lang, "interview.choiceHint"),
      };
    case "amount":
    case "count":
      return { text, options: [], buttons: [[dontKnow], nav] };
    default:
      return {
        text, options, buttonHint: t(lang, "interview.multiHintButtons"),
        buttons: [
          ...(question.options ?? []).map((o) => [{ label: `${msg.ticked.includes(o.value) ? "☑" : "☐"} ${o.label[lang]}`, event: { type: "toggle", ...at, option: o.value } as InterviewEvent }]),
          [{ label: t(lang, "interview.doneButton"), event: { type: "done", ...at } }, dontKnow],
          nav,
        ],
        typingHint: t(lang, "interview.multiHint"),
      };
  }
}
