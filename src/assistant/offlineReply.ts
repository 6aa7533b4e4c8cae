import type { FaqAnswer } from "../faq/answer.js";
import type { FaqReply } from "./assistant.js";

/** The offline answer as the assistant's reply. */
export function offlineReply(answer: FaqAnswer): FaqReply {
  switch (answer.kind) {
    case "answer":
      return { text: answer.answer, articles: answer.articles, source: answer.source };
    case "documents":
      return { text: answer.answer, articles: answer.articles, source: "faq" };
    case "how_much":
      return { text: answer.answer, articles: answer.articles, source: "how_much" };
    default:
      return { text: answer.answer, articles: [], source: "refusal" };
  }
}
