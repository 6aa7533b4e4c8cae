import { runMain } from "../app/runMain.js";
import { runScreen } from "../cli/screen.js";

runMain(() => runScreen(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }));
