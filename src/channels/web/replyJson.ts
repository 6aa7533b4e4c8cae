import type { Screening } from "../../engine/screening.js";
import type { Lang } from "../../i18n/lang.js";
import { describeFact, type InterviewContext } from "../../interview/index.js";
import type { Reply } from "../../conversation/index.js";
import { resultCard, type ResultCard } from "./resultCard.js";

type ResultReply = Extract<Reply, { type: "result" }>;

/** A reply on the wire: a result carries its card instead of the engine's evaluation. */
export type ReplyJson = Exclude<Reply, ResultReply> | (Omit<ResultReply, "evaluation"> & { card: ResultCard });

/** What a result card needs to name the questions behind unknown facts: the screening the result is of. */
export interface CardSource {
  lang: Lang;
  screening: Screening;
}

export function hasResult(replies: readonly Reply[]): boolean {
  return replies.some((reply) => reply.type === "result");
}

export function repliesJson(replies: readonly Reply[], interview: InterviewContext, source: CardSource | null): ReplyJson[] {
  return replies.map((reply) => {
    if (reply.type !== "result") return reply;
    const { evaluation, ...rest } = reply;
    const lang = source?.lang ?? "zh";
    const describe = describeFact({ bank: interview.bank, rules: interview.rules, screening: source?.screening ?? {} });
    return { ...rest, card: resultCard(evaluation, interview.rules, lang, describe) };
  });
}
