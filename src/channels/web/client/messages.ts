import { renderChoices, type Press } from "./choices.js";
import { el, nextId } from "./common/dom.js";
import { renderResultCard } from "./resultCard.js";
import { text } from "./text.js";
import type { Lang, QuestionReply, WireReply } from "./wire.js";

export interface RenderContext {
  lang: Lang;
  press: Press;
  /** Saves a document reply (the report typed as /report) as a file. */
  save: (filename: string, mediaType: string, content: string) => void;
}

/** One reply of the assistant as an element of the conversation log. */
export function renderReply(reply: WireReply, ctx: RenderContext): HTMLElement {
  switch (reply.type) {
    case "notice":
      return el("p", { className: "notice", text: reply.text });
    case "message":
      return bubble([el("p", { className: "text", text: reply.text }), ...(reply.choices ? [renderChoices(reply.choices, ctx.press)] : [])]);
    case "question":
      return renderQuestion(reply, ctx);
    case "result": {
      const node = bubble([renderResultCard(reply, ctx.lang), ...(reply.choices ? [renderChoices(reply.choices, ctx.press)] : [])], "result");
      node.dataset.final = String(reply.final);
      return node;
    }
    case "document": {
      const save = el("button", { className: "choice option", text: text(ctx.lang, "download"), attrs: { type: "button" } });
      save.addEventListener("click", () => ctx.save(reply.filename, reply.mediaType, reply.content));
      return bubble([el("p", { className: "text", text: reply.caption }), el("div", { className: "choices" }, [save])]);
    }
  }
}

/** What the user said or chose, echoed into the log. */
export function renderUserMessage(said: string, lang: Lang): HTMLElement {
  return el("div", { className: "msg user" }, [el("span", { className: "visually-hidden", text: `${text(lang, "you")}: ` }), el("span", { text: said })]);
}

function bubble(children: Node[], kind = ""): HTMLElement {
  return el("div", { className: `msg bot ${kind}`.trim() }, children);
}

/**
 * A question: its progress line, the question itself as a heading (focus and screen-reader
 * navigation land on it), why it is asked, and its buttons grouped under its name.
 */
function renderQuestion(reply: QuestionReply, ctx: RenderContext): HTMLElement {
  const { progress, question, details } = splitQuestion(reply);
  const headingId = nextId("q");
  const parts: Node[] = [];
  if (progress) parts.push(el("p", { className: "progress", text: progress }));
  parts.push(el("h2", { className: "question-text", text: question, attrs: { id: headingId, tabindex: "-1" } }));
  if (details) parts.push(el("p", { className: "details", text: details }));
  parts.push(renderChoices(reply.choices, ctx.press, reply.question, headingId));
  const node = bubble(parts, "question");
  node.dataset.key = reply.question.key;
  node.dataset.turn = String(reply.question.turn);
  node.dataset.answer = reply.question.answer;
  return node;
}

/**
 * The interview writes a question as "progress\n\nquestion\nwhy\nhelp"; shown apart, the
 * question stands out. Any other shape (a confirmation) is shown whole as the question.
 */
function splitQuestion(reply: QuestionReply): { progress: string | null; question: string; details: string | null } {
  const lines = reply.text.split("\n");
  if (reply.question.answer === "confirm" || lines.length < 3 || lines[1] !== "") return { progress: null, question: reply.text, details: null };
  const details = lines.slice(3).join("\n").trim();
  return { progress: lines[0]!, question: lines[2]!, details: details === "" ? null : details };
}
