/**
 * Writes finished screenings straight through the lowdb store, in its own process (`bench/bot.ts`
 * runs it between phases), so the bot's heap does not carry the garbage of generating them.
 *
 *   node --import tsx bench/botFill.ts DATA_DIR COUNT
 */
import { toScreeningRecord } from "../src/conversation/screeningRecord.js";
import { todayInBeijing } from "../src/clock.js";
import { evaluate } from "../src/engine/evaluate.js";
import { createLogger } from "../src/log.js";
import { loadRules } from "../src/rules/loadRules.js";
import { newCaseId } from "../src/store/caseId.js";
import { openLowdbStore } from "../src/store/lowdbStore.js";
import { seeded } from "./random.js";
import { randomScreening } from "./screenings.js";

const CHATS = 2_000;
const BATCH = 200;
const DAY_MS = 86_400_000;

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
if (!dir || !Number.isInteger(count) || count < 1) {
  process.stderr.write("usage: node --import tsx bench/botFill.ts DATA_DIR COUNT\n");
  process.exit(2);
}

const rules = loadRules();
const rng = seeded(count);
const store = await openLowdbStore({ dir, logger: createLogger("silent") });
const started = performance.now();
const now = Date.now();
// Screenings of 2,000 chats spread over the past year (within the default retention), an hour old at least.
for (let batch = 0; batch < count; batch += BATCH) {
  await Promise.all(Array.from({ length: Math.min(BATCH, count - batch) }, async (_, i) => {
    const n = batch + i;
    const createdAt = new Date(now - (n % 360) * DAY_MS - 3_600_000);
    const screening = { ...randomScreening(rng), asOf: todayInBeijing(createdAt) };
    const evaluation = evaluate(screening, rules, screening.asOf);
    const caseId = newCaseId(createdAt.toISOString());
    await store.addScreening(toScreeningRecord({ caseId, conversationId: `tg:${9_000_000 + (n % CHATS)}`, createdAt, lang: n % 2 ? "zh" : "en", screening, evaluation }));
  }));
}
await store.close();
process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)}\n`);
