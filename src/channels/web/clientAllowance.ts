import type { LlmAllowance } from "../../assistant/assistant.js";
import { todayInBeijing } from "../../clock.js";

/**
 * LLM calls for POST /api/v1/ask, per client address per Beijing day: the API has no user to
 * count against, and without a bound one client could spend the operator's whole LLM budget.
 */
export class ClientAllowances {
  private day = "";
  private readonly used = new Map<string, number>();

  constructor(
    private readonly dailyLimit: number,
    private readonly clock: () => Date,
  ) {}

  for(client: string): LlmAllowance {
    return {
      tryTake: () => {
        const today = todayInBeijing(this.clock());
        if (today !== this.day) {
          this.day = today;
          this.used.clear();
        }
        const calls = this.used.get(client) ?? 0;
        if (calls >= this.dailyLimit) return false;
        this.used.set(client, calls + 1);
        return true;
      },
    };
  }
}
