import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { ItemId } from "../../src/engine/screening.js";
import { parseScreening } from "../../src/engine/screening.js";
import type { Lang } from "../../src/i18n/lang.js";
import { documentEntries, documentsToPrepare } from "../../src/result/documents.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";

function outcomes(input: object) {
  const rules = loadRules();
  const parsed = parseScreening({ ...NOTHING_TO_CLAIM, ...input });
  if (!parsed.ok) throw new Error("invalid test screening");
  return { rules, items: evaluate(parsed.value, rules, NOTHING_TO_CLAIM.asOf!).items };
}
const documentsOf = (rules: ReturnType<typeof loadRules>, id: ItemId, lang: Lang) => rules.byId.get(id)!.text.documents[lang];

describe("documents to prepare", () => {
  it("lists nothing when no item is eligible or open", () => {
    const { rules, items } = outcomes({});
    expect(documentsToPrepare(items, rules, "en")).toEqual({ common: [], byItem: [] });
    expect(documentEntries(items, rules, "en")).toEqual([]);
  });

  it("gives one item all its documents, with none said as common", () => {
    const { rules, items } = outcomes({ growth: { fastGrowth: true } });
    expect(documentsToPrepare(items, rules, "en")).toEqual({ common: [], byItem: [{ id: "4", documents: documentsOf(rules, "4", "en") }] });
    expect(documentEntries(items, rules, "zh")).toEqual([`第四条：${documentsOf(rules, "4", "zh").join("；")}`]);
  });

  it("says the documents every listed item asks for once, then each item's own, an open item included", () => {
    const { rules, items } = outcomes({ growth: { fastGrowth: true }, platform: { publicServicePlatform: true } });
    expect(items.find((item) => item.id === "13")!.status).toBe("needs_info");
    const four = documentsOf(rules, "4", "en");
    const thirteen = documentsOf(rules, "13", "en");
    const common = four.filter((doc) => thirteen.includes(doc));
    expect(common.length).toBeGreaterThan(0);
    expect(documentsToPrepare(items, rules, "en")).toEqual({
      common,
      byItem: [
        { id: "4", documents: four.filter((doc) => !common.includes(doc)) },
        { id: "13", documents: thirteen.filter((doc) => !common.includes(doc)) },
      ],
    });
    expect(documentEntries(items, rules, "en")).toEqual([
      `For every item: ${common.join("; ")}`,
      `Article 4: ${four.filter((doc) => !common.includes(doc)).join("; ")}`,
      `Article 13: ${thirteen.filter((doc) => !common.includes(doc)).join("; ")}`,
    ]);
  });

  it("lists Article 11 once however many of its projects are listed", () => {
    const project = { kind: "blockchain_node", eligibleInvestment: 10_000_000, yearsSupported: 0 };
    const { rules, items } = outcomes({ infrastructure: [project, project] });
    expect(items.filter((item) => item.id === "11")).toHaveLength(2);
    expect(documentsToPrepare(items, rules, "en")).toEqual({ common: [], byItem: [{ id: "11", documents: documentsOf(rules, "11", "en") }] });
  });
});
