import type { Config } from "../../config.js";
import type { WebSettings } from "./app.js";

/** The web server's settings from the configuration. */
export function webSettings(config: Config): WebSettings {
  return {
    trustProxy: config.TRUST_PROXY,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    rateLimitBurst: config.RATE_LIMIT_BURST,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    batchLimitBytes: config.BATCH_LIMIT_BYTES,
    frameAncestors: config.FRAME_ANCESTORS,
    llmDailyLimit: config.LLM_DAILY_LIMIT_PER_USER,
    staffCookieSecure: config.STAFF_COOKIE_SECURE,
  };
}
