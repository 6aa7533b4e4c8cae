/**
 * Simulated applicants for `bench/web.ts`, in their own process: each keeps one conversation
 * going over HTTP with keep-alive (Node's fetch), answering every question as soon as it is shown
 * (buttons for choices, an amount typed in 万 and confirmed, a count typed), and starts a new
 * screening when one ends. Only 127.0.0.1 is contacted; the run ends after its window.
 */
import { percentile } from "./timing.js";

export interface UsersRequest {
  type: "run";
  url: string;
  users: number;
  warmUpSeconds: number;
  seconds: number;
}

export interface UsersResult {
  type: "done";
  turns: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  failures: number;
  /** Requests that got no answer at all, by error. */
  networkErrors: Record<string, number>;
  screeningsFinished: number;
}

interface Reply {
  type: string;
  choices?: { action: Record<string, unknown> }[][];
  question?: { answer: string; options: { ticked: boolean }[] };
}

const networkErrors: string[] = [];

async function call(url: string, path: string, id: string | null, body?: unknown): Promise<{ status: number; json: { conversationId?: string; replies?: Reply[]; later?: Reply[] } }> {
  try {
    const response = await fetch(`${url.replace(/\/$/, "")}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", "accept-language": "zh-CN", ...(id ? { "x-conversation-id": id } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as never };
  } catch (error) {
    // A connection lost is a failed turn, reported as such; the applicant tries again.
    networkErrors.push(error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message) : String(error));
    return { status: 0, json: {} };
  }
}

/** What an applicant does next, from the replies shown: answer the question, or start again after a result. */
function nextInput(replies: Reply[], pick: number): unknown {
  const question = [...replies].reverse().find((reply) => reply.type === "question");
  const actions = (question?.choices ?? []).flat().map((choice) => choice.action);
  if (!question) return { type: "action", action: { kind: "new" } };
  switch (question.question?.answer) {
    case "amount":
      return { type: "text", text: `${(pick % 90) + 10}万` };
    case "count":
      return { type: "text", text: String(pick % 3) };
    case "multi": {
      // Tick the first option, then Done: the topics picked open their questions.
      const ticked = question.question.options.some((option) => option.ticked);
      return { type: "action", action: actions.find((a) => a.kind === (ticked ? "done" : "toggle")) ?? actions.find((a) => a.kind === "done") };
    }
    case "confirm":
      return { type: "action", action: actions.find((a) => a.kind === "confirm" && a.yes === true) };
    default: {
      // Mostly the first answer (yes, an enterprise …), so most screenings run their course rather than end at a gate.
      const answers = actions.filter((a) => a.kind === "answer");
      return { type: "action", action: answers[pick % 4 === 0 ? pick % answers.length : 0] ?? actions[0] };
    }
  }
}

process.on("message", async (request: UsersRequest) => {
  const latencies: number[] = [];
  let failures = 0;
  let turns = 0;
  let finished = 0;
  const started = performance.now();
  const measureFrom = started + request.warmUpSeconds * 1000;
  const end = measureFrom + request.seconds * 1000;
  const applicant = async (n: number) => {
    let pick = n;
    while (performance.now() < end) {
      const created = await call(request.url, "/api/v1/conversations", null, { lang: n % 2 ? "zh" : "en" });
      const id = created.json.conversationId;
      if (!id) continue;
      let input: unknown = { type: "action", action: { kind: "go" } };
      while (performance.now() < end) {
        const at = performance.now();
        const turn = await call(request.url, "/api/v1/conversation/turns", id, input);
        const done = performance.now();
        if (at >= measureFrom && done <= end) {
          latencies.push(done - at);
          turns += 1;
          if (turn.status !== 200) failures += 1;
        }
        const replies = [...(turn.json.replies ?? []), ...(turn.json.later ?? [])];
        input = nextInput(replies, (pick = (pick * 1_103_515_245 + 12_345) % 2_147_483_648));
        if (replies.some((reply) => reply.type === "result" && (reply as { final?: boolean }).final)) {
          finished += 1;
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: request.users }, (_, n) => applicant(n)));
  const result: UsersResult = {
    type: "done",
    turns,
    seconds: request.seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    failures,
    networkErrors: Object.fromEntries([...new Set(networkErrors)].map((kind) => [kind, networkErrors.filter((e) => e === kind).length])),
    screeningsFinished: finished,
  };
  process.send!(result);
  process.exit(0);
});
process.send!({ type: "ready" });
