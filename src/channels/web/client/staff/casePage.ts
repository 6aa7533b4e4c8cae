/// <reference lib="dom" />
import { articleLabel } from "../../../../i18n/articleLabel.js";
import { saveFile } from "../page.js";
import { API } from "./api.js";
import { answerText, beijingDateTime, flattenAnswers, money } from "./format.js";
import { channelText, statusText } from "./text.js";
import { button, dataTable, el, pageHeading, section } from "./ui.js";
import type { PageBuilder, PageContext } from "./view.js";
import { caseSchema, type CaseView } from "./wire.js";

/** One case: when and where, the result with its rules version, the stored answers and the report. */
export const casePage: PageBuilder = async (context) => {
  const { api, route, t } = context;
  const caseId = route.page === "case" ? route.caseId : "";
  const view = await api.get(`/cases/${encodeURIComponent(caseId)}`, caseSchema);
  const title = t("caseTitle", { caseId: view.record.caseId });
  const children: Node[] = [el("a", { className: "back", text: t("backToCases"), attrs: { href: "#/cases" } }), pageHeading(title)];
  if (view.currentRulesDiffer) children.push(el("p", { className: "callout", text: t("rulesDiffer", { version: view.rulesVersion }), attrs: { "data-rules-differ": "true" } }));
  children.push(about(context, view), result(context, view), report(context, view), answers(context, view));
  return { title, node: el("div", { className: "view case" }, children) };
};

function about({ t, lang }: PageContext, { record, rulesVersion }: CaseView): HTMLElement {
  const channel = record.conversationId?.split(":")[0] ?? "";
  const rows: [string, string][] = [
    [t("caseId"), record.caseId],
    [t("createdAt"), beijingDateTime(record.createdAt)],
    [t("channel"), channelText(lang, channel)],
    [t("asOf"), record.asOf],
    [t("rulesVersion"), rulesVersion],
    [t("totalMax"), money(record.totalMaxSupportFen, lang)],
  ];
  return section(t("caseFacts"), [el("dl", { className: "facts" }, rows.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]))]);
}

function result({ t, lang }: PageContext, { record, resultText }: CaseView): HTMLElement {
  const table = dataTable(
    t("result"),
    [{ label: t("article") }, { label: t("status") }, { label: t("maxSupport"), numeric: true }, { label: t("counted"), numeric: true }],
    record.items.map((item) => [
      articleLabel(item.id, lang),
      el("span", { className: `status ${item.status}`, text: statusText(lang, item.status) }),
      item.maxSupportFen === null ? "—" : money(item.maxSupportFen, lang),
      item.status === "eligible" ? money(item.countedSupportFen ?? (item.counted ? (item.maxSupportFen ?? 0) : 0), lang) : "—",
    ]),
    { captionHidden: true },
  );
  table.dataset.table = "result";
  return section(t("result"), [el("div", { className: "table-wrap" }, [table]), el("h3", { text: t("resultText") }), el("div", { className: "result-text", text: resultText })]);
}

function report({ api, t, act, say }: PageContext, { record }: CaseView): HTMLElement {
  const path = `/cases/${encodeURIComponent(record.caseId)}/report`;
  const download = () =>
    act(async () => {
      const file = await api.download(path, `${record.caseId}.html`);
      saveFile(file.filename, file.blob);
      say(t("exported", { name: file.filename }));
    });
  return section(t("report"), [
    el("div", { className: "actions" }, [el("a", { className: "button", text: t("openReport"), attrs: { href: API + path, target: "_blank", rel: "noopener" } }), button(t("downloadReport"), download)]),
  ]);
}

function answers({ t, lang }: PageContext, { record }: CaseView): HTMLElement {
  const rows = flattenAnswers(record.screening).map(([path, value]) => [path, answerText(value, lang)]);
  const table = dataTable(t("answers"), [{ label: t("field") }, { label: t("answer") }], rows, { className: "data answers", captionHidden: true });
  table.dataset.table = "answers";
  return section(t("answers"), [el("div", { className: "table-wrap" }, [table])]);
}
