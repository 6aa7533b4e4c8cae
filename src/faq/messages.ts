import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";

/** The fixed sentences of the FAQ answers; the variable parts come from rules/ data. */
export interface FaqMessages {
  /** "Cited: Article 6 (title)." */
  cited(references: readonly string[]): string;
  /** The quote of the published English text, marked as the official text; ref is "Article 6" / "第六条". */
  officialText(reference: string, text: string): string;
  /** Said under Chinese answers, whose wording is an unofficial translation. */
  translationNote: string | null;
  outOfScope: string;
  howMuch: string;
  likelyArticles(references: readonly string[]): string;
  /** Heads an item's list of maxima; ref is "Article 8(1)", title the item's. */
  maximaOf(reference: string, title: string): string;
  /** After the maxima: they are maxima, and the interview gives a figure for the asker's case. */
  maximaNote: string;
  /** Heads an item's list of documents. */
  documentsOf(reference: string, title: string): string;
  /** Heads the documents every item asks for, when the question names no item. */
  documentsCommon: string;
  /** After a list of documents: the guideline's list prevails. */
  documentsNote: string;
  tooLong(length: number, max: number): string;
}

const SCREENING_POINTER_EN = "run the screening interview: /check in Telegram, or the interview in the console";
const SCREENING_POINTER_ZH = "请进行筛查问答：在 Telegram 中发送 /check，或在控制台中进行问答";

export const FAQ_MESSAGES: Record<Lang, FaqMessages> = {
  en: {
    cited: (refs) => `Cited: ${refs.join("; ")}.`,
    officialText: (ref, text) => `Official text, ${ref}: “${text}”`,
    translationNote: null,
    outOfScope:
      "Sorry, I can only answer questions about the Tongzhou District (Beijing Municipal Administrative Center) 2025 digital-economy support rules. " +
      "I can help with: who can apply and which sectors are covered; each support item (rapid growth, CAC filings, model and computing vouchers, " +
      "standards, innovation platforms, ITAI, future industries, digital infrastructure, application scenarios, public service platforms, industrial events); " +
      `caps and how support items combine; who decides; and how long the rules are valid. To estimate your own support, ${SCREENING_POINTER_EN}.`,
    howMuch:
      "I cannot tell you an amount from a chat question: it depends on your facts, and the Tongzhou District Bureau of Economy and Information Technology " +
      `decides actual amounts under its annual funding guideline. To see which items you may qualify for and their maximum (“up to”) amounts, ${SCREENING_POINTER_EN}.`,
    likelyArticles: (refs) => `Articles likely relevant to your question: ${refs.join("; ")}.`,
    maximaOf: (ref, title) => `The most the rules allow under ${ref} (${title}):`,
    maximaNote:
      "These are maxima (“up to”): what you may receive depends on your facts, and the Tongzhou District Bureau of Economy and Information Technology " +
      `decides actual amounts under its annual funding guideline. For a figure for your own case, ${SCREENING_POINTER_EN}.`,
    documentsOf: (ref, title) => `Documents to prepare for ${ref} (${title}):`,
    documentsCommon: "Documents every application asks for, whatever the item:",
    documentsNote:
      "These are the typical documents; the annual funding guideline of the Tongzhou District Bureau of Economy and Information Technology " +
      "gives the binding list, the forms and the deadlines.",
    tooLong: (length, max) => `Your question is too long (${length} characters; the limit is ${max}). Please ask one short question at a time.`,
  },
  zh: {
    cited: (refs) => `依据：${refs.join("；")}。`,
    officialText: (ref, text) => `${ref}官方英文原文：“${text}”`,
    translationNote: "（中文内容为非官方译文，仅供参考，以官方发布的政策文本为准。）",
    outOfScope:
      "抱歉，我只能解答北京城市副中心（通州区）2025年数字经济支持细则的相关问题，包括：谁可以申请、覆盖哪些领域；各项支持（快速成长、网信办备案、" +
      "模型券和算力券、标准制定、创新平台、信创、未来产业、数字基础设施、应用场景、公共服务平台、产业活动）；支持上限及叠加规则；由谁决定；政策有效期等。" +
      `如需估算贵单位可获得的支持，${SCREENING_POINTER_ZH}。`,
    howMuch:
      "聊天提问无法给出具体金额：金额取决于贵单位的具体情况，实际金额由通州区经济和信息化局依据年度资金指南确定。" +
      `如需了解可能符合的事项及“最高”金额，${SCREENING_POINTER_ZH}。`,
    likelyArticles: (refs) => `与您的问题可能相关的条款：${refs.join("；")}。`,
    maximaOf: (ref, title) => `${ref}（${title}）规定的最高支持：`,
    maximaNote:
      "以上均为最高金额（“最高”）：实际能获得多少取决于贵单位的具体情况，实际金额由通州区经济和信息化局依据年度资金指南确定。" +
      `如需按贵单位情况测算具体金额，${SCREENING_POINTER_ZH}。`,
    documentsOf: (ref, title) => `${ref}（${title}）需准备的材料：`,
    documentsCommon: "无论申请哪一项，通常都需要以下材料：",
    documentsNote: "以上为常见材料；具体清单、表格和截止时间以通州区经济和信息化局发布的年度资金指南为准。",
    tooLong: (length, max) => `问题过长（${length} 个字符，上限为 ${max} 个）。请每次只提一个简短的问题。`,
  },
};

/** "Article 6 (Supporting Enterprises in Enhancing Intelligence)" / "第六条（支持企业提升智能化水平）". */
export function articleReference(article: string, title: string, lang: Lang): string {
  return lang === "en" ? `${articleLabel(article, lang)} (${title})` : `${articleLabel(article, lang)}（${title}）`;
}
