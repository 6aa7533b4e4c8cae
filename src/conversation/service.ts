import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import { currentResult, step } from "../interview/index.js";
import { Assist } from "./assist.js";
import { latestCase } from "./cases.js";
import type { Caller, ConversationDeps } from "./deps.js";
import type { ConversationInput } from "./input.js";
import { interviewReplies } from "./interviewReplies.js";
import { caseChoices, languageMenu } from "./menus.js";
import { ConversationQueue, ConversationQueueFullError } from "./queue.js";
import { message, turnOf, type Reply, type Turn } from "./reply.js";
import { route, type TurnContext } from "./route.js";
import { langFromHint, loadSession, saveSession, type Session } from "./session.js";
import { countingFaqGaps } from "./staff/faqGaps.js";
import { beganScreening } from "./staff/screeningsStarted.js";
import { channelOf } from "../store/conversationId.js";

/** Where a conversation stands, to show it again after a reload or a reconnect. */
export interface ConversationView {
  lang: Lang;
  /** The current question, or the final result and its case, or the language menu for a new conversation. */
  replies: Reply[];
}

/**
 * The application layer every channel talks to: one turn = load the conversation, route the
 * input, save before replying, reply as data. Turns of one conversation run one at a time, in
 * order; different conversations in parallel. No error escapes a turn: the user is told
 * something went wrong, and the next turn is handled as usual.
 */
export class ConversationService {
  private readonly queue = new ConversationQueue();
  private readonly ctx: TurnContext;

  constructor(readonly deps: ConversationDeps) {
    const counted = { ...deps, assistant: countingFaqGaps(deps.assistant, deps.store, deps.clock, deps.logger) };
    const assist = new Assist(counted, (id, used) => this.queue.run(id, () => this.saveLlmCount(id, used)));
    this.ctx = { deps, assist, erase: (id) => this.eraseNow(id) };
  }

  /**
   * One turn. `show`, when given, is called with the turn inside the conversation's queue, so a
   * channel that sends as it is called (Telegram's outbox) sends the turns of one conversation in
   * their order.
   */
  async handle(conversationId: string, input: ConversationInput, caller: Caller = {}, show?: (turn: Turn) => void): Promise<Turn> {
    try {
      const turn = await this.queue.run(conversationId, async () => {
        const done = await this.turn(conversationId, input, caller);
        show?.(done);
        return done;
      });
      if (turn.later) this.queue.track(turn.later);
      return turn;
    } catch (error) {
      if (error instanceof ConversationQueueFullError) return turnOf([], "dropped");
      this.deps.logger.error("turn failed", { conversation: conversationId, error: describeError(error) });
      const failed = turnOf([message(t(langOf(caller), "bot.error"))], "error");
      show?.(failed);
      return failed;
    }
  }

  /** Where the conversation stands, without changing it. */
  view(conversationId: string, caller: Caller = {}): Promise<ConversationView> {
    return this.queue.run(conversationId, async () => {
      const session = await loadSession(this.deps.store, conversationId, caller.languageHint);
      const { interview } = this.deps;
      const state = session.interview;
      if (state && !state.done) {
        const shown = step(interview, state, { type: "start" });
        return { lang: session.lang, replies: interviewReplies(interview, shown.out, state.lang, currentResult(interview, state).screening, false) };
      }
      if (state?.done) {
        const { screening, evaluation } = currentResult(interview, state);
        const latest = await latestCase(this.deps, conversationId);
        const replies = interviewReplies(interview, [{ type: "result", evaluation, final: true }], state.lang, screening, false);
        if (latest) replies.push(message(t(state.lang, "bot.case.saved", { caseId: latest.caseId }), caseChoices(state.lang, latest.caseId)));
        return { lang: session.lang, replies };
      }
      return { lang: session.lang, replies: [languageMenu(session.lang)] };
    });
  }

  /** Whether anything is stored about the conversation (a web page's id may have been erased or expired). */
  exists(conversationId: string): Promise<boolean> {
    return this.queue.run(conversationId, async () => (await this.deps.store.getConversation(conversationId)) !== null);
  }

  /** The screening so far and its result, or null when no interview was started. */
  current(conversationId: string): Promise<{ lang: Lang; screening: Screening; evaluation: Evaluation } | null> {
    return this.queue.run(conversationId, async () => {
      const session = await loadSession(this.deps.store, conversationId, undefined);
      return session.interview ? { lang: session.interview.lang, ...currentResult(this.deps.interview, session.interview) } : null;
    });
  }

