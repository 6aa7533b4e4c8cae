import { UserError } from "../userError.js";

/**
 * Runs an entry point: its result is the exit code; a UserError prints its message alone (the
 * same from `npm start`, `chat`, `screen`, `ask` and `staff`), anything else its stack. The
 * process ends when its work does, so output piped to another program is never cut short.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UserError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = error.exitCode;
        return;
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
