import { el, nextId } from "./common/dom.js";
import { text, type TextKey } from "./text.js";
import type { CardItem, Lang, ResultReply } from "./wire.js";

/**
 * The result as a card: the Article 16 total first, then each item that applies or could apply
 * (status, maximum, reasons, caps, what is missing, documents), the items that do not apply
 * folded away, the notes and the disclaimer. All wording comes from the server's `card`.
 */
export function renderResultCard(reply: ResultReply, lang: Lang): HTMLElement {
  const { card } = reply;
  const headingId = nextId("result");
  const open = card.items.filter((item) => item.status !== "not_eligible");
  const closed = card.items.filter((item) => item.status === "not_eligible");
  const section = el("section", { className: "card", attrs: { "aria-labelledby": headingId } }, [
    el("h2", { className: "card-title", text: text(lang, reply.final ? "cardFinal" : "cardInterim"), attrs: { id: headingId, tabindex: "-1" } }),
    el("p", { className: "card-total", text: card.totalText }),
  ]);
  if (open.length > 0) section.append(el("ul", { className: "items" }, open.map((item) => renderItem(item, lang))));
  const shared = sharedReason(closed);
  if (open.length === 0 && shared !== null) section.append(el("p", { className: "card-reason", text: shared }));
  if (closed.length > 0) {
    section.append(
      el("details", { className: "closed-items" }, [
        el("summary", { text: text(lang, "notEligibleItems", { n: closed.length }) }),
        el("ul", { className: "items" }, closed.map((item) => renderItem(item, lang))),
      ]),
    );
  }
  if (card.notes.length > 0) section.append(list("notes", card.notes, lang, "notes", "h3"));
  section.append(el("div", { className: "disclaimer" }, [el("h3", { text: text(lang, "disclaimer") }), el("p", { text: card.disclaimer })]));
  return section;
}

function renderItem(item: CardItem, lang: Lang): HTMLElement {
  const head = el("div", { className: "item-head" }, [el("h3", { className: "item-title", text: item.title }), el("span", { className: `badge ${item.status}`, text: item.statusText })]);
  const node = el("li", { className: `item ${item.status}`, attrs: { "data-item": item.id } }, [head]);
  if (item.amountText) node.append(el("p", { className: "item-amount", text: item.amountText }));
  if (item.countedText) node.append(el("p", { className: "item-counted", text: item.countedText }));
  const lists: [TextKey, string[]][] = [["reasons", item.reasons], ["caps", item.caps], ["missing", item.missing], ["documents", item.documents]];
  for (const [key, entries] of lists) if (entries.length > 0) node.append(list(key, entries, lang, key, "h4"));
  return node;
}

function list(heading: TextKey, entries: readonly string[], lang: Lang, className: string, level: "h3" | "h4"): HTMLElement {
  const id = nextId(className);
  return el("div", { className: `item-part ${className}` }, [
    el(level, { text: text(lang, heading), attrs: { id } }),
    el("ul", { attrs: { "aria-labelledby": id } }, entries.map((entry) => el("li", { text: entry }))),
  ]);
}

/** When nothing applies for one reason (outside Tongzhou, rules not in force), that reason, said once. */
function sharedReason(items: readonly CardItem[]): string | null {
  const first = items[0]?.reasons[0];
  return first !== undefined && items.every((item) => item.reasons[0] === first) ? first : null;
}
