import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest's global set-up: every temporary file of a test run goes under one folder of the run's
 * own, removed when the run ends. TMPDIR points there, so the tests' folders (data folders,
 * spreadsheets, copies of the app) and those of the processes they start (the browser's
 * profile, the CLI's outputs) need no cleaning one by one, and a run leaves nothing behind.
 */
export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "tongzhou-tests-"));
  // As open as /tmp itself: some tests run the app as another user (a read-only data folder, as root).
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
