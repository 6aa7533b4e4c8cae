import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { evaluate } from "../src/engine/evaluate.js";
import { initialState } from "../src/interview/state.js";
import { createLogger } from "../src/log.js";
import { loadRules } from "../src/rules/loadRules.js";
import type { Batch } from "../src/channels/telegram/sends.js";
import { newCaseId } from "../src/store/caseId.js";
import type { ActivityEvent } from "../src/store/activity.js";
import { newOutboxId } from "../src/store/outboxId.js";
import { openLowdbStore, type LowdbStore } from "../src/store/lowdbStore.js";
import { CONVERSATION_RECORD_VERSION, type ConversationRecord, type ScreeningRecord } from "../src/store/store.js";
import { toScreeningRecord } from "../src/conversation/screeningRecord.js";
import type { Screening } from "../src/engine/screening.js";
import { seeded, type Rng } from "./random.js";
import { randomScreening } from "./screenings.js";
import { elapsedMs, percentile, round } from "./timing.js";

const STORED = 20_000;
const CHATS = 2_000;
const WRITES = 500;
/** Bot updates whose files are timed for their CPU. */
const UPDATES = 4_000;
/** Finished screenings whose files are timed for their CPU. */
const FINISHED = 2_000;
/** Activity events (screenings begun, FAQ gaps) timed for their CPU. */
const ACTIVITY_EVENTS = 3_000;
/** A write of the single file at 20,000 screenings takes a second: fewer samples, so its p99 is the slowest one. */
const SINGLE_FILE_FULL_WRITES = 20;

/** The chat record after its n-th answer: an interview some twenty answers long. */
function chatAfterAnswer(conversationId: string, n: number): ConversationRecord {
  const log = Array.from({ length: 20 }, (_, i) => ({ key: `answer${String.fromCharCode(97 + i)}`, value: i % 2 === 0 ? true : 1_000_000 + i }));
  return {
    schema: CONVERSATION_RECORD_VERSION,
    conversationId,
    lang: "zh",
    interview: { ...initialState("zh", "2025-06-01"), log, current: "sectors", turn: n },
    active: true,
    llm: { day: "2025-06-01", calls: n % 20 },
    updatedAt: new Date(Date.UTC(2025, 5, 1, 8, 0, 0, n)).toISOString(),
  };
}

/** Finished screenings of varied applicants, spread over a year of days and 2,000 chats. */
function storedScreenings(rng: Rng): ScreeningRecord[] {
  const rules = loadRules();
  return Array.from({ length: STORED }, (_, i) => {
    const screening = randomScreening(rng);
    const evaluation = evaluate(screening, rules, "2026-03-01");
    const createdAt = new Date(Date.UTC(2025, 0, 1 + (i % 365), 8, 0, 0, i % 1000));
    // Through JSON, as a record is stored: unknown facts are absent keys, not undefined ones.
    const stored = JSON.parse(JSON.stringify(screening)) as Screening;
    return toScreeningRecord({ caseId: newCaseId(createdAt.toISOString()), conversationId: `tg:${100_000 + (i % CHATS)}`, createdAt, lang: "zh", screening: stored, evaluation });
  });
}

/** Lets the disk finish writing what the set-up wrote, so that its flushing is not timed as the writes measured next. */
function flushToDisk(): void {
  spawnSync("sync");
}

/** Times `writes` answers after a few untimed ones, each an awaited write of one of 50 chats' records. */
async function timeAnswers(writes: number, write: (chat: ConversationRecord) => Promise<void>): Promise<{ mean: number; p99: number }> {
  const warmUp = Math.ceil(writes / 20);
  const times: number[] = [];
  for (let n = 0; n < warmUp + writes; n++) {
    const chat = chatAfterAnswer(`tg:${1 + (n % 50)}`, n);
    const start = process.hrtime.bigint();
    await write(chat);
    if (n >= warmUp) times.push(elapsedMs(start));
  }
  return { mean: round(times.reduce((a, b) => a + b, 0) / times.length, 3), p99: round(percentile(times, 99), 3) };
}

async function timeFileStore(dir: string, stored: ScreeningRecord[], writes: number) {
  const store = await openLowdbStore({ dir, logger: createLogger("silent") });
  for (let i = 0; i < stored.length; i += CHATS) await Promise.all(stored.slice(i, i + CHATS).map((r) => store.addScreening(r)));
  flushToDisk();
  const timed = await timeAnswers(writes, (chat) => store.putConversation(chat));
  await store.close();
  return timed;
}

/** A question's reply as the bot's outbox keeps it: the answer shown in place, the next question with its buttons. */
function replyBatch(chatId: number, updateId: number): Batch {
  const buttons = ["是", "否", "不确定", "上一步"].map((text, i) => [{ text, callback_data: `a:${updateId}:${i}` }]);
  return {
    v: 1,
    chatId,
    updateId,
    sends: [
      { op: "edit", messageId: updateId, text: "贵单位是否为中小企业？\n✅ 是" },
      { op: "text", text: "第 7 题：近三年是否获得过区级以上数字经济相关资金支持？如不确定，可选择“不确定”，稍后补充。", keyboard: { inline_keyboard: buttons } },
    ],
  };
}

/**
 * The files one update of the bot writes, alone: its conversation saved, then its replies kept
 * in the outbox log and, once delivered, marked so; 50 chats, eight updates in flight at once
 * (of different chats, as the bot's queues allow). CPU of this whole process per update, the
 * kernel's and the thread pool's work included, so comparable with `npm run bench:bot`'s bot
 * CPU per update: a floor under it for as long as each update is kept this way.
 */
