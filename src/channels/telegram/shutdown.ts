import type { ConversationService } from "../../conversation/index.js";
import type { Deadline } from "../../deadline.js";
import type { Logger } from "../../log.js";
import type { BotApp } from "./createBot.js";

/** Replies that can go out at once are sent before stopping; the rest wait on disk for the next start. */
const DELIVERY_GRACE_MS = 1_000;

/**
 * Stops the bot by `deadline`, once it takes no more updates: the turns in hand finish (each
 * saves its state and stores its replies), replies that go out at once are sent, then the outbox
 * closes, ending calls in flight. Nothing queued is lost: it stays in the store's outbox and is
 * sent first at the next start.
 */
export async function finishBot(app: BotApp, conversations: ConversationService, deadline: Deadline, logger: Logger, reason: string): Promise<void> {
  const turnsFinished = await deadline.within(conversations.drain(), deadline.left() / 2);
  const delivered = await app.deps.outbox.drain(Math.min(deadline.left(), DELIVERY_GRACE_MS));
  const closed = await deadline.within(app.deps.outbox.close());
  logger.info("bot stopped", { reason, turnsFinished, repliesDelivered: delivered, outboxSaved: closed });
}
