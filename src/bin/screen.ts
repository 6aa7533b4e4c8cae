import "../cli/parseOnce.js";
import { runMain } from "../app/runMain.js";
import { runScreen } from "../cli/screen.js";

// process.stdin opens a stream when first read; most runs name a file, so only "-" opens it.
runMain(() => runScreen(process.argv.slice(2), { get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr }));
