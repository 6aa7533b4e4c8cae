/// <reference lib="dom" />
import { defaultPeriod } from "./format.js";
import { button, el, field, input, nextId } from "./ui.js";
import type { PageContext } from "./view.js";

export interface Period {
  from: string;
  to: string;
}

/** From and to (Beijing dates, both included), Show, and a way back to the last 30 days. */
export function periodForm({ t, say }: PageContext, period: Period, choose: (period: Period) => void): HTMLFormElement {
  const from = input("from", "date", period.from, { required: "" });
  const to = input("to", "date", period.to, { required: "" });
  const hint = el("p", { className: "hint", text: t("periodHint"), attrs: { id: nextId("hint") } });
  for (const date of [from, to]) date.setAttribute("aria-describedby", hint.id);
  const form = el("form", { className: "toolbar", attrs: { "aria-label": t("period") } }, [
    field(t("from"), from),
    field(t("to"), to),
    el("div", { className: "actions" }, [button(t("show"), undefined, "button primary"), button(t("last30"), () => choose(defaultPeriod()))]),
    hint,
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (from.value > to.value) {
      say(t("badPeriod"));
      from.focus();
      return;
    }
    choose({ from: from.value, to: to.value });
  });
  return form;
}
