import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine/evaluate.js";
import type { Screening } from "../../../src/engine/screening.js";
import { buildScreening } from "../../../src/interview/buildScreening.js";
import { renderMessage } from "../../../src/interview/render.js";
import { projectRoot } from "../../../src/paths.js";
import { Dialog } from "./dialog.js";
import { driveInterview } from "./driveInterview.js";
import { AS_OF, interview, useBotTests, type TestBot } from "./harness.js";

const SPEC_EXAMPLE = JSON.parse(readFileSync(join(projectRoot, "examples", "spec-example.json"), "utf8")) as Screening;

/** A social organisation that ran an industry event and filed a blockchain service; it does not know whether it is an SME. */
const EVENT_ORGANISER: Screening = {
  asOf: AS_OF,
  applicant: { kind: "social_organization", inJurisdiction: true, sectors: ["ai", "blockchain"] },
  growth: { fastGrowth: false },
  filings: { generativeAi: false, deepSynthesis: false, blockchainInfo: true, goodOutcomes: false, receivedThisYear: 0 },
  vouchers: { modelServices: 0, computingServices: 0 },
  standards: { international: 0, national: 0, local: 1, receivedThisYear: 0 },
  recognitions: [],
  itai: { benchmarkFirstSolution: false },
  futureIndustries: { createForTheFuture: false, innovationBase: null },
  infrastructure: [],
  scenarios: { projects: 0 },
  platform: { publicServicePlatform: false },
  events: { expenses: 1_234_567.89, significantResults: true, receivedThisYear: 100_000 },
};

const tests = useBotTests();
let bot: TestBot;

beforeEach(async () => {
  bot = await tests.start();
});

describe("a whole interview in Telegram", () => {
  it("in English, by buttons and typed amounts, reaches the engine's result for the same answers", async () => {
    const dlg = new Dialog(tests.fake, 101);
    dlg.command("/check");
    const driven = await driveInterview(dlg, SPEC_EXAMPLE, "en");

    const screening = buildScreening(interview.bank, driven.model.log, AS_OF);
    const evaluation = evaluate(screening, interview.rules, AS_OF);
    const expected = renderMessage({ type: "result", evaluation, final: true }, { ...interview, lang: "en", screening }).text;
    expect(driven.resultText).toBe(expected);
    expect(driven.questions).toBeGreaterThan(20);

    const stored = await bot.store.getScreening(driven.caseId);
    expect(stored).toMatchObject({ conversationId: "tg:101", lang: "en", asOf: AS_OF, totalMaxSupportFen: evaluation.totalMaxSupportFen });
    expect(stored?.screening).toEqual(screening);
  });

  it("in Chinese, chosen with /start, reaches the engine's result for the same answers", async () => {
    const dlg = new Dialog(tests.fake, 102, { language_code: "en" });
    dlg.command("/start");
    await dlg.nextText("请选择语言");
    dlg.press("l|zh");
    await dlg.nextText("请注意");
    dlg.press("go");
    const driven = await driveInterview(dlg, EVENT_ORGANISER, "zh");

    const screening = buildScreening(interview.bank, driven.model.log, AS_OF);
    const evaluation = evaluate(screening, interview.rules, AS_OF);
    expect(driven.resultText).toBe(renderMessage({ type: "result", evaluation, final: true }, { ...interview, lang: "zh", screening }).text);
    expect(evaluation.totalMaxSupportFen).toBeGreaterThan(0);
    expect((await bot.store.getConversation(`tg:${102}`))?.lang).toBe("zh");
  });
});
