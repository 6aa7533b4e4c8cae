import type { Lang } from "../i18n/lang.js";
import type { InterviewEvent } from "./messages.js";

/** Typed words a person uses for yes, no and "don't know", in both languages (full-width folded). */
const YES = new Set(["y", "yes", "yeah", "yep", "true", "correct", "ok", "okay", "是", "是的", "对", "对的", "有", "确认", "正确", "好", "好的", "嗯"]);
const NO = new Set(["n", "no", "nope", "false", "否", "不是", "没有", "无", "不", "不对", "没", "错"]);
const DONT_KNOW = new Set(["?", "dont know", "don't know", "do not know", "not sure", "unknown", "idk", "skip", "不知道", "不清楚", "不确定", "跳过", "不晓得"]);
const NONE = new Set(["0", "none", "nothing", "no", "none of these", "无", "没有", "都没有", "什么都没有", "啥都没有", "以上都没有", "以上都不是", "都不是"]);

/** Folds full-width forms and case so "ＹＥＳ" and "yes" read alike. */
export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .trim()
    .toLowerCase()
    .replace(/[.!。！]+$/u, "")
    .replace(/\s+/g, " ");
}

export type YesNo = boolean | "dont_know" | null;

export function parseYesNo(text: string): YesNo {
  const t = normalise(text);
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  if (DONT_KNOW.has(t)) return "dont_know";
  return null;
}

export function isDontKnow(text: string): boolean {
  return DONT_KNOW.has(normalise(text));
}

/** "2" or an option's label or value; returns the 0-based option index. */
export function parseChoice(text: string, labels: readonly string[], values: readonly string[]): number | null {
  const t = normalise(text);
  if (/^\d{1,3}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= labels.length ? n - 1 : null;
  }
  const byLabel = labels.findIndex((label) => normalise(label) === t);
  if (byLabel >= 0) return byLabel;
  const byValue = values.findIndex((value) => value.toLowerCase() === t);
  return byValue >= 0 ? byValue : null;
}

/** "1,3 5" / "1、3" → 0-based indexes; "none" → []; null when any part is not an option. */
export function parseChoices(text: string, labels: readonly string[], values: readonly string[]): number[] | null {
  const t = normalise(text);
  if (NONE.has(t)) return [];
  const parts = t.split(/[,，、;；\s]+/).filter((part) => part !== "");
  if (parts.length === 0) return null;
  const picked: number[] = [];
  for (const part of parts) {
    const index = parseChoice(part, labels, values);
    if (index === null) return null;
    if (!picked.includes(index)) picked.push(index);
  }
  return picked;
}

const COMMANDS: Record<string, InterviewEvent> = {
  back: { type: "back" }, undo: { type: "back" }, "返回": { type: "back" }, "上一步": { type: "back" }, "撤销": { type: "back" },
  result: { type: "result" }, results: { type: "result" }, "结果": { type: "result" }, "查看结果": { type: "result" },
  restart: { type: "restart" }, "重新开始": { type: "restart" }, "重来": { type: "restart" },
  summary: { type: "summary" }, answers: { type: "summary" }, edit: { type: "summary" }, "我的回答": { type: "summary" }, "修改": { type: "summary" },
  "中文": { type: "lang", lang: "zh" }, english: { type: "lang", lang: "en" },
};

/** Interview commands typed as words: back, skip, result, restart, summary, edit N, lang zh|en. */
export function parseCommand(text: string): InterviewEvent | null {
  const t = normalise(text).replace(/^\//, "");
  const direct = COMMANDS[t];
  if (direct) return direct;
  const edit = /^(?:edit|修改)\s*(\d{1,3})$/.exec(t);
  if (edit) return { type: "edit", n: Number(edit[1]) };
  const lang = /^(?:lang|language|语言)\s+(zh|en)$/.exec(t);
  if (lang) return { type: "lang", lang: lang[1] as Lang };
  if (t === "skip" || t === "跳过") return { type: "skip" };
  return null;
}
