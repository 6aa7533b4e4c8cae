import { runScreen } from "../cli/screen.js";
import { RulesFileError } from "../rules/loadRules.js";

runScreen(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof RulesFileError ? error.message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
