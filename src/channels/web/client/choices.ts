import { el } from "./common/dom.js";
import type { QuestionReply, WireChoice } from "./wire.js";

/** What a button press needs: the choice, and the button (to echo its label, to keep focus). */
export type Press = (choice: WireChoice, button: HTMLButtonElement) => void;

/** Interview buttons belong to one question and one turn; once the next one is shown they are disabled. */
export const isInterviewChoice = (choice: WireChoice): boolean => "turn" in choice.action;

/** The rows of buttons under a message. Multi-select options get a tick (aria-pressed) instead of the ☑/☐ in their label. */
export function renderChoices(rows: readonly WireChoice[][], press: Press, question?: QuestionReply["question"], labelledBy?: string): HTMLElement {
  const group = el("div", { className: "choices", attrs: { role: "group", ...(labelledBy ? { "aria-labelledby": labelledBy } : {}) } });
  let toggleIndex = 0;
  for (const row of rows) {
    const line = el("div", { className: row.length > 1 ? "choice-row" : "choice-row single" });
    for (const choice of row) {
      const option = choice.action.kind === "toggle" ? question?.options[toggleIndex++] : undefined;
      line.append(renderButton(choice, press, option));
    }
    group.append(line);
  }
  return group;
}

function renderButton(choice: WireChoice, press: Press, option?: { label: string; ticked: boolean }): HTMLButtonElement {
  const button = el("button", { className: `choice ${styleOf(choice)}`, text: option ? option.label : choice.label, attrs: { type: "button" } });
  if (option) button.setAttribute("aria-pressed", String(option.ticked));
  if (isInterviewChoice(choice)) button.dataset.interview = "";
  button.addEventListener("click", () => press(choice, button));
  return button;
}

function styleOf(choice: WireChoice): string {
  const { action } = choice;
  if (action.kind === "done") return "primary";
  if (action.kind === "toggle") return "toggle";
  if (action.kind === "move") return "secondary";
  return "option";
}

/** The ticks of a multi-select question shown again after a toggle: updated where they are, so focus stays on the button pressed. */
export function updateTicks(group: HTMLElement, question: QuestionReply["question"]): void {
  group.querySelectorAll<HTMLButtonElement>("button[aria-pressed]").forEach((button, i) => {
    const option = question.options[i];
    if (option) button.setAttribute("aria-pressed", String(option.ticked));
  });
}
