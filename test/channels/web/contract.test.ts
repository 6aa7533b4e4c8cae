import { afterAll } from "vitest";
import { actionOfEvent } from "../../../src/conversation/action.js";
import { channelContract, type ContractDriver, type ContractSession } from "../channelContract.js";
import { AS_OF, interview, removeDataDirs, shown, startWeb, WebClient, type TestWeb } from "./harness.js";

afterAll(() => removeDataDirs());

/** The web adapter driven over HTTP, as the page's script drives it. */
async function webDriver(): Promise<ContractDriver> {
  let web: TestWeb = await startWeb();
  const dir = web.dir;
  const client = () => new WebClient(web.base);
  return {
    interview,
    asOf: AS_OF,
    dataDir: dir,
    async begin(lang) {
      const { conversationId } = await client().create(lang);
      const turn = async (input: unknown) => shown(await client().turn(conversationId, input));
      const session: ContractSession = {
        conversationId,
        open: () => turn({ type: "action", action: { kind: "go" } }),
        press: (event, shownTurn) => turn({ type: "action", action: actionOfEvent(event, shownTurn) }),
        type: (text) => turn({ type: "text", text }),
        pressForged: (key, shownTurn) => turn({ type: "action", action: { kind: "answer", key, turn: shownTurn, value: "no-such-option" } }),
        resume: async () => shown((await (await client().fetch("/api/v1/conversation", { id: conversationId })).json()) as never),
        report: async (caseId) => (await client().fetch(`/api/v1/conversation/report?case=${caseId}`, { id: conversationId })).text(),
        erase: async () => {
          const response = await client().fetch("/api/v1/conversation", { method: "DELETE", id: conversationId });
          if (response.status !== 204) throw new Error(`delete: ${response.status}`);
        },
      };
      return session;
    },
    async restart() {
      await web.stop();
      web = await startWeb({ dir });
    },
    stop: () => web.stop(),
  };
}

channelContract("web", webDriver);
