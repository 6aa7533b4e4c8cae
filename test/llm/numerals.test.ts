import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatYuan, formatYuanPlain } from "../../src/i18n/formatMoney.js";
import { findNumerals } from "../../src/llm/numerals.js";

describe("findNumerals flags", () => {
  it.each([
    ["arabic digits", "最高补贴120万元", ["120万"]],
    ["full-width digits", "最高１２０万元", ["１２０万"]],
    ["an English amount with separators and fen", "up to RMB 1,200,000.50 in total", ["1,200,000.50"]],
    ["a Chinese decimal", "补贴一点五倍", ["一点五"]],
    ["Chinese numerals", "三十万元", ["三十万"]],
    ["两 as a number", "两个项目", ["两"]],
    ["formal numerals", "叁拾万元整", ["叁拾万"]],
    ["traditional numerals", "壹億貳仟萬", ["壹億貳仟萬"]],
    ["廿 and 卅", "廿日或卅日", ["廿", "卅"]],
    ["零 inside a number", "一百二十万零五百元", ["一百二十万零五百"]],
    ["〇 inside a year", "二〇二五年", ["二〇二五"]],
    ["a percent sign", "最高30%的补贴", ["30%"]],
    ["a full-width percent sign", "按３０％计", ["３０％"]],
    ["百分之 in words", "按百分之三十补贴", ["百分之三十"]],
    ["an Article number in Chinese", "见第6条", ["6"]],
    ["an Article number in English", "see Article 6", ["6"]],
    ["第一 as an ordinal", "第一步", ["一"]],
    ["一个 as a count", "只能申报一个项目", ["一"]],
    ["一年 as a period", "一年内有效", ["一"]],
    ["一次 without 性", "只能申请一次", ["一"]],
    ["a number running into an everyday word", "十一起案件", ["十一"]],
    ["千万 as an amount", "千万元级项目", ["千万"]],
    ["三千万 even when followed by 不", "三千万不等", ["三千万"]],
    ["十分钟 as a duration", "十分钟内", ["十"]],
    ["万分之 as a rate", "万分之五", ["万", "五"]],
    ["a fraction with 分之一", "四分之一", ["四", "一"]],
    ["一点钟 as a time", "一点钟开会", ["一"]],
    ["a number after an everyday word", "统一二", ["一二"]],
    ["English cardinals", "two projects and fourteen staff", ["two", "fourteen"]],
    ["English magnitude words", "a million or a few hundred", ["million", "hundred"]],
    ["percent in English", "ten percent", ["ten", "percent"]],
    ["each number in a list", "一、二、三", ["一", "二", "三"]],
    ["numbers in the order they appear", "3 projects, 五家 and 20%", ["3", "五", "20%"]],
  ])("%s: %s", (_name, text, expected) => {
    expect(findNumerals(text)).toEqual(expected);
  });
});

describe("findNumerals lets everyday words through", () => {
  it.each([
    ["一些", "需要一些材料"],
    ["一起", "可以一起提交"],
    ["一般", "一般需要审核"],
    ["统一", "统一提交"],
    ["进一步", "进一步核实"],
    ["一定", "一定要注意"],
    ["一次性", "属于一次性补贴"],
    ["一旦", "一旦通过"],
    ["同一", "同一主体"],
    ["唯一", "唯一条件"],
    ["万一", "万一材料不全"],
    ["千万 as be sure to", "千万不要遗漏"],
    ["十分 as very", "十分重要"],
    ["之一 as one of", "条件之一"],
    ["一点 as a bit", "有一点复杂"],
    ["零 alone as in 零售", "零售企业"],
    ["一站式", "一站式服务"],
    ["第三方", "第三方机构"],
    ["二维码", "扫描二维码"],
    ["one as a pronoun", "one of the conditions"],
    ["text with no numbers", "请问您的企业是否在通州区注册？"],
  ])("%s: %s", (_name, text) => {
    expect(findNumerals(text)).toEqual([]);
  });

  it("finds nothing in a long everyday sentence", () => {
    const text = "您可以一起申请，一般需要一些材料，统一提交，进一步核实，一定要注意一次性补贴，一旦通过同一主体";
    expect(findNumerals(text)).toEqual([]);
  });
});

describe("findNumerals properties", () => {
  const YUAN = 100;
  const WAN = 10_000 * YUAN;
  const fen = fc.oneof(
    fc.integer({ min: 0, max: 1e14 }),
    fc.integer({ min: 0, max: 1e12 }).map((yuan) => yuan * YUAN),
    fc.integer({ min: 0, max: 1e8 }).map((wan) => wan * WAN),
  );

  it("flags every English formatted amount as one numeral", () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(findNumerals(`最高 ${formatYuan(f, "en")} 。`)).toEqual([formatYuan(f, "en").slice("RMB ".length)]);
      }),
    );
  });

  it("flags every Chinese formatted amount as one numeral", () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(findNumerals(`最高补贴${formatYuan(f, "zh")}。`)).toEqual([formatYuan(f, "zh").slice(0, -1)]);
      }),
    );
  });

  it("flags every plain formatted amount as one numeral", () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(findNumerals(`total ${formatYuanPlain(f)} yuan`)).toEqual([formatYuanPlain(f)]);
      }),
    );
  });

  it("flags any digit wherever it sits in ordinary text", () => {
    const everyday = fc.constantFrom("一些", "一起", "统一", "您好", "请", "，", " ", "补贴", "a", "项目");
    fc.assert(
      fc.property(fc.array(everyday), fc.integer({ min: 0, max: 9 }), fc.array(everyday), (before, digit, after) => {
        const text = [...before, String(digit), ...after].join("");
        expect(findNumerals(text).some((token) => token.includes(String(digit)))).toBe(true);
      }),
    );
  });
});
