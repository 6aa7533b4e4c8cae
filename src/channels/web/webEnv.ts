import type { HttpBindings } from "@hono/node-server";

/** What the server's handlers share about a request: the node request (absent in app.request() tests) and what the log line reports. */
export interface WebEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    clientIp: string;
    /** The conversation a request was about, for the log line. */
    conversationId?: string;
    /** The turn's outcome (ok, stale, forged …), for the log line. */
    outcome?: string;
  };
}
