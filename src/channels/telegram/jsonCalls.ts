import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { TelegramError, type Telegram } from "telegraf";
import { wrapCallApi } from "./wrapCallApi.js";

/**
 * A Bot API call that failed on the way: no connection, a broken one, an answer that is not
 * JSON, or no answer in time (CallTimeoutError). Named as node-fetch names it, with its `type`,
 * since telegraf's polling loop retries a getUpdates that failed so (and classifySendError
 * counts it as transient).
 */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly type = "system",
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/**
 * A Bot API call that did not answer within its deadline: a FetchError of node-fetch's own
 * timeout type, so telegraf's polling loop retries a timed-out getUpdates as it retries a
 * network error, and classifySendError counts it as transient.
 */
export class CallTimeoutError extends FetchError {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`${method}: no answer from the Bot API within ${timeoutMs} ms`, "ETIMEDOUT", "request-timeout");
  }
}

/** A call's deadline: `timeoutMs`, and for a long poll (getUpdates) its server-side wait on top, since it is meant to be held that long. */
export function deadlineOf(method: string, payload: Record<string, unknown> | undefined, timeoutMs: number): number {
  const pollSeconds = method === "getUpdates" && typeof payload?.timeout === "number" ? payload.timeout : 0;
  return timeoutMs + pollSeconds * 1000;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * Whether telegraf would upload something with this call (a file's `source` or `url`, or a
 * `media` object), as a multipart form. It errs towards yes: such a call only goes the slower way.
 */
export function carriesFile(payload: Record<string, unknown>): boolean {
  for (const key in payload) {
    if (key === "link_preview_options") continue;
    const value = payload[key];
    if (Array.isArray(value)) {
      if (value.some((entry) => isObject(entry) && isObject(entry.media))) return true;
    } else if (isObject(value) && ("source" in value || "url" in value || isObject(value.media))) return true;
  }
  return false;
}

/** telegraf's JSON body: fields that are null or undefined are left out. */
const withoutNullish = (_key: string, value: unknown) => (value === null ? undefined : value);

/** The call's answer: its result, or the TelegramError telegraf would throw for it. */
function answerOf(response: IncomingMessage, text: string, method: string, payload: Record<string, unknown>): unknown {
  const status = response.statusCode ?? 0;
  if (status >= 500) throw new TelegramError({ error_code: status, description: response.statusMessage ?? "" }, { method, payload });
  let data: { ok?: boolean; result?: unknown; error_code: number; description: string };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    throw new FetchError(`${method}: the Bot API answered ${status} with a body that is not JSON`, "EBADJSON");
  }
  if (!data.ok) throw new TelegramError(data, { method, payload });
  return data.result;
}

/**
 * Sends every Bot API call that carries no file as one JSON POST over node:http(s), on a
 * keep-alive agent, instead of through telegraf's node-fetch. The answer is telegraf's: the
 * call's result, a TelegramError with Telegram's code and parameters, an AbortError when the
 * caller's signal aborts, and a FetchError for a network failure. Each call has a deadline
 * (deadlineOf `timeoutMs`), past which it ends with a CallTimeoutError. Uploads (the printable
 * report) still go through telegraf's multipart client. Returns a function that ends every
 * call in flight at once (on shutdown), each with an AbortError, by closing the agent's sockets.
 *
 * Why by hand: node-fetch builds a Request, Headers, a body stream and a Response around each
 * call, which made it the largest single cost of a bot update (7.5 % of the bot's CPU in a
 * profile of `npm run bench:bot`, at two calls or so per update with the long polls). A
 * deadline is a timer that destroys the request, and no call is kept in a set to be ended on
 * shutdown: eight calls at a time against a local server, each cost 57–62 µs of CPU (medians
 * of six rounds) with no deadline, 85–91 µs with one kept by an AbortController and a set of
 * the calls in flight (withCallDeadline), and about as much with a timer and such a set.
 */
export function sendJsonCallsDirectly(telegram: Telegram, timeoutMs: number): () => void {
  const { apiRoot, apiMode, testEnv } = telegram.options;
  const https = apiRoot.startsWith("https:");
  // telegraf's own agent for https (keep-alive); over plain http it has none.
  const agent = https ? telegram.options.agent : new HttpAgent({ keepAlive: true });
  const send = https ? httpsRequest : httpRequest;
  const urls = new Map<string, URL>();
  const urlOf = (method: string) => {
    let url = urls.get(method);
    if (url === undefined) urls.set(method, (url = new URL(`./${apiMode}${telegram.token}${testEnv ? "/test" : ""}/${method}`, apiRoot)));
    return url;
  };
  // Calls begun before the latest stop: ended by it, with an AbortError.
  let stops = 0;
  wrapCallApi(telegram, (viaTelegraf) => (method, payload, options) => {
    if (carriesFile(payload)) return viaTelegraf(method, payload, options);
    const body = JSON.stringify(payload, withoutNullish);
    const deadline = deadlineOf(method, payload, timeoutMs);
    const begunAfter = stops;
    return new Promise((resolve, reject) => {
      const fail = (error: Error & { code?: string }) => {
        clearTimeout(timer);
        if (stops !== begunAfter) reject(new DOMException(`${method}: ended, the bot is stopping`, "AbortError"));
        else reject(error.name === "AbortError" || error instanceof FetchError ? error : new FetchError(`${method}: ${error.message}`, error.code));
      };
      const request = send(
        urlOf(method),
        { method: "POST", agent, signal: options?.signal, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", fail);
          response.on("end", () => {
            clearTimeout(timer);
            try {
              resolve(answerOf(response, Buffer.concat(chunks).toString("utf8"), method, payload));
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      // The call's own error first: what destroying the request then emits comes too late to count.
      const timer = setTimeout(() => {
        fail(new CallTimeoutError(method, deadline));
        request.destroy();
      }, deadline);
      request.on("error", fail);
      request.end(body);
    });
  });
  return () => {
    stops += 1;
    // Every socket in use ends, and with it the call it carries. Over https the agent is telegraf's,
    // which its clients share: the one bot of this process.
    agent?.destroy();
  };
}
