import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Screening } from "../../../src/engine/screening.js";
import { formatYuanBoth } from "../../../src/i18n/formatMoney.js";
import type { Lang } from "../../../src/i18n/lang.js";
import { t } from "../../../src/i18n/translate.js";
import { parseKey } from "../../../src/interview/buildScreening.js";
import type { QuestionBank } from "../../../src/interview/questionBank.js";
import { personaAnswer } from "../../support/personaAnswers.js";

/** The question waiting for an answer: the last one in the log, while its buttons are live. */
export interface OpenQuestion {
  key: string;
  turn: number;
  answer: string;
  node: Locator;
}

const BOT = ".log > .msg.bot";

/** How the page is driven: taps on a phone, clicks on a desktop. */
export type Press = (target: Locator) => Promise<void>;
export const tap: Press = (target) => target.tap();

/** Waits until the page shows something new: a new question, a result, a message; returns the open question, if any. */
export async function afterTurn(page: Page, botMessagesBefore: number): Promise<OpenQuestion | null> {
  await page.waitForFunction(([selector, before]) => document.querySelectorAll(selector as string).length > (before as number), [BOT, botMessagesBefore] as const);
  await page.waitForFunction(() => document.getElementById("log")?.getAttribute("aria-busy") !== "true");
  return openQuestion(page);
}

export async function openQuestion(page: Page): Promise<OpenQuestion | null> {
  const last = page.locator(BOT).last();
  if (!(await last.evaluate((node) => node.classList.contains("question")))) return null;
  const data = await last.evaluate((node) => ({ ...(node as HTMLElement).dataset }));
  // Pinned to this question: "the last message" moves on as the conversation does.
  const node = page.locator(`.log > .question[data-key="${data.key}"][data-turn="${data.turn}"][data-answer="${data.answer}"]`).last();
  return { key: data.key!, turn: Number(data.turn), answer: data.answer!, node };
}

export const botMessages = (page: Page): Promise<number> => page.locator(BOT).count();

/** Presses a button of the open question by its exact label, and waits for the answer to it. */
export async function pressAndWait(page: Page, press: Press, question: OpenQuestion, label: string): Promise<OpenQuestion | null> {
  const before = await botMessages(page);
  await press(question.node.getByRole("button", { name: label, exact: true }));
  return afterTurn(page, before);
}

/** Types into the input and sends with the Send button. */
export async function typeAndSend(page: Page, press: Press, text: string, lang: Lang): Promise<OpenQuestion | null> {
  const before = await botMessages(page);
  await page.getByRole("textbox", { name: lang === "zh" ? "您的回答或问题" : "Your answer or question" }).fill(text);
  await press(page.getByRole("button", { name: lang === "zh" ? "发送" : "Send", exact: true }));
  return afterTurn(page, before);
}

/**
 * Answers every question the page asks as the persona would, by the page's own controls: the
 * option buttons, ticks then Done for multiple choice, amounts typed as `amountWords` writes
 * them and confirmed after their echo, counts typed, Don't know for unknown facts. Returns the
 * keys asked, in order; ends at the final result.
 */
export async function answerAs(page: Page, press: Press, bank: QuestionBank, persona: Screening, amountWords: (fen: number) => string, lang: Lang = "zh", watch: Watch = async () => undefined): Promise<string[]> {
  const asked: string[] = [];
  let open = await openQuestion(page);
  while (open !== null) {
    expect(asked.length, "the interview does not end").toBeLessThan(60);
    asked.push(open.key);
    await watch(open);
    open = await answerOne({ page, press, bank, persona, amountWords, lang, watch }, open);
  }
  return asked;
}

/** Called with every question before it is answered (screenshots). */
type Watch = (open: OpenQuestion) => Promise<void>;

interface Answering {
  page: Page;
  press: Press;
  bank: QuestionBank;
  persona: Screening;
  amountWords: (fen: number) => string;
  lang: Lang;
  watch: Watch;
}

async function answerOne({ page, press, bank, persona, amountWords, lang, watch }: Answering, open: OpenQuestion): Promise<OpenQuestion | null> {
  const { question } = parseKey(bank, open.key)!;
  const value = personaAnswer(bank, persona, open.key);
  const label = (v: string) => question.options!.find((o) => o.value === v)!.label[lang];
  // An optional text (the company name) is skipped; anything else unknown is "don't know".
  if (value === null) return pressAndWait(page, press, open, t(lang, question.type === "text" ? "interview.skip" : "interview.dontKnow"));
  switch (question.type) {
    case "yes_no":
      return pressAndWait(page, press, open, t(lang, value ? "interview.yes" : "interview.no"));
    case "single":
      return pressAndWait(page, press, open, label(value as string));
    case "amount": {
      const fen = value as number;
      const words = amountWords(fen);
      const next = await typeAndSend(page, press, words, lang);
      // 0 and plain digits count as typed; 万/亿 and numerals are echoed for confirmation.
      if (/^[\d,]+$/.test(words)) return next;
      const confirm = next;
      expect(confirm?.answer, `an amount for ${open.key} is echoed for confirmation`).toBe("confirm");
      await expect.poll(() => confirm!.node.locator(".question-text").textContent()).toContain(formatYuanBoth(fen));
      await watch(confirm!);
      return pressAndWait(page, press, confirm!, t(lang, "interview.confirmYes"));
    }
    case "count":
      return typeAndSend(page, press, String(value), lang);
    default: {
      for (const option of value as string[]) {
        const button = open.node.getByRole("button", { name: label(option), exact: true });
        await press(button);
        await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
      }
      return pressAndWait(page, press, open, t(lang, "interview.doneButton"));
    }
  }
}
