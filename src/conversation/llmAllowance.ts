import type { LlmAllowance } from "../assistant/assistant.js";
import type { ConversationRecord } from "../store/store.js";

/**
 * The day's LLM calls of one conversation, starting from its stored count. The count is kept in
 * the conversation's record, so a restart does not hand out a new day's worth.
 */
export class DailyAllowance implements LlmAllowance {
  private calls: number;

  constructor(
    readonly day: string,
    stored: ConversationRecord["llm"] | undefined,
    private readonly limit: number,
  ) {
    this.calls = stored?.day === day ? stored.calls : 0;
  }

  tryTake(): boolean {
    if (this.calls >= this.limit) return false;
    this.calls += 1;
    return true;
  }

  get used(): ConversationRecord["llm"] {
    return { day: this.day, calls: this.calls };
  }
}
