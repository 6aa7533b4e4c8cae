/// <reference lib="dom" />
import { Shell } from "./shell.js";
import { StaffConsole } from "./staffConsole.js";

/** The staff console's entry: bundled into dist/web/assets/staff.js by scripts/build.mjs. */
void new StaffConsole(new Shell()).start();
