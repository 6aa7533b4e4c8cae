import { config } from "dotenv";
import { runMain } from "../app/runMain.js";
import { runRecheck } from "../cli/recheck.js";

config({ quiet: true });

runMain(() => runRecheck(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }));
