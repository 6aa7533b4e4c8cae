import { z } from "zod";
import { UserError } from "./userError.js";

/**
 * Configuration from the environment (and .env, loaded by the entry points through dotenv).
 * Bad configuration stops start-up with a message naming the variable.
 */
const optionalUrl = z.url({ error: "must be a URL, e.g. https://example.org/path" }).optional();
const wholeNumber = () => z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" });
const positiveInt = (fallback: number) => wholeNumber().positive({ error: "must be > 0" }).default(fallback);
const wholeIn = (min: number, max: number, fallback: number, error: string) => wholeNumber().min(min, { error }).max(max, { error }).default(fallback);
/** A CSP source list for frame-ancestors: self, none, https:, or origins such as https://portal.example.gov.cn (quotes optional: .env files drop them). */
const frameSource = /^(?:'self'|'none'|https:|https:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?)$/i;

const envSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{10,}$/, { error: "must look like 123456789:AA… (the token @BotFather gave you)" }).optional(),
    TELEGRAM_API_ROOT: optionalUrl,
    WEBHOOK_URL: optionalUrl,
    WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "must be 16–256 characters of A–Z, a–z, 0–9, _ or -" }).optional(),
    HOST: z.string().regex(/^[A-Za-z0-9.:-]{1,255}$/, { error: "must be a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0" }).default("127.0.0.1"),
    /** 0 lets the system choose a free port (tests); the address is printed either way. */
    PORT: wholeIn(0, 65535, 8080, "must be a port number from 0 to 65535"),
    /** How many reverse proxies stand in front: 0 ignores X-Forwarded-For, N takes the address the Nth proxy from us saw. */
    TRUST_PROXY: wholeIn(0, 10, 0, "must be the number of reverse proxies in front of the server, 0–10"),
    /** Requests per client IP per minute, refilled steadily; 0 turns the limit off. */
    RATE_LIMIT_PER_MINUTE: wholeIn(0, 100_000, 600, "must be a whole number from 0 (no limit) to 100000"),
    /** Requests a client IP may make at once before the per-minute rate applies. */
    RATE_LIMIT_BURST: positiveInt(120),
    BODY_LIMIT_BYTES: positiveInt(64 * 1024),
    BATCH_LIMIT_BYTES: positiveInt(64 * 1024 * 1024),
    FRAME_ANCESTORS: z
      .string()
      .default("'self'")
      .transform((text, ctx) => {
        const sources = text
          .split(/\s+/)
          .filter((part) => part !== "")
          .map((part) => (/^'?(self|none)'?$/i.test(part) ? `'${part.replace(/'/g, "").toLowerCase()}'` : part));
        const bad = sources.filter((source) => !frameSource.test(source));
        if (bad.length > 0 || sources.length === 0) ctx.addIssue({ code: "custom", message: `must be self, none, https: or https origins separated by spaces; not: ${bad.join(" ") || "(empty)"}` });
        return sources.join(" ");
      }),
    /** The staff session cookie's Secure flag: `auto` sets it on requests that came over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto); `always` on every one. */
    STAFF_COOKIE_SECURE: z.enum(["auto", "always"], { error: "must be auto or always" }).default("auto"),
    ADMIN_IDS: z
      .string()
      .default("")
      .transform((text, ctx) => {
        const ids = text.split(",").map((part) => part.trim()).filter((part) => part !== "");
        const bad = ids.filter((id) => !/^\d{1,20}$/.test(id));
        if (bad.length > 0) ctx.addIssue({ code: "custom", message: `must be Telegram user ids separated by commas; not ids: ${bad.join(", ")}` });
        return ids.map(Number);
      }),
    DATA_DIR: z.string().min(1).default("data"),
    RETENTION_DAYS: positiveInt(365),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"], { error: "must be debug, info, warn, error or silent" }).default("info"),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    LLM_TIMEOUT_MS: positiveInt(20_000),
    LLM_DAILY_LIMIT_PER_USER: positiveInt(20),
    LLM_CONCURRENCY: positiveInt(4),
    /** A Bot API call without an answer by then is ended and retried (telegraf's own wait is 500 s). */
    TELEGRAM_CALL_TIMEOUT_MS: positiveInt(15_000),
    /** Long polling: updates taken per getUpdates at most (src/channels/telegram/pollBatch.ts). */
    TELEGRAM_POLL_BATCH: wholeIn(1, 100, 16, "must be a whole number from 1 to 100"),
    /** Long polling: the least time in milliseconds from the start of one getUpdates to the next (pollBatch.ts); 0 polls again at once. */
    TELEGRAM_POLL_INTERVAL_MS: wholeIn(0, 1000, 25, "must be a whole number of milliseconds from 0 to 1000"),
    /** How long a reply is retried through 5xx, network errors and timeouts before it is given up. */
    TELEGRAM_RETRY_HORIZON_MS: positiveInt(10 * 60_000),
    /** SIGINT/SIGTERM: the longest the bot takes to stop; replies not delivered by then go out at the next start. */
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when WEBHOOK_URL is set" });
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends UserError {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  ${p}`).join("\n")}\nSee .env.example for every variable.`, 2);
    this.name = "ConfigError";
  }
}

/** Reads the configuration from an environment (process.env by default). Empty values count as unset. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return parsed.data;
}