  /** The channel could (or could not) deliver to this conversation: a blocked bot is marked inactive. */
  setReachable(conversationId: string, reachable: boolean): Promise<void> {
    return this.queue.run(conversationId, async () => {
      const record = await this.deps.store.getConversation(conversationId);
      if (record && record.active !== reachable) await this.deps.store.putConversation({ ...record, active: reachable });
    });
  }

  /** Erases everything stored about a conversation (the "delete my data" of every channel). */
  erase(conversationId: string): Promise<void> {
    return this.queue.run(conversationId, () => this.eraseNow(conversationId));
  }

  /** Keeps detached work (a reply being delivered) in view of drain(). */
  track(work: Promise<unknown>): void {
    this.queue.track(work);
  }

  /** Tasks in hand: turns, later replies being written, and their hand-over to a channel. */
  get pending(): number {
    return this.queue.size;
  }

  /** Resolves once every turn and every later reply in hand has finished. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async turn(conversationId: string, input: ConversationInput, caller: Caller): Promise<Turn> {
    const { store, clock, logger } = this.deps;
    let session = await this.load(conversationId, input, caller);
    const lead: Reply[] = [];
    if (session.unreadable) {
      logger.warn("stored interview unreadable; set aside", { conversation: conversationId });
      lead.push(message(t(session.lang, "bot.check.unreadable")));
    }
    // An unreadable interview is already left out of the session: saving it sets it aside, and marks the record active.
    if (session.unreadable || (session.record && !session.record.active)) session = await saveSession(store, session, {}, clock());
    const turn = await route(this.ctx, session, input, caller);
    await this.countStarted(conversationId, session.interview);
    return { ...turn, replies: [...lead, ...turn.replies] };
  }

  /** The dashboard's "screenings started": read back from the store's cache, counted without the user's identity. */
  private async countStarted(conversationId: string, before: Session["interview"]): Promise<void> {
    // Counting never fails a turn: a record the store cannot read is simply not counted.
    const after = await this.deps.store.getConversation(conversationId).then((record) => record?.interview ?? null, () => null);
    if (!beganScreening(before, after)) return;
    await this.deps.store.recordActivity({ kind: "started", channel: channelOf(conversationId), at: this.deps.clock() }).catch((error: unknown) => this.deps.logger.warn("could not count a screening begun", { error: describeError(error) }));
  }

  /**
   * A record this program cannot use (written by a newer version, a directory in its place)
   * fails every turn but erasure: the user can always have it erased.
   */
  private async load(conversationId: string, input: ConversationInput, caller: Caller): Promise<Session> {
    try {
      return await loadSession(this.deps.store, conversationId, caller.languageHint);
    } catch (error) {
      const erasing = (input.type === "command" && input.command === "delete") || (input.type === "action" && input.action.kind === "delete");
      if (!erasing) throw error;
      this.deps.logger.warn("stored conversation unusable; erasing without reading it", { conversation: conversationId, error: describeError(error) });
      return { conversationId, lang: langFromHint(caller.languageHint), interview: null, record: null, unreadable: false };
    }
  }

  /** A part the store could not erase fails the turn: the user is told something went wrong, never "done". */
  private async eraseNow(conversationId: string): Promise<void> {
    const { notErased } = await this.deps.store.deleteConversation(conversationId);
    if (notErased.length > 0) throw new ErasureIncompleteError(conversationId, notErased);
    this.deps.logger.info("conversation data erased", { conversation: conversationId });
  }

  private async saveLlmCount(conversationId: string, used: { day: string; calls: number }): Promise<void> {
    const record = await this.deps.store.getConversation(conversationId);
    if (record) await this.deps.store.putConversation({ ...record, llm: used });
  }
}

/** The store erased what it could; these files are left for a person to look at. */
export class ErasureIncompleteError extends Error {
  constructor(
    readonly conversationId: string,
    readonly notErased: readonly string[],
  ) {
    super(`conversation ${conversationId} erased in part: ${notErased.length} file(s) could not be removed`);
    this.name = "ErasureIncompleteError";
  }
}

const langOf = (caller: Caller) => langFromHint(caller.languageHint);

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : typeof error;
}
