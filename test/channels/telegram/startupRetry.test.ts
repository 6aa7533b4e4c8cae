import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { STARTUP_RETRY, withStartupRetries } from "../../../src/channels/telegram/startupRetry.js";
import { memoryLogger } from "../../../src/log.js";

const apiError = (code: number, description: string) => new TelegramError({ error_code: code, description });

/** A call that fails with the given errors, one per attempt, then answers "ok". */
function failing(...errors: Error[]) {
  let calls = 0;
  return {
    call: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return "ok";
    },
    get calls() {
      return calls;
    },
  };
}

const noSleep = async () => undefined;

describe("start-up calls", () => {
  it("are tried again after 5xx, 429 and network errors, and succeed once Telegram answers", async () => {
    const logger = memoryLogger();
    const api = failing(apiError(502, "Bad Gateway"), apiError(429, "Too Many Requests"), Object.assign(new Error("socket hang up"), { name: "FetchError" }));
    expect(await withStartupRetries("getMe", () => api.call(), logger, STARTUP_RETRY, noSleep)).toBe("ok");
    expect(api.calls).toBe(4);
    expect(logger.lines.filter((l) => l.msg === "start-up call failed; retrying")).toHaveLength(3);
  });

  it("fail at once on a wrong token (401) or another instance (409)", async () => {
    for (const code of [401, 409]) {
      const api = failing(apiError(code, "no"));
      await expect(withStartupRetries("getMe", () => api.call(), memoryLogger(), STARTUP_RETRY, noSleep)).rejects.toMatchObject({ code });
      expect(api.calls).toBe(1);
    }
  });

  it("give up after the last attempt with Telegram's error", async () => {
    const api = failing(...Array.from({ length: STARTUP_RETRY.attempts }, () => apiError(500, "Internal Server Error")));
    await expect(withStartupRetries("setWebhook", () => api.call(), memoryLogger(), STARTUP_RETRY, noSleep)).rejects.toMatchObject({ code: 500 });
    expect(api.calls).toBe(STARTUP_RETRY.attempts);
  });
});
