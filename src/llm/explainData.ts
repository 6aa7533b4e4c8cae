import type { CapUse, Evaluation, ItemOutcome, ItemStatus, Reason, TraceStep } from "../engine/outcome.js";
import { articleLabel } from "../i18n/articleLabel.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { reasonText, renderNote, renderReason } from "../result/renderReason.js";
import type { DescribeFact } from "../result/resultScreen.js";
import { itemHeading } from "../result/summaryText.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { findNumerals } from "./numerals.js";
import { PlaceholderTable, stripPlaceholders } from "./placeholders.js";

/**
 * What the model sees of a result: its structure and wording, with every figure (amount, count,
 * rate, date, Article number) replaced by a placeholder; and the table that fills them back in.
 * Texts that carry a numeral of their own (a question such as "… (0 if none)") are placeholders
 * too, so the model never has a figure to copy.
 */
export interface ExplainData {
  view: ExplainView;
  table: PlaceholderTable;
  /** Status of each item by its key ("6", "8.2", "11#1" for Article 11's first project). */
  statuses: ReadonlyMap<string, ItemStatus>;
  /** Item keys under each Article cite, so a sentence citing an Article is about those items. */
  articleItems: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface ExplainView {
  inForce: boolean;
  asOf: string;
  summary: { eligibleItems: string; undecidedItems: string; notEligibleItems: string; total: string; openPotential?: string };
  items: ViewItem[];
  notes: { text: string; sentence: string }[];
}

interface ViewItem {
  key: string;
  name: string;
  title?: string;
  article: string;
  status: ItemStatus;
  maxSupport?: string;
  countedInTotal?: boolean;
  potentialMaxSupport?: string;
  ifConditionMet?: string;
  reasons: { article: string; text: string; sentence: string }[];
  caps?: { cap: string; kind: string; limit: string; alreadyReceived?: string; reducedTheAmount: boolean; roomLeft: string }[];
  trace?: Record<string, unknown>[];
  toDecide?: string[];
}

/** Article 11 has one item per project: the project's number tells them apart. */
export function itemKey(item: ItemOutcome): string {
  return item.project ? `${item.id}#${item.project.index}` : item.id;
}

const hasNumeral = (text: string) => findNumerals(stripPlaceholders(text)).length > 0;

export function buildExplainData(evaluation: Evaluation, rules: CompiledRules, lang: Lang, describe: DescribeFact): ExplainData {
  const table = new PlaceholderTable();
  const money = (fen: number, kind: string, ...args: (string | number)[]) => table.add(formatYuan(fen, lang), kind, ...args);
  /** The text itself when it is free of numerals, else a placeholder that stands for it. */
  const wording = (text: string, kind: string, ...args: (string | number)[]) => {
    const token = table.add(text, kind, ...args);
    return hasNumeral(text) ? token : text;
  };
  const articleItems = new Map<string, Set<string>>();
  /** Registers an Article cite ("8.2", "15,17") with each Article and clause in it; returns its placeholder. */
  const cite = (article: string, item?: string) => {
    for (const part of new Set([article, ...article.split(","), ...article.split(",").map((c) => c.split(".")[0]!)])) {
      if (!articleItems.has(part)) articleItems.set(part, new Set());
      if (item !== undefined) articleItems.get(part)!.add(item);
      table.add(articleLabel(part, lang), "article", part);
    }
    return table.add(articleLabel(article, lang), "article", article);
  };
  const count = (status: ItemStatus) => table.add(String(evaluation.items.filter((item) => item.status === status).length), "count", status);
  const statuses = new Map<string, ItemStatus>();

  const items = evaluation.items.map((item): ViewItem => {
    const key = itemKey(item);
    statuses.set(key, item.status);
    const article = cite(item.id, key);
    const title = rules.byId.get(item.id)?.text.title[lang];
    const view: ViewItem = {
      key,
      name: table.add(itemHeading(item, rules, lang), "item", key),
      ...(title && !hasNumeral(title) ? { title } : {}),
      article,
      status: item.status,
      reasons: item.reasons.map((reason, i) => viewReason(reason, key, i + 1)),
    };
    if (item.status === "eligible" && item.maxSupportFen !== null) {
      view.maxSupport = money(item.maxSupportFen, "amount", key);
      view.countedInTotal = item.counted;
    }
    if (item.potentialMaxSupportFen !== null) view.potentialMaxSupport = money(item.potentialMaxSupportFen, "potential", key);
    if (item.ifConditionMetFen !== null) view.ifConditionMet = money(item.ifConditionMetFen, "ifMet", key);
    if (item.caps.length > 0) view.caps = viewCaps(item.caps, key);
    if (item.trace.length > 0) view.trace = item.trace.map((step, i) => viewStep(step, key, i + 1));
    if (item.missing.length > 0) {
      const questions = [...new Set(item.missing.map((path) => describe(path, lang)))];
      view.toDecide = questions.map((question, i) => wording(question, "question", key, i + 1));
    }
    return view;
  });

  function viewReason(reason: Reason, key: string, n: number) {
    const sentence = table.add(renderReason(reason, lang), "reason", key, n);
    // Numeric parameters become placeholders of their own, so the reason still reads as words.
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(reason.params ?? {})) {
      params[name] = typeof value === "number" ? table.add(name.endsWith("Fen") ? formatYuan(value, lang) : String(value), "reason", key, n, name) : value;
    }
    const text = reasonText(reason.params ? { ...reason, params } : reason, lang);
    return { article: cite(reason.cite), text: hasNumeral(text) ? sentence : text, sentence };
  }

