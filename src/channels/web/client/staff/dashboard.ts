/// <reference lib="dom" />
import { articleLabel } from "../../../../i18n/articleLabel.js";
import { axisText, baseOption, ChartSet, COLORS, type ChartOption } from "./charts.js";
import { defaultPeriod, money } from "./format.js";
import { periodForm } from "./periodForm.js";
import { channelText, type Lang } from "./text.js";
import { dataTable, el, pageHeading, section } from "./ui.js";
import type { PageBuilder, PageContext } from "./view.js";
import { dashboardSchema, type Dashboard } from "./wire.js";

const CHANNELS = ["web", "tg", "cli"] as const;
const CHANNEL_COLORS = { web: COLORS.blue, tg: COLORS.teal, cli: COLORS.purple } as const;

/** Screenings, results per Article, what applicants lack and what the FAQ misses, for a period of Beijing days. */
export const dashboardPage: PageBuilder = async (context) => {
  const { api, route, t } = context;
  const query = route.page === "dashboard" ? route.query : new URLSearchParams();
  const period = { ...defaultPeriod(), ...Object.fromEntries([...query].filter(([key, value]) => (key === "from" || key === "to") && value !== "")) };
  const data = await api.get(`/dashboard?${new URLSearchParams({ from: period.from, to: period.to })}`, dashboardSchema);
  const charts = new ChartSet();
  const node = el("div", { className: "view dashboard" }, [
    pageHeading(t("dashboardTitle")),
    periodForm(context, data.period, (chosen) => context.go({ page: "dashboard", query: new URLSearchParams({ ...chosen }) })),
    figures(context, data),
    el("p", { className: "note", text: t("yuanNote") }),
    ...daySections(context, data, charts),
    ...itemSections(context, data, charts),
    ...lackSections(context, data, charts),
  ]);
  return { title: t("dashboardTitle"), node, mounted: () => charts.draw(), dispose: () => charts.dispose() };
};

function figures({ t, lang }: PageContext, data: Dashboard): HTMLElement {
  const started = data.byDay.reduce((sum, day) => sum + day.started, 0);
  const finished = data.byDay.reduce((sum, day) => sum + day.finished, 0);
  const figure = (label: string, value: string, id: string) => el("div", { className: "figure" }, [el("dt", { text: label }), el("dd", { text: value, attrs: { "data-figure": id } })]);
  return el("dl", { className: "figures" }, [
    figure(t("startedTotal"), String(started), "started"),
    figure(t("finishedTotal"), String(finished), "finished"),
    figure(t("totalExposure"), money(data.totalFen, lang), "total"),
  ]);
}

function daySections({ t, lang }: PageContext, data: Dashboard, charts: ChartSet): HTMLElement[] {
  const days = data.byDay.map((d) => d.day.slice(5));
  const daily: ChartOption = {
    ...baseOption(),
    xAxis: { type: "category", data: days, axisLabel: axisText },
    yAxis: { type: "value", minInterval: 1, axisLabel: axisText },
    series: [
      { type: "bar", name: t("started"), data: data.byDay.map((d) => d.started), itemStyle: { color: COLORS.blue } },
      { type: "bar", name: t("finished"), data: data.byDay.map((d) => d.finished), itemStyle: { color: COLORS.green } },
    ],
  };
  const byChannel: ChartOption = {
    ...baseOption(),
    xAxis: { type: "category", data: days, axisLabel: axisText },
    yAxis: { type: "value", minInterval: 1, axisLabel: axisText },
    series: CHANNELS.map((channel) => ({ type: "bar" as const, stack: "channel", name: channelText(lang, channel), data: data.byDay.map((d) => d.byChannel[channel] ?? 0), itemStyle: { color: CHANNEL_COLORS[channel] } })),
  };
  const dayTable = dataTable(
    t("tableDays"),
    [{ label: t("day") }, { label: t("started"), numeric: true }, { label: t("finished"), numeric: true }, ...CHANNELS.map((c) => ({ label: channelText(lang, c), numeric: true }))],
    data.byDay.map((d) => [d.day, d.started, d.finished, ...CHANNELS.map((c) => d.byChannel[c] ?? 0)]),
  );
  dayTable.dataset.table = "days";
  return [section(t("sectionDays"), [pair(chart(t("chartDays"), charts.box(t("chartDays"), daily, 280)), chart(t("chartChannels"), charts.box(t("chartChannels"), byChannel, 280))), tableWrap(dayTable)])];
}

