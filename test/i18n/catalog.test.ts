import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/i18n/catalog/index.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    expect(Object.keys(CATALOGS.zh).sort()).toEqual(Object.keys(CATALOGS.en).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const [key, en] of Object.entries(CATALOGS.en)) {
      const zh = CATALOGS.zh[key as keyof typeof CATALOGS.zh];
      expect(en.trim(), key).not.toBe("");
      expect(zh.trim(), key).not.toBe("");
      expect(placeholders(zh), key).toEqual(placeholders(en));
    }
  });

  it("word every question, option and rule text in both languages", () => {
    const bank = loadQuestionBank();
    for (const q of bank.questions) {
      for (const text of [q.text, q.why, q.help, ...(q.options ?? []).map((o) => o.label)]) {
        expect(text.en.trim(), q.id).not.toBe("");
        expect(text.zh.trim(), q.id).not.toBe("");
        expect(/[\u4e00-\u9fff]/.test(text.zh), `${q.id} has Chinese wording`).toBe(true);
      }
    }
    for (const item of loadRules().items) {
      expect(/[\u4e00-\u9fff]/.test(item.text.title.zh)).toBe(true);
      expect(item.text.conditions.zh.length).toBeGreaterThan(0);
    }
  });
});
