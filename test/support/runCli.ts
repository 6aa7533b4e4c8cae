import { spawn } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's commands from src/ (through tsx), as a user would, with optional stdin. */
export function runCli(bin: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runNode(["--import", "tsx", join(ROOT, "src", "bin", `${bin}.ts`), ...args], input, env);
}

/** Runs a built command's file in dist/ (`screen.cjs`), as `npm run` does, with optional stdin. */
export function runBuiltCli(file: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runNode([join(ROOT, "dist", file), ...args], input, env);
}

function runNode(args: string[], input: string | undefined, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}
