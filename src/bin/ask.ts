import { config } from "dotenv";
import { runAsk } from "../cli/ask.js";
import { RulesFileError } from "../rules/loadRules.js";

config({ quiet: true });

runAsk(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof RulesFileError ? error.message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
