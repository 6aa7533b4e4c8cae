import type { ConversationService } from "../../conversation/index.js";
import type { Logger } from "../../log.js";
import type { BotApp } from "./createBot.js";

/** Replies that can go out at once are sent before stopping; the rest wait on disk for the next start. */
const DELIVERY_GRACE_MS = 1_000;

/**
 * Stops the bot within `timeoutMs` as a whole, once it takes no more updates: the turns in hand
 * finish (each saves its state and stores its replies), replies that go out at once are sent,
 * then the outbox closes, ending calls in flight. Nothing queued is lost: it stays in the store's
 * outbox and is sent first at the next start.
 */
export async function finishBot(app: BotApp, conversations: ConversationService, timeoutMs: number, logger: Logger, reason: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const left = () => Math.max(0, deadline - performance.now());
  const turnsFinished = await within(conversations.drain().then(() => true), left() / 2);
  const delivered = await app.deps.outbox.drain(Math.min(left(), DELIVERY_GRACE_MS));
  const closed = await within(app.deps.outbox.close().then(() => true), left());
  logger.info("bot stopped", { reason, turnsFinished, repliesDelivered: delivered, outboxSaved: closed });
}

/** The work's result, or false if it is not done within `ms`. */
async function within(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
