import { todayInBeijing } from "../clock.js";
import { addDays } from "../conversation/staff/dates.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes what is older than RETENTION_DAYS: screenings by creation, conversations by last activity. */
export async function purgeExpired(store: Store, retentionDays: number, now: Date, logger: Logger): Promise<void> {
  const cutoff = addDays(todayInBeijing(now), -retentionDays);
  const removed = await store.purgeBefore(cutoff);
  logger.info("retention purge", { cutoff, removed });
}

/** Purges at once, then daily; the returned function stops it. */
export async function keepRetention(store: Store, retentionDays: number, clock: () => Date, logger: Logger): Promise<() => void> {
  const purge = () => purgeExpired(store, retentionDays, clock(), logger).catch((error: unknown) => logger.error("retention purge failed", { error: String(error) }));
  await purge();
  const daily = setInterval(() => void purge(), DAY_MS);
  daily.unref();
  return () => clearInterval(daily);
}
