import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import type { Lang } from "../../src/i18n/lang.js";
import { t } from "../../src/i18n/translate.js";
import { buildScreening, initialState, parseKey, questionText, renderMessage, step, type InterviewContext, type InterviewEvent, type InterviewState } from "../../src/interview/index.js";
import { personaAnswer } from "../support/personaAnswers.js";

/**
 * What every channel adapter must do, whatever its wire format: a channel passes this suite
 * through a small driver that acts as its user would (buttons, typing) and reads back, as text,
 * everything the channel showed in answer.
 */
export interface ContractSession {
  /** The id the conversation is stored under (tg:…, web:…, cli). */
  conversationId: string;
  /** Starts the interview (Start, /check); resolves with what was shown. */
  open(): Promise<string>;
  /** Presses the button that stands for `event`, as shown under the question of `turn`. */
  press(event: InterviewEvent, turn: number): Promise<string>;
  type(text: string): Promise<string>;
  /** Presses a button the channel never made: one naming an option the question does not have. */
  pressForged(key: string, turn: number): Promise<string>;
  /** Comes back to the conversation (a reload, /check, a new session): resolves with what was shown. */
  resume(): Promise<string>;
  /** The printable report of a case. */
  report(caseId: string): Promise<string>;
  /** "Delete my data", confirmed. */
  erase(): Promise<void>;
}

export interface ContractDriver {
  /** The rules and questions the channel runs with; its clock must say `asOf`. */
  interview: InterviewContext;
  asOf: string;
  /** The channel's data folder: after erasure nothing in it may name the conversation or its cases. */
  dataDir: string;
  /** A new conversation in `lang`, its language chosen. */
  begin(lang: Lang): Promise<ContractSession>;
  /** Stops the channel and starts it again on the same store; sessions begun before carry on. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /**
   * How the channel refuses a press it never offered; a button channel's refusals when absent.
   * Buttons (Telegram's, the web page's) outlive their question, so a late press is `stale`, and
   * their data can be forged. A terminal's typed numbers always mean the question on screen: it
   * has no stale press, and its forgery is a number it did not show, refused as the question says.
   */
  refusals?: { stale: boolean; forged(lang: Lang, key: string): string };
}

const BUTTON_REFUSALS: NonNullable<ContractDriver["refusals"]> = { stale: true, forged: (lang) => t(lang, "bot.callback.unknown") };

const CASE_ID = /TZ-\d{8}-[0-9A-Z]{8}/;

/** A fast-growing enterprise in Tongzhou with model-voucher spending and a 1.5亿 compute project: amounts typed in 万 and 亿. */
export const CONTRACT_PERSONA: Screening = {
  asOf: "2026-03-01",
  applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai", "data_elements"], sme: true },
  growth: { fastGrowth: true, receivedBefore: false },
  filings: { generativeAi: true, deepSynthesis: false, blockchainInfo: false, goodOutcomes: true, receivedThisYear: 0 },
  vouchers: { modelServices: 800_000, computingServices: 0, significantResults: true, modelReceivedThisYear: 0, computingReceivedThisYear: 0 },
  standards: { international: 0, national: 1, local: 0, receivedThisYear: 0 },
  recognitions: [],
  itai: { benchmarkFirstSolution: false },
  futureIndustries: { createForTheFuture: false, innovationBase: null },
  infrastructure: [{ name: "East compute dispatch", kind: "computing_power_dispatch_center", eligibleInvestment: 150_000_000, yearsSupported: 0, amountReceived: 0 }],
  scenarios: { projects: 0 },
  platform: { publicServicePlatform: false },
  events: { expenses: 0 },
};

/** An applicant outside the district: one answer ends the screening. */
const OUTSIDE: Screening = { asOf: "2026-03-01", applicant: { inJurisdiction: false } };

/** Follows the interview core alongside the channel: what it should show, and the events the user's presses stand for. */
class Model {
  state: InterviewState;
  constructor(
    private readonly driver: ContractDriver,
    lang: Lang,
  ) {
    this.state = step(driver.interview, initialState(lang, driver.asOf), { type: "start" }).state;
  }

  apply(...events: InterviewEvent[]): void {
    for (const event of events) this.state = step(this.driver.interview, this.state, event).state;
  }

  /** The words of the current question, as every channel shows them. */
  question(): string {
    const { interview } = this.driver;
    const { question, index } = parseKey(interview.bank, this.state.current!)!;
    // The Article 16 question names the items it is about where it says {members}: compare the words before.
    if (question.type === "overlaps") return question.text[this.state.lang].split("{members}")[0]!;
    return questionText(question, index, { ...interview, lang: this.state.lang, screening: buildScreening(interview.bank, this.state.log, this.state.asOf) });
  }

  result(): string {
    const { interview } = this.driver;
    const screening = buildScreening(interview.bank, this.state.log, this.state.asOf);
    const evaluation = evaluate(screening, interview.rules, this.state.asOf);
    return renderMessage({ type: "result", evaluation, final: true }, { ...interview, lang: this.state.lang, screening }).text;
  }
}

