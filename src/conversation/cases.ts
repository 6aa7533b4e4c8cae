import type { ScreeningRecord } from "../store/store.js";
import type { ConversationDeps } from "./deps.js";

/** A stored case the asker may see: one of this conversation's own, or any for staff. */
export async function findCase(deps: ConversationDeps, conversationId: string, staff: boolean, caseId: string): Promise<ScreeningRecord | null> {
  const record = await deps.store.getScreening(caseId);
  return record && (record.conversationId === conversationId || staff) ? record : null;
}

/** The conversation's most recent case, from its own list of cases (never a scan of the store). */
export async function latestCase(deps: ConversationDeps, conversationId: string): Promise<ScreeningRecord | null> {
  const cases = await deps.store.casesOf(conversationId);
  for (let i = cases.length - 1; i >= 0; i--) {
    const record = await deps.store.getScreening(cases[i]!);
    if (record) return record;
  }
  return null;
}
