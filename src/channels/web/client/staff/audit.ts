/// <reference lib="dom" />
import { beijingDateTime } from "./format.js";
import { withoutEmpty } from "./route.js";
import { actionText, AUDIT_ACTIONS } from "./text.js";
import { button, dataTable, el, field, formQuery, input, pageHeading, select } from "./ui.js";
import type { PageBuilder, PageContext } from "./view.js";
import { auditSchema, type AuditEvents } from "./wire.js";

const FILTERS = ["name", "action", "from", "to"] as const;
/** Shown in their own columns; everything else an event carries goes to Details. */
const OWN_COLUMNS = new Set(["at", "name", "action", "ip"]);

/** The audit log, newest first, for admins (the server answers 403 to anyone else). */
export const auditPage: PageBuilder = async (context) => {
  const { api, route, t } = context;
  const query = route.page === "audit" ? route.query : new URLSearchParams();
  const filters = new URLSearchParams(FILTERS.map((name) => [name, query.get(name) ?? ""]));
  const asked = withoutEmpty(filters);
  const { events } = await api.get(`/audit${asked.size > 0 ? `?${asked}` : ""}`, auditSchema);
  const node = el("div", { className: "view audit" }, [pageHeading(t("auditTitle")), el("p", { className: "intro", text: t("auditIntro") }), filterForm(context, filters), eventTable(context, events)]);
  return { title: t("auditTitle"), node };
};

function filterForm(context: PageContext, filters: URLSearchParams): HTMLFormElement {
  const { t, lang } = context;
  const form = el("form", { className: "toolbar", attrs: { role: "search", "aria-label": t("filter") } }, [
    field(t("account"), input("name", "text", filters.get("name") ?? "", { maxlength: "64", autocomplete: "off" })),
    field(t("action"), select("action", [["", t("any")], ...AUDIT_ACTIONS.map((a): [string, string] => [a, actionText(lang, a)])], filters.get("action") ?? "")),
    field(t("from"), input("from", "date", filters.get("from") ?? "")),
    field(t("to"), input("to", "date", filters.get("to") ?? "")),
    el("div", { className: "actions" }, [button(t("filter"), undefined, "button primary"), button(t("clear"), () => context.go({ page: "audit", query: new URLSearchParams() }))]),
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    context.go({ page: "audit", query: withoutEmpty(formQuery(form)) });
  });
  return form;
}

function eventTable({ t, lang }: PageContext, events: AuditEvents): HTMLElement {
  if (events.length === 0) return el("p", { className: "empty", text: t("noEvents") });
  const details = (event: AuditEvents[number]) =>
    Object.entries(event)
      .filter(([key]) => !OWN_COLUMNS.has(key))
      .map(([key, value]) => `${key}: ${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`)
      .join("; ");
  const table = dataTable(
    t("auditTitle"),
    [{ label: t("at") }, { label: t("account") }, { label: t("action") }, { label: t("details") }, { label: t("address") }],
    events.map((e) => [beijingDateTime(e.at), e.name, actionText(lang, e.action), details(e) || "—", typeof e.ip === "string" ? e.ip : "—"]),
    { captionHidden: true },
  );
  table.dataset.table = "audit";
  return el("div", { className: "table-wrap" }, [table]);
}
