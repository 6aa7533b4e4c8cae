import { config } from "dotenv";
import { runMain } from "../app/runMain.js";
import { runAsk } from "../cli/ask.js";

config({ quiet: true });

runMain(() => runAsk(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }));
