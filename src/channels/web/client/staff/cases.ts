/// <reference lib="dom" />
import { ITEM_IDS } from "../../../../engine/ids.js";
import { articleLabel } from "../../../../i18n/articleLabel.js";
import { saveFile } from "../page.js";
import { beijingDateTime, money } from "./format.js";
import { withoutEmpty } from "./route.js";
import { channelText } from "./text.js";
import { button, dataTable, el, field, formQuery, input, pageHeading, select } from "./ui.js";
import type { PageBuilder, PageContext } from "./view.js";
import { casesSchema, type CaseList } from "./wire.js";

/** The filters of STAFF-CONTRACT.md, in the order the form shows them. */
const FILTERS = ["q", "from", "to", "item", "status"] as const;

/** Cases found by case id or company name, date, Article and status, a page at a time, and their export. */
export const casesPage: PageBuilder = async (context) => {
  const { api, route, t } = context;
  const query = route.page === "cases" ? route.query : new URLSearchParams();
  const filters = new URLSearchParams(FILTERS.map((name) => [name, query.get(name) ?? ""]));
  const page = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
  const asked = withoutEmpty(filters);
  if (page > 1) asked.set("page", String(page));
  const list = await api.get(`/cases?${asked}`, casesSchema);
  const node = el("div", { className: "view cases" }, [pageHeading(t("casesTitle")), filterForm(context, filters), exportBar(context, withoutEmpty(filters)), ...results(context, list, filters)]);
  return { title: t("casesTitle"), node };
};

function filterForm(context: PageContext, filters: URLSearchParams): HTMLFormElement {
  const { t, lang } = context;
  const q = input("q", "search", filters.get("q") ?? "", { maxlength: "100", autocomplete: "off" });
  const from = input("from", "date", filters.get("from") ?? "");
  const to = input("to", "date", filters.get("to") ?? "");
  const item = select("item", [["", t("any")], ...ITEM_IDS.map((id): [string, string] => [id, articleLabel(id, lang)])], filters.get("item") ?? "");
  const status = select("status", [["", t("any")], ["eligible", t("eligible")], ["needs_info", t("needs_info")], ["not_eligible", t("not_eligible")]], filters.get("status") ?? "");
  const form = el("form", { className: "toolbar", attrs: { role: "search", "aria-label": t("filter") } }, [
    field(t("search"), q),
    field(t("from"), from),
    field(t("to"), to),
    field(t("article"), item),
    field(t("status"), status),
    el("div", { className: "actions" }, [button(t("filter"), undefined, "button primary"), button(t("clear"), () => context.go({ page: "cases", query: new URLSearchParams() }))]),
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    context.go({ page: "cases", query: withoutEmpty(formQuery(form)) });
  });
  return form;
}

function exportBar({ api, t, act, say }: PageContext, filters: URLSearchParams): HTMLElement {
  const exportAs = (format: "csv" | "xlsx") => () =>
    act(async () => {
      const file = await api.download(`/export.${format}${filters.size > 0 ? `?${filters}` : ""}`, `cases.${format}`);
      saveFile(file.filename, file.blob);
      say(t("exported", { name: file.filename }));
    });
  // Every stored case, whatever the filter: what the rules this server runs would change in them.
  const recheck = () =>
    act(async () => {
      const file = await api.download("/recheck.csv", "recheck.csv");
      saveFile(file.filename, file.blob);
      say(t("exported", { name: file.filename }));
    });
  return el("div", { className: "actions export" }, [button(t("exportCsv"), exportAs("csv")), button(t("exportXlsx"), exportAs("xlsx")), button(t("recheckCsv"), recheck)]);
}

function results(context: PageContext, list: CaseList, filters: URLSearchParams): HTMLElement[] {
  const { t, lang } = context;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const count = el("p", { className: "count", text: t("casesCount", { total: list.total, page: list.page, pages }), attrs: { "data-total": String(list.total) } });
  if (list.cases.length === 0) return [count, el("p", { className: "empty", text: t("noCases") })];
  const table = dataTable(
    t("casesTitle"),
    [{ label: t("caseId") }, { label: t("company") }, { label: t("createdAt") }, { label: t("channel") }, { label: t("eligibleItems") }, { label: t("totalMax"), numeric: true }],
    list.cases.map((c) => [
      el("a", { text: c.caseId, attrs: { href: `#/cases/${encodeURIComponent(c.caseId)}` } }),
      c.name ?? "—",
      beijingDateTime(c.createdAt),
      channelText(lang, c.channel),
      c.items.filter((i) => i.status === "eligible").map((i) => articleLabel(i.id, lang)).join(lang === "zh" ? "、" : ", ") || "—",
      money(c.totalFen, lang),
    ]),
    { captionHidden: true },
  );
  table.dataset.table = "cases";
  const pager = (label: string, target: number, enabled: boolean) => {
    if (!enabled) return el("span", { className: "pager-off", text: label, attrs: { "aria-disabled": "true" } });
    const query = withoutEmpty(filters);
    query.set("page", String(target));
    return el("a", { className: "button", text: label, attrs: { href: `#/cases?${query}`, rel: target > list.page ? "next" : "prev" } });
  };
  const nav = el("nav", { className: "pager", attrs: { "aria-label": t("pagination") } }, [pager(t("previous"), list.page - 1, list.page > 1), el("span", { text: t("casesCount", { total: list.total, page: list.page, pages }) }), pager(t("next"), list.page + 1, list.page < pages)]);
  return [count, el("div", { className: "table-wrap" }, [table]), nav];
}