/** Answers the current question as `persona` would: buttons for choices, typed amounts confirmed, typed counts, Don't know. */
async function answerOne(driver: ContractDriver, session: ContractSession, model: Model, persona: Screening): Promise<string> {
  const { bank } = driver.interview;
  const key = model.state.current!;
  const turn = model.state.turn;
  const { question } = parseKey(bank, key)!;
  const value = personaAnswer(bank, persona, key);
  if (value === null) {
    model.apply({ type: "skip" });
    return session.press({ type: "skip" }, turn);
  }
  const fen = value as number;
  if (question.type === "amount" && (fen === 0 || fen % 1_000_000 !== 0)) {
    // Amounts in plain digits ("RMB 1,234.50", "0") count as typed; nothing to confirm.
    model.apply({ type: "text", text: formatYuan(fen, "en") });
    return session.type(formatYuan(fen, "en"));
  }
  if (question.type === "amount") {
    // Typed in 万 (10,000 yuan), as people write large amounts: the channel echoes it for confirmation.
    const echo = await session.type(`${fen / 1_000_000}万`);
    expect(echo).toContain(formatYuan(value as number, "en"));
    model.apply({ type: "answer", key, turn, value }, { type: "confirm", key, turn, yes: true });
    return session.press({ type: "confirm", key, turn, yes: true }, turn);
  }
  if (question.type === "count") {
    model.apply({ type: "text", text: String(value) });
    return session.type(String(value));
  }
  if (question.type === "yes_no" || question.type === "single") {
    model.apply({ type: "answer", key, turn, value });
    return session.press({ type: "answer", key, turn, value }, turn);
  }
  for (const option of value as string[]) {
    model.apply({ type: "toggle", key, turn, option });
    await session.press({ type: "toggle", key, turn, option }, turn);
  }
  model.apply({ type: "done", key, turn });
  return session.press({ type: "done", key, turn }, turn);
}

/** A whole interview: checks each question shown against the core's; returns the last text shown and the case id. */
async function interviewToEnd(driver: ContractDriver, session: ContractSession, lang: Lang, persona: Screening): Promise<{ model: Model; last: string; caseId: string; questions: number }> {
  const model = new Model(driver, lang);
  expect(await session.open()).toContain(model.question());
  let last = "";
  let questions = 0;
  while (!model.state.done) {
    questions += 1;
    last = await answerOne(driver, session, model, persona);
    if (!model.state.done) expect(last).toContain(model.question());
  }
  const caseId = CASE_ID.exec(last)?.[0];
  if (!caseId) throw new Error(`no case id in what was shown last:\n${last}`);
  return { model, last, caseId, questions };
}

/** Every file under `dir`, with its name and content. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/**
 * Whether stored text names a conversation. The terminal's one conversation is called by its
 * channel's name ("cli"), which the anonymous daily counts use as a key: a key is not the conversation.
 */
function names(text: string, conversationId: string): boolean {
  return conversationId.includes(":") ? text.includes(conversationId) : new RegExp(`"${conversationId}"(?!\\s*:)`).test(text);
}

/** The contract, run against the channel `start` composes. */
export function channelContract(channel: string, start: () => Promise<ContractDriver>): void {
  describe(`channel contract: ${channel}`, () => {
    let driver: ContractDriver;
    beforeEach(async () => {
      driver = await start();
    });
    afterEach(async () => {
      await driver.stop();
    });

    for (const lang of ["zh", "en"] as const) {
      it(`a complete interview in ${lang === "zh" ? "Chinese" : "English"}, by buttons and typed amounts, reaches the engine's result for the same answers`, async () => {
        const session = await driver.begin(lang);
        const { model, last, questions } = await interviewToEnd(driver, session, lang, CONTRACT_PERSONA);
        expect(last).toContain(t(lang, "screen.final"));
        expect(last).toContain(model.result());
        expect(questions).toBeGreaterThan(10);
      });
    }

    it("resumes at the same question after the channel restarts on the same store", async () => {
      const session = await driver.begin("en");
      const model = new Model(driver, "en");
      await session.open();
      await answerOne(driver, session, model, CONTRACT_PERSONA);
      await answerOne(driver, session, model, CONTRACT_PERSONA);
      await driver.restart();
      expect(await session.resume()).toContain(model.question());
      expect(await answerOne(driver, session, model, CONTRACT_PERSONA)).toContain(model.question());
    });

    it("ignores a stale button (an earlier question's) and a forged one, and the interview goes on", async () => {
      const session = await driver.begin("zh");
      const model = new Model(driver, "zh");
      await session.open();
      const first = { key: model.state.current!, turn: model.state.turn };
      await answerOne(driver, session, model, CONTRACT_PERSONA);
      const refusals = driver.refusals ?? BUTTON_REFUSALS;
      if (refusals.stale) expect(await session.press({ type: "answer", key: first.key, turn: first.turn, value: false }, first.turn)).toContain(t("zh", "bot.callback.stale"));
      expect(await session.pressForged(model.state.current!, model.state.turn)).toContain(refusals.forged("zh", model.state.current!));
      expect(await session.resume()).toContain(model.question());
      expect(await answerOne(driver, session, model, CONTRACT_PERSONA)).toContain(model.question());
    });

    it("gives a report that carries the case id", async () => {
      const session = await driver.begin("en");
      const { caseId } = await interviewToEnd(driver, session, "en", OUTSIDE);
      expect(await session.report(caseId)).toContain(caseId);
    });

    it("leaves nothing about the conversation or its cases in the store once it is deleted", async () => {
      const session = await driver.begin("en");
      const { caseId } = await interviewToEnd(driver, session, "en", OUTSIDE);
      const stem = session.conversationId.replace(":", "_");
      expect(filesUnder(driver.dataDir).some((file) => file.text.includes(caseId))).toBe(true);
      await session.erase();
      const left = filesUnder(driver.dataDir).filter((file) => file.path.slice(driver.dataDir.length).includes(stem) || file.path.includes(caseId) || names(file.text, session.conversationId) || file.text.includes(caseId));
      expect(left.map((file) => file.path)).toEqual([]);
    });
  });
}
