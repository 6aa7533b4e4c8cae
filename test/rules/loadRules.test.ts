import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RULES_DIR, loadRules, RulesFileError } from "../../src/rules/loadRules.js";

let dir: string | undefined;
function copyRules(): string {
  const copy = mkdtempSync(join(tmpdir(), "rules-"));
  cpSync(DEFAULT_RULES_DIR, copy, { recursive: true });
  dir = copy;
  return copy;
}
function edit(file: string, change: (data: Record<string, unknown>) => void): void {
  const path = join(dir!, file);
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  change(data);
  writeFileSync(path, JSON.stringify(data));
}
function errorOf(): RulesFileError {
  try {
    loadRules(dir!);
  } catch (error) {
    if (error instanceof RulesFileError) return error;
    throw error;
  }
  throw new Error("loadRules accepted a malformed rules folder");
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("rules data", () => {
  it("loads every item of Articles 4 to 14 with a version id", () => {
    const rules = loadRules();
    expect(rules.items.map((item) => item.rule.id)).toEqual(["4", "5", "6", "7", "8.1", "8.2", "9", "10.1", "10.2", "11", "12", "13", "14"]);
    expect(rules.rulesVersion).toMatch(/^tongzhou-de-2025\.1\+[0-9a-f]{8}$/);
  });

  it("quotes, in each parameter, words that stand in the Article's official text", () => {
    const rules = loadRules();
    for (const article of rules.articles) {
      for (const [name, parameter] of Object.entries(article.parameters)) {
        for (const part of parameter.text.split(" … ")) expect(article.officialText, `${article.article}.${name}`).toContain(part);
      }
      for (const item of article.items) expect(article.officialText).toContain(item.clauseText);
    }
  });

  it("changes the version id when a parameter changes, as next year's guideline would", () => {
    copyRules();
    edit("items/article-06.json", (data) => ((data.parameters as Record<string, { yuan: number }>).modelAnnualCap!.yuan = 400000));
    const changed = loadRules(dir!);
    expect(changed.rulesVersion).not.toBe(loadRules().rulesVersion);
    expect(changed.byId.get("6")!.params.modelAnnualCap).toBe(400000 * 100);
  });

  it("names the file and the path of a wrongly typed parameter", () => {
    copyRules();
    edit("items/article-06.json", (data) => ((data.parameters as Record<string, unknown>).rate = { yuan: 30, text: "x" }));
    const error = errorOf();
    expect(error.file).toBe("rules/items/article-06.json");
    expect(error.message).toContain("parameters.rate: must be a rate parameter");
  });

  it("names a missing parameter and a misspelt one", () => {
    copyRules();
    edit("items/article-12.json", (data) => {
      const parameters = data.parameters as Record<string, unknown>;
      parameters.anualCap = parameters.annualCap;
      delete parameters.annualCap;
    });
    expect(errorOf().message).toContain("parameters.annualCap: missing");
  });

  it("names the path of a schema error inside a rules file", () => {
    copyRules();
    edit("policy.json", (data) => ((data.validity as Record<string, unknown>).validUntil = "2028-02-30"));
    const error = errorOf();
    expect(error.file).toBe("rules/policy.json");
    expect(error.message).toContain("validity.validUntil");
  });

  it("refuses a file that is not JSON", () => {
    copyRules();
    writeFileSync(join(dir!, "items", "article-09.json"), "{ not json");
    expect(errorOf().file).toBe("rules/items/article-09.json");
  });

  it("refuses a rules folder that lacks an item", () => {
    copyRules();
    rmSync(join(dir!, "items", "article-13.json"));
    expect(errorOf().message).toContain("no file defines item 13");
  });
});
