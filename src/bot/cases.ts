import { todayInBeijing } from "../clock.js";
import type { ScreeningRecord } from "../store/store.js";
import { addDays } from "./dates.js";
import type { BotDeps } from "./deps.js";

export const isAdmin = (deps: BotDeps, userId: number | null): boolean => userId !== null && deps.admins.has(userId);

/** A stored case the asker may see: one of this chat's own, or any for staff. */
export async function findCase(deps: BotDeps, chatId: number, userId: number | null, caseId: string): Promise<ScreeningRecord | null> {
  const record = await deps.store.getScreening(caseId);
  return record && (record.chatId === chatId || isAdmin(deps, userId)) ? record : null;
}

/** The chat's most recent case: remembered since start-up, or else searched for in the store. */
export async function latestCase(deps: BotDeps, chatId: number): Promise<ScreeningRecord | null> {
  const known = deps.lastCase.get(chatId);
  if (known) {
    const record = await deps.store.getScreening(known);
    if (record) return record;
  }
  const today = todayInBeijing(deps.clock());
  let latest: ScreeningRecord | null = null;
  for await (const record of deps.store.screenings(addDays(today, -(deps.retentionDays + 1)), addDays(today, 2))) {
    if (record.chatId === chatId) latest = record;
  }
  if (latest) deps.lastCase.set(chatId, latest.caseId);
  return latest;
}
