import { config as loadDotenv } from "dotenv";
import { runMain } from "../app/runMain.js";
import { runChat } from "../channels/console/runChat.js";

/** `npm run chat`: the conversation in the terminal. */
loadDotenv({ quiet: true });

runMain(() => runChat(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }));
