import type { FaqAnswer } from "./answer.js";

/** An answer to a question about the rules, as the user gets it (offline or worded by an LLM). */
export interface FaqReply {
  text: string;
  /** Cited Articles, most relevant first. */
  articles: string[];
  source: "faq" | "article" | "llm" | "refusal" | "how_much";
}

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
