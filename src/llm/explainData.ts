import type { CapUse, Evaluation, ItemOutcome, ItemStatus, Reason, TraceStep } from "../engine/outcome.js";
import { articleLabel } from "../i18n/articleLabel.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { partName } from "../result/renderCalculation.js";
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
  /** Present when only part of the item counts (Article 16 left a part out). */
  countedSupport?: string;
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
  const builder = new Builder(rules, lang, describe);
  const items = evaluation.items.map((item) => builder.item(item));
  const notes = evaluation.notes.map((note, i) => builder.note(note, i + 1));
  const view: ExplainView = { inForce: evaluation.inForce, asOf: builder.table.add(evaluation.asOf, "asOf"), summary: builder.summary(evaluation), items, notes };
  return { view, table: builder.table, statuses: builder.statuses, articleItems: builder.articleItems };
}

class Builder {
  readonly table = new PlaceholderTable();
  readonly statuses = new Map<string, ItemStatus>();
  readonly articleItems = new Map<string, Set<string>>();

  constructor(
    private readonly rules: CompiledRules,
    private readonly lang: Lang,
    private readonly describe: DescribeFact,
  ) {}

  item(item: ItemOutcome): ViewItem {
    const key = itemKey(item);
    this.statuses.set(key, item.status);
    const title = this.rules.byId.get(item.id)?.text.title[this.lang];
    const view: ViewItem = {
      key,
      name: this.table.add(itemHeading(item, this.rules, this.lang), "item", key),
      ...(title && !hasNumeral(title) ? { title } : {}),
      article: this.cite(item.id, key),
      status: item.status,
      reasons: item.reasons.map((reason, i) => this.reason(reason, key, i + 1)),
    };
    if (item.status === "eligible" && item.maxSupportFen !== null) {
      view.maxSupport = this.money(item.maxSupportFen, "amount", key);
      view.countedInTotal = item.counted;
      if (item.counted && item.countedSupportFen < item.maxSupportFen) view.countedSupport = this.money(item.countedSupportFen, "counted", key);
    }
    if (item.potentialMaxSupportFen !== null) view.potentialMaxSupport = this.money(item.potentialMaxSupportFen, "potential", key);
    if (item.ifConditionMetFen !== null) view.ifConditionMet = this.money(item.ifConditionMetFen, "ifMet", key);
    if (item.caps.length > 0) view.caps = this.caps(item.caps, key);
    if (item.trace.length > 0) view.trace = item.trace.map((step, i) => this.step(step, key, i + 1));
    if (item.missing.length > 0) {
      const questions = [...new Set(item.missing.map((path) => this.describe(path, this.lang)))];
      view.toDecide = questions.map((question, i) => this.wording(question, "question", key, i + 1));
    }
    return view;
  }

  note(note: Reason, n: number) {
    this.cite(note.cite);
    const text = renderNote(note, this.lang);
    const sentence = this.table.add(text, "note", n);
    return { text: hasNumeral(text) ? sentence : text, sentence };
  }

  summary(evaluation: Evaluation): ExplainView["summary"] {
    const count = (status: ItemStatus) => this.table.add(String(evaluation.items.filter((item) => item.status === status).length), "count", status);
    const open = evaluation.items.some((item) => item.status === "needs_info");
    return {
      eligibleItems: count("eligible"),
      undecidedItems: count("needs_info"),
      notEligibleItems: count("not_eligible"),
      total: this.money(evaluation.totalMaxSupportFen, "total"),
      ...(open ? { openPotential: this.money(evaluation.openPotentialFen, "open") } : {}),
    };
  }

  private reason(reason: Reason, key: string, n: number) {
    const sentence = this.table.add(renderReason(reason, this.lang), "reason", key, n);
    // Numeric parameters become placeholders of their own, so the reason still reads as words.
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(reason.params ?? {})) {
      params[name] = typeof value === "number" ? this.table.add(name.endsWith("Fen") ? formatYuan(value, this.lang) : String(value), "reason", key, n, name) : value;
    }
    const text = reasonText(reason.params ? { ...reason, params } : reason, this.lang);
    return { article: this.cite(reason.cite), text: hasNumeral(text) ? sentence : text, sentence };
  }

  private caps(caps: CapUse[], key: string): NonNullable<ViewItem["caps"]> {
    const seen = new Map<string, number>();
    return caps.map((cap) => {
      const n = (seen.get(cap.name) ?? 0) + 1;
      seen.set(cap.name, n);
      const name = n === 1 ? cap.name : `${cap.name}#${n}`;
      return {
        cap: cap.name,
        kind: cap.kind,
        limit: this.money(cap.limitFen, "cap", key, name),
        ...(cap.usedFen > 0 ? { alreadyReceived: this.money(cap.usedFen, "capUsed", key, name) } : {}),
        reducedTheAmount: cap.afterFen < cap.beforeFen,
        roomLeft: this.money(cap.roomAfterFen, "capRoom", key, name),
      };
    });
  }

  private step(step: TraceStep, key: string, n: number): Record<string, unknown> {
    const field = (fen: number, name: string) => this.money(fen, "trace", key, n, name);
    switch (step.kind) {
      case "fixed":
        return { kind: "fixed amount", amount: field(step.fen, "amount") };
      case "rate":
        return { kind: "rate", rate: this.table.add(`${step.percent}%`, "trace", key, n, "rate"), base: field(step.baseFen, "base"), result: field(step.valueFen, "result") };
      case "sum":
        return {
          kind: "sum",
          parts: step.parts.map((part, j) => {
            const label = partName(part.part, this.lang);
            return { ...(hasNumeral(label) ? {} : { label }), amount: field(part.fen, `part${j + 1}`) };
          }),
          result: field(step.totalFen, "result"),
        };
      case "cap":
        return { kind: "cap", limit: field(step.limitFen, "limit"), ...(step.usedFen > 0 ? { alreadyReceived: field(step.usedFen, "received") } : {}), result: field(step.afterFen, "result") };
      case "less_received":
        return { kind: "less amount already received", before: field(step.beforeFen, "before"), alreadyReceived: field(step.receivedFen, "received"), result: field(step.afterFen, "result") };
    }
  }

  /** Registers an Article cite ("8.2", "15,17") with each Article and clause in it; returns its placeholder. */
  private cite(article: string, item?: string): string {
    const parts = article.split(",");
    for (const part of new Set([article, ...parts, ...parts.map((clause) => clause.split(".")[0]!)])) {
      if (!this.articleItems.has(part)) this.articleItems.set(part, new Set());
      if (item !== undefined) this.articleItems.get(part)!.add(item);
      this.table.add(articleLabel(part, this.lang), "article", part);
    }
    return this.table.add(articleLabel(article, this.lang), "article", article);
  }

  private money(fen: number, kind: string, ...args: (string | number)[]): string {
    return this.table.add(formatYuan(fen, this.lang), kind, ...args);
  }

  /** The text itself when it is free of numerals, else a placeholder that stands for it. */
  private wording(text: string, kind: string, ...args: (string | number)[]): string {
    const token = this.table.add(text, kind, ...args);
    return hasNumeral(text) ? token : text;
  }
}
