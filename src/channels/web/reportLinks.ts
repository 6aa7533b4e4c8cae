import { randomBytes } from "node:crypto";
import { LruCache } from "../../lruCache.js";

/** How long a report link opens the report: long enough to tap it, short enough that a shared screenshot of it is harmless. */
export const REPORT_LINK_TTL_MS = 10 * 60 * 1000;
/** Links kept at once; beyond them the oldest is forgotten (its owner taps Download again). */
const CAPACITY = 10_000;

interface Link {
  conversationId: string;
  caseId: string | null;
  expiresAt: number;
}

/**
 * Short-lived links to a conversation's report, for browsers that cannot save a file a script
 * makes (the WeChat in-app browser ignores downloads of blob URLs): the page navigates to the link
 * and the report opens as a page. A link is a random token kept in memory, so neither the
 * conversation id (the visitor's only credential) nor anything else appears in the address, its
 * history or a proxy's log; a restart forgets every link, and the page simply asks for a new one.
 */
export class ReportLinks {
  private readonly links = new LruCache<string, Link>(CAPACITY);

  constructor(private readonly now: () => number = Date.now) {}

  create(conversationId: string, caseId: string | null): string {
    const token = randomBytes(24).toString("base64url");
    this.links.set(token, { conversationId, caseId, expiresAt: this.now() + REPORT_LINK_TTL_MS });
    return token;
  }

  /** The conversation and case a live link stands for; null when it is unknown or has expired. */
  resolve(token: string): Omit<Link, "expiresAt"> | null {
    const link = this.links.get(token);
    if (!link) return null;
    if (link.expiresAt <= this.now()) {
      this.links.delete(token);
      return null;
    }
    return { conversationId: link.conversationId, caseId: link.caseId };
  }

  /** Every link of a conversation is dropped when it is erased. */
  forget(conversationId: string): void {
    this.links.deleteWhere((link) => link.conversationId === conversationId);
  }
}