  function viewCaps(caps: CapUse[], key: string) {
    const seen = new Map<string, number>();
    return caps.map((cap) => {
      const n = (seen.get(cap.name) ?? 0) + 1;
      seen.set(cap.name, n);
      const name = n === 1 ? cap.name : `${cap.name}#${n}`;
      return {
        cap: cap.name,
        kind: cap.kind,
        limit: money(cap.limitFen, "cap", key, name),
        ...(cap.usedFen > 0 ? { alreadyReceived: money(cap.usedFen, "capUsed", key, name) } : {}),
        reducedTheAmount: cap.afterFen < cap.beforeFen,
        roomLeft: money(cap.roomAfterFen, "capRoom", key, name),
      };
    });
  }

  function viewStep(step: TraceStep, key: string, n: number): Record<string, unknown> {
    const field = (fen: number, name: string) => money(fen, "trace", key, n, name);
    switch (step.kind) {
      case "fixed":
        return { kind: "fixed amount", amount: field(step.fen, "amount") };
      case "rate":
        return { kind: "rate", rate: table.add(`${step.percent}%`, "trace", key, n, "rate"), base: field(step.baseFen, "base"), result: field(step.valueFen, "result") };
      case "sum":
        return {
          kind: "sum",
          parts: step.parts.map((part, j) => ({ ...(hasNumeral(part.label) ? {} : { label: part.label }), amount: field(part.fen, `part${j + 1}`) })),
          result: field(step.totalFen, "result"),
        };
      case "cap":
        return { kind: "cap", limit: field(step.limitFen, "limit"), ...(step.usedFen > 0 ? { alreadyReceived: field(step.usedFen, "received") } : {}), result: field(step.afterFen, "result") };
      case "less_received":
        return { kind: "less amount already received", before: field(step.beforeFen, "before"), alreadyReceived: field(step.receivedFen, "received"), result: field(step.afterFen, "result") };
    }
  }

  const notes = evaluation.notes.map((note, i) => {
    cite(note.cite);
    const text = renderNote(note, lang);
    const sentence = table.add(text, "note", i + 1);
    return { text: hasNumeral(text) ? sentence : text, sentence };
  });
  const open = evaluation.items.some((item) => item.status === "needs_info");
  const view: ExplainView = {
    inForce: evaluation.inForce,
    asOf: table.add(evaluation.asOf, "asOf"),
    summary: {
      eligibleItems: count("eligible"),
      undecidedItems: count("needs_info"),
      notEligibleItems: count("not_eligible"),
      total: money(evaluation.totalMaxSupportFen, "total"),
      ...(open ? { openPotential: money(evaluation.openPotentialFen, "open") } : {}),
    },
    items,
    notes,
  };
  return { view, table, statuses, articleItems };
}
