import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "../log.js";
import { UserError } from "../userError.js";

/** Another live process (or another store in this one) writes to the data folder. */
export class StoreLockedError extends UserError {
  constructor(
    readonly lockFile: string,
    readonly pid: number | null,
  ) {
    super(
      `${lockFile} is held by process ${pid ?? "(unknown)"}, which is running: only one process may write to a data folder. ` +
        `Stop the other one, or, if nothing runs on this folder, delete ${lockFile}.`,
    );
    this.name = "StoreLockedError";
  }
}

/** Lock files held by stores of this process: a lock naming our own pid is live only if it is one of them. */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(file, "utf-8")).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** `wx` creates the file before the pid is written: an empty lock may be one being taken right now. */
async function readHolder(lockFile: string): Promise<number | null> {
  const pid = await readPid(lockFile);
  if (pid !== null) return pid;
  await delay(100);
  return readPid(lockFile);
}

/**
 * A lock whose pid is ours but which no store here holds was left by an earlier run that got
 * the same pid (a container restarts its program as pid 1).
 */
const isLive = (pid: number | null, lockFile: string) => pid !== null && (pid === process.pid ? heldHere.has(lockFile) : isRunning(pid));

/**
 * Moves a stale lock aside and checks it is still the stale one: if another process took it over
 * in between, that process's lock is put back and we give up.
 */
async function breakStaleLock(lockFile: string, stalePid: number | null): Promise<void> {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    await rename(lockFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  const moved = await readPid(aside);
  if (moved !== stalePid) {
    await link(aside, lockFile).catch(() => undefined);
    await unlink(aside);
    throw new StoreLockedError(lockFile, moved);
  }
  await unlink(aside);
}

/** Takes the data folder's lock (`wx`: created only if absent), taking over one left by a dead process. */
export async function acquireLock(lockFile: string, logger: Logger): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: "wx" });
      heldHere.add(lockFile);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const pid = await readHolder(lockFile);
    if (isLive(pid, lockFile)) throw new StoreLockedError(lockFile, pid);
    logger.warn("store: taking over a lock left by a process that is no longer running", { lockFile, stalePid: pid });
    await breakStaleLock(lockFile, pid);
  }
  throw new StoreLockedError(lockFile, await readPid(lockFile));
}

export async function releaseLock(lockFile: string): Promise<void> {
  heldHere.delete(lockFile);
  if ((await readPid(lockFile)) === process.pid) await unlink(lockFile);
}
