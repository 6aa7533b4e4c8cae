/// <reference lib="dom" />
import { ApiError, NetworkError, RateLimited } from "./common/http.js";

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

/** Worth trying again: no answer at all, asked to slow down, or the server briefly unavailable. */
export const isTransient = (error: unknown): boolean => error instanceof NetworkError || error instanceof RateLimited || (error instanceof ApiError && error.status >= 500);

/**
 * Runs `attempt` until it succeeds or fails for good. Between attempts it waits: Retry-After
 * when the server asked, otherwise doubling delays up to 15 s with jitter (so a district's
 * worth of phones coming back online do not retry in step), cut short when the browser
 * reports that it is online again.
 */
export async function retrying<T>(attempt: () => Promise<T>, waiting: (error: unknown, ms: number) => void, retryable: (error: unknown) => boolean = isTransient): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error)) throw error;
      const ms = error instanceof RateLimited ? error.seconds * 1000 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** n) * (0.75 + Math.random() / 2);
      waiting(error, ms);
      await pause(ms, !(error instanceof RateLimited));
    }
  }
}

function pause(ms: number, untilOnline: boolean): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (untilOnline) window.addEventListener("online", done);
  });
}