function itemSections({ t, lang }: PageContext, data: Dashboard, charts: ChartSet): HTMLElement[] {
  // Article 4 first, read top to bottom as in the rules.
  const labels = data.byItem.map((item) => itemLabel(item.id, item.title, lang));
  const horizontal = (option: ChartOption): ChartOption => ({
    ...baseOption(),
    yAxis: { type: "category", data: labels, inverse: true, axisLabel: { ...axisText, width: 250, overflow: "truncate" } },
    ...option,
  });
  const statuses: ChartOption = horizontal({
    xAxis: { type: "value", minInterval: 1, axisLabel: axisText },
    series: [
      { type: "bar", stack: "status", name: t("eligible"), data: data.byItem.map((i) => i.eligible), itemStyle: { color: COLORS.green } },
      { type: "bar", stack: "status", name: t("needs_info"), data: data.byItem.map((i) => i.needsInfo), itemStyle: { color: COLORS.amber } },
      { type: "bar", stack: "status", name: t("not_eligible"), data: data.byItem.map((i) => i.notEligible), itemStyle: { color: COLORS.grey } },
    ],
  });
  const sums: ChartOption = horizontal({
    legend: { show: false },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (value) => money(Math.round(Number(value) * 100), lang) },
    xAxis: { type: "value", axisLabel: { ...axisText, formatter: (value: number) => compactYuan(value, lang) } },
    series: [{ type: "bar", name: t("sumMax"), data: data.byItem.map((i) => i.sumMaxFen / 100), itemStyle: { color: COLORS.blue } }],
  });
  const height = Math.max(240, 36 * data.byItem.length + 60);
  const table = dataTable(
    t("tableItems"),
    [{ label: t("item") }, { label: t("eligible"), numeric: true }, { label: t("needs_info"), numeric: true }, { label: t("not_eligible"), numeric: true }, { label: t("sumMax"), numeric: true }],
    data.byItem.map((i, n) => [labels[n]!, i.eligible, i.needsInfo, i.notEligible, money(i.sumMaxFen, lang)]),
  );
  table.dataset.table = "items";
  return [section(t("sectionItems"), [pair(chart(t("chartItems"), charts.box(t("chartItems"), statuses, height)), chart(t("chartSums"), charts.box(t("chartSums"), sums, height))), tableWrap(table)])];
}

function lackSections({ t }: PageContext, data: Dashboard, charts: ChartSet): HTMLElement[] {
  const ranked = (title: string, key: string, rows: { label: string; count: number; cells: string[] }[], headers: string[], color: string, note?: string) => {
    const children: Node[] = note ? [el("p", { className: "note", text: note })] : [];
    if (rows.length === 0) return section(title, [...children, el("p", { className: "empty", text: t("none") })]);
    const option: ChartOption = {
      ...baseOption(),
      legend: { show: false },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      yAxis: { type: "category", data: rows.map((r) => r.label), inverse: true, axisLabel: { ...axisText, width: 220, overflow: "truncate" } },
      xAxis: { type: "value", minInterval: 1, axisLabel: axisText },
      series: [{ type: "bar", name: t("count"), data: rows.map((r) => r.count), itemStyle: { color }, barMaxWidth: 24 }],
    };
    const table = dataTable(t("tableOf", { chart: title }), [...headers.map((label) => ({ label })), { label: t("count"), numeric: true }], rows.map((r) => [...r.cells, r.count]));
    table.dataset.table = key;
    return section(title, [...children, charts.box(title, option, Math.max(160, 32 * rows.length + 24)), tableWrap(table)]);
  };
  return [
    el("div", { className: "section-pair" }, [
      ranked(t("chartMissing"), "missing", data.missingFacts.map((m) => ({ label: m.label, count: m.count, cells: [m.label] })), [t("fact")], COLORS.amber),
      ranked(t("chartNearMisses"), "near-misses", data.nearMisses.map((n) => ({ label: n.label, count: n.count, cells: [n.label] })), [t("condition")], COLORS.purple),
    ]),
    ranked(t("chartFaq"), "faq", data.faqGaps.map((g) => ({ label: g.question, count: g.count, cells: [g.question, t(`outcome_${g.outcome}`)] })), [t("question"), t("outcome")], COLORS.teal, t("chartFaqNote")),
  ];
}

/** An item as the rules name it, its Article first (the server's title may already start with it). */
function itemLabel(id: string, title: string, lang: Lang): string {
  const article = articleLabel(id, lang);
  return title.startsWith(article) ? title : `${article} ${title}`.trim();
}

/** Two charts side by side on a wide screen, one above the other on a narrow one. */
function pair(first: HTMLElement, second: HTMLElement): HTMLElement {
  return el("div", { className: "chart-pair" }, [first, second]);
}

/** A chart under its own heading, inside a section that holds the table of its numbers. */
function chart(title: string, box: HTMLElement): HTMLElement {
  return el("div", { className: "chart-block" }, [el("h3", { text: title }), box]);
}

/**
 * A chart's table in a box of bounded height that scrolls (a month of days is 30 rows). The box
 * takes focus so that keyboard users can scroll it too, and is named after its table.
 */
function tableWrap(table: HTMLTableElement): HTMLElement {
  const label = table.caption?.textContent ?? "";
  return el("div", { className: "table-wrap scroll", attrs: { tabindex: "0", role: "region", "aria-label": label } }, [table]);
}

/** Axis labels in the unit people read amounts in: 万 and 亿 in Chinese, k and m in English. */
function compactYuan(yuan: number, lang: Lang): string {
  if (lang === "zh") return yuan >= 1e8 ? `${yuan / 1e8}亿` : yuan >= 1e4 ? `${yuan / 1e4}万` : String(yuan);
  return yuan >= 1e6 ? `${yuan / 1e6}m` : yuan >= 1e3 ? `${yuan / 1e3}k` : String(yuan);
}
