/// <reference lib="dom" />
import { el, nextId } from "../common/dom.js";

export { el, nextId };

export type Cell = string | number | Node;

export interface Column {
  label: string;
  /** Numbers are right-aligned so that digits line up. */
  numeric?: boolean;
}

/**
 * A table with a caption and column headers; the first cell of each row heads its row. The
 * charts' numbers are these tables, for screen readers and for copying into a spreadsheet.
 */
export function dataTable(caption: string, columns: readonly Column[], rows: readonly (readonly Cell[])[], options: { className?: string; captionHidden?: boolean } = {}): HTMLTableElement {
  const head = el("tr", {}, columns.map((column) => el("th", { text: column.label, attrs: { scope: "col" }, className: column.numeric ? "num" : "" })));
  const body = rows.map((row) =>
    el(
      "tr",
      {},
      row.map((cell, i) => {
        const options = { className: columns[i]?.numeric ? "num" : "", ...(i === 0 ? { attrs: { scope: "row" } } : {}) };
        const node = el(i === 0 ? "th" : "td", options);
        node.append(typeof cell === "number" ? String(cell) : cell);
        return node;
      }),
    ),
  );
  // A hidden caption still names the table for screen readers where a heading right above says the same to the eye.
  const captionNode = el("caption", { text: caption, className: options.captionHidden ? "visually-hidden" : "" });
  return el("table", { className: options.className ?? "data" }, [captionNode, el("thead", {}, [head]), el("tbody", {}, body)]);
}

/** A labelled form field; the label is a real <label for>, so a click or a screen reader finds the input. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  control.id ||= nextId("field");
  const parts: Node[] = [el("label", { text: label, attrs: { for: control.id } }), control];
  if (hint) {
    const hintId = nextId("hint");
    control.setAttribute("aria-describedby", hintId);
    parts.push(el("span", { className: "hint", text: hint, attrs: { id: hintId } }));
  }
  return el("div", { className: "field" }, parts);
}

export function input(name: string, type: string, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const node = el("input", { attrs: { name, type, ...attrs } });
  node.value = value;
  return node;
}

export function select(name: string, options: readonly [value: string, label: string][], value: string): HTMLSelectElement {
  const node = el("select", { attrs: { name } }, options.map(([v, label]) => el("option", { text: label, attrs: { value: v } })));
  node.value = value;
  return node;
}

export function button(label: string, onClick?: () => void, className = "button"): HTMLButtonElement {
  const node = el("button", { text: label, className, attrs: { type: onClick ? "button" : "submit" } });
  if (onClick) node.addEventListener("click", onClick);
  return node;
}

/** The page's heading, focused when the view opens so that keyboard and screen-reader users start there. */
export function pageHeading(textContent: string): HTMLHeadingElement {
  return el("h1", { text: textContent, className: "page-title", attrs: { tabindex: "-1" } });
}

/** A section with its own heading, named by it for assistive technology. */
export function section(title: string, children: readonly Node[], className = "panel"): HTMLElement {
  const id = nextId("section");
  return el("section", { className, attrs: { "aria-labelledby": id } }, [el("h2", { text: title, attrs: { id } }), ...children]);
}

/** The form's named fields as a query, trimmed (FormData's iterator is not in every WebView this builds for). */
export function formQuery(form: HTMLFormElement): URLSearchParams {
  const query = new URLSearchParams();
  form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]").forEach((control) => query.set(control.name, control.value.trim()));
  return query;
}
