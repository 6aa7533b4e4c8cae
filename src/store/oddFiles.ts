import type { Logger } from "../log.js";

/**
 * One file the store cannot use (written by a newer version, a directory in its place, no
 * permission) must not stop work that spans many: purge, erasure and listing skip it with a
 * warning that names it, and go on.
 */
export async function skippingOddFile<T>(logger: Logger, work: string, file: string, task: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    logger.warn(`store: ${work} skipped a file it cannot use`, { file, problem: describe(error) });
    return { ok: false };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return (code ? `${code}: ` : "") + error.message.slice(0, 300);
}