function cpuPerUpdateFiles(dir: string, updates: number): Promise<number> {
  const update = async (store: LowdbStore, n: number) => {
    const chatId = 1 + (n % 50);
    const chat = chatAfterAnswer(`tg:${chatId}`, n);
    await store.putConversation(chat);
    const now = new Date();
    const id = newOutboxId(chat.conversationId, now);
    await store.putOutbox({ id, conversationId: chat.conversationId, createdAt: now.toISOString(), payload: replyBatch(chatId, n) });
    await store.removeOutbox(id);
  };
  return cpuPerCall(dir, updates, update, 8);
}

/**
 * CPU of this whole process per call of `call`, the kernel's and the thread pool's work
 * included: `count` calls on a fresh store, `lanes` in flight at once (each lane's one after
 * another), after a tenth as many untimed.
 */
async function cpuPerCall(dir: string, count: number, call: (store: LowdbStore, n: number) => Promise<void>, lanes = 1): Promise<number> {
  const store = await openLowdbStore({ dir, logger: createLogger("silent") });
  const calls = (from: number, length: number) => Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    for (let n = from + lane; n < from + length; n += lanes) await call(store, n);
  }));
  const warmUp = count / 10;
  await calls(0, warmUp);
  flushToDisk();
  const before = process.cpuUsage();
  await calls(warmUp, count);
  const cpu = process.cpuUsage(before);
  await store.close();
  return round((cpu.user + cpu.system) / 1000 / count, 3);
}

/**
 * A finished interview's files, alone: the screening stored (its file, the chat's list of
 * cases, the day's summary), one after another for 1,000 chats on one day, as the bot stores them.
 */
function cpuPerFinishedScreening(dir: string, count: number): Promise<number> {
  const rules = loadRules();
  const rng = seeded(count);
  const records = Array.from({ length: count + count / 10 }, (_, n) => {
    const createdAt = new Date();
    const screening = JSON.parse(JSON.stringify(randomScreening(rng))) as Screening;
    return toScreeningRecord({ caseId: newCaseId(createdAt.toISOString()), conversationId: `tg:${1 + (n % 1_000)}`, createdAt, lang: "zh", screening, evaluation: evaluate(screening, rules, "2026-03-01") });
  });
  return cpuPerCall(dir, count, (store, n) => store.addScreening(records[n]!));
}

/** The day's activity counts, alone: a screening begun or (one in ten) a FAQ question refused, counted one after another. */
function cpuPerActivityEvent(dir: string, count: number): Promise<number> {
  const event = (n: number): ActivityEvent =>
    n % 10 === 0 ? { kind: "faq_gap", question: `question ${n % 300} about something the rules do not cover`, outcome: "refused", at: new Date() } : { kind: "started", channel: "tg", at: new Date() };
  return cpuPerCall(dir, count, (store, n) => store.recordActivity(event(n)));
}

/** The layout this store replaces: one lowdb file holding everything, rewritten on every answer. */
async function timeSingleFile(file: string, stored: ScreeningRecord[], writes: number) {
  const db = new Low<{ chats: Record<string, ConversationRecord>; screenings: ScreeningRecord[] }>(new JSONFile(file), { chats: {}, screenings: [] });
  db.data.screenings = stored;
  await db.write();
  flushToDisk();
  const timed = await timeAnswers(writes, async (chat) => {
    db.data.chats[chat.conversationId] = chat;
    await db.write();
  });
  return { ...timed, megabytes: round(statSync(file).size / 1e6, 1) };
}

/**
 * The per-answer write (putConversation) with an empty store and with 20,000 stored screenings,
 * against one file holding everything; then the CPU of the files of one bot update, of one
 * finished screening and of one activity event, each alone.
 */
export async function benchStore(workDir: string): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(workDir, "bench-store-"));
  try {
    const stored = storedScreenings(seeded(2025));
    const full = await timeFileStore(join(dir, "full"), stored, WRITES);
    const empty = await timeFileStore(join(dir, "empty"), [], WRITES);
    const singleEmpty = await timeSingleFile(join(dir, "single-empty.json"), [], WRITES);
    const singleFull = await timeSingleFile(join(dir, "single-full.json"), stored, SINGLE_FILE_FULL_WRITES);
    const updateFiles = await cpuPerUpdateFiles(join(dir, "updates"), UPDATES);
    const finishedFiles = await cpuPerFinishedScreening(join(dir, "finished"), FINISHED);
    const activityFiles = await cpuPerActivityEvent(join(dir, "activity"), ACTIVITY_EVENTS);
    return {
      "putConversation, empty store: mean ms": empty.mean,
      "putConversation, empty store: p99 ms": empty.p99,
      "putConversation, 20,000 screenings: mean ms": full.mean,
      "putConversation, 20,000 screenings: p99 ms": full.p99,
      "one lowdb file, empty: mean ms": singleEmpty.mean,
      "one lowdb file, empty: p99 ms": singleEmpty.p99,
      "one lowdb file, 20,000 screenings: mean ms": singleFull.mean,
      "one lowdb file, 20,000 screenings: max ms": singleFull.p99,
      "one lowdb file, 20,000 screenings: MB": singleFull.megabytes,
      "a bot update's file writes alone, CPU ms per update": updateFiles,
      "a finished screening's file writes alone, CPU ms per screening": finishedFiles,
      "a screening begun or FAQ gap counted, CPU ms per event": activityFiles,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
